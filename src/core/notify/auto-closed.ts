import { localTime } from './format';
import type { OutgoingMail, TicketBrief } from './types';

/** To the requester and followers when a Resolved ticket closes after their silence, in its thread. */
export function autoClosedMail(brief: TicketBrief, followers: readonly string[], days: number, closedAtMs: number): OutgoingMail {
  const body = [
    'Hello,',
    '',
    `We have not heard from you in the ${days} business day${days === 1 ? '' : 's'} since we resolved ${brief.ticketId} "${brief.subject || '(no subject)'}", so we have closed it as resolved (${localTime(closedAtMs, brief.zone)}).`,
    '',
    `If the problem comes back, reply to this message: we pick it up again as a new request that refers to ${brief.ticketId}.`,
    '',
    'Thank you,',
    'The Support team',
  ].join('\n');
  return {
    to: brief.requester ? [brief.requester] : [],
    cc: followers.filter((f) => f !== brief.requester),
    subject: `[#${brief.ticketId}] Closed: ${brief.subject || '(no subject)'}`,
    body: `${body}\n`,
  };
}
