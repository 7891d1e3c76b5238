import type { OutgoingMail, TicketBrief } from './types';

/**
 * To the requester and followers when a ticket goes to Waiting on customer: what is needed,
 * in the agent's words from the ticket's "Needed from client" cell (Ascent360: "Ascent360
 * will communicate back to Client what exactly is needed"). Sent in the ticket's thread.
 */
export function waitingMail(brief: TicketBrief, followers: readonly string[], needed: string): OutgoingMail {
  const what = needed.trim();
  const body = [
    'Hello,',
    '',
    `To continue with your request ${brief.ticketId} "${brief.subject || '(no subject)'}" we need something from you:`,
    '',
    what === '' ? 'Please reply to this message with any further details you can give.' : what,
    '',
    'Please reply to this message; the ticket waits for your answer.',
    '',
    'Thank you,',
    'The Support team',
  ].join('\n');
  return {
    to: brief.requester ? [brief.requester] : [],
    cc: followers.filter((f) => f !== brief.requester),
    subject: `[#${brief.ticketId}] Waiting on you: ${brief.subject || '(no subject)'}`,
    body: `${body}\n`,
  };
}
