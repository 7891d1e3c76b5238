import type { OutgoingMail } from './types';

/** To the requester and followers when a person closes their ticket, in its thread. */
export function closedMail(ticketId: string, subject: string, requester: string, followers: readonly string[]): OutgoingMail {
  const body = [
    'Hello,',
    '',
    `We have closed your request ${ticketId} "${subject || '(no subject)'}".`,
    '',
    `If anything is still open, reply to this message: we pick it up again as a new request that refers to ${ticketId}.`,
    '',
    'Thank you,',
    'The Support team',
  ].join('\n');
  return {
    to: [requester],
    cc: followers.filter((f) => f !== requester),
    subject: `[#${ticketId}] Closed: ${subject || '(no subject)'}`,
    body: `${body}\n`,
  };
}
