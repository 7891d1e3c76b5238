/** The text of the mails the SLA sweep sends: escalations, resolution notices, update reminders. */
export { localTime, businessSpan, standing } from './format';
export type { MailAttachment, OutgoingMail, TicketBrief } from './types';
export { recipientsOf } from './types';
export { escalationMail } from './escalation';
export { clientEscalationMail, clientEscalationReply, ownerName } from './client-escalation';
export { escalationDigest, escalationDigests, utf8Length } from './digest';
export { reminderMail, resolvedMail } from './status';
