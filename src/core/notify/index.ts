/** The text of the mails the SLA sweep sends: escalations, resolution notices, update reminders. */
export { localTime, businessSpan, standing } from './format';
export type { OutgoingMail, TicketBrief } from './types';
export { escalationMail } from './escalation';
export { reminderMail, resolvedMail } from './status';
