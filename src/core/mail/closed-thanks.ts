import type { TicketId } from '../types/ids';
import type { OutgoingText } from './ack';
import { ownMarker } from './own';
import { taggedReplySubject } from './subject';

/** The reply to a client who agreed a resolved ticket can be closed, in its thread. */
export function closedThanks(ticketId: TicketId, subject: string, name: string, markKey: string): OutgoingText {
  const hello = name.trim() ? `Hello ${name.trim()},` : 'Hello,';
  return {
    subject: taggedReplySubject(ticketId, subject),
    body: [
      hello,
      '',
      `Thank you for confirming the fix. Ticket ${ticketId} is now closed, with your agreement recorded.`,
      `If the problem comes back, just reply: we open a new request that refers to ${ticketId}.`,
      '',
      'The Support team',
      '',
      ownMarker('notice', markKey),
    ].join('\n'),
  };
}

/** The status update when a client's reply reopens a Resolved ticket: to them and the followers, in its thread. */
export function reopenedNotice(ticketId: TicketId, subject: string, name: string, markKey: string): OutgoingText {
  const hello = name.trim() ? `Hello ${name.trim()},` : 'Hello,';
  return {
    subject: taggedReplySubject(ticketId, subject),
    body: [
      hello,
      '',
      `Thank you for letting us know. We have reopened ticket ${ticketId} and will come back to you on it.`,
      '',
      'You can add anything that helps, such as a screenshot or the time it happened, by replying to this message.',
      '',
      'The Support team',
      '',
      ownMarker('notice', markKey),
    ].join('\n'),
  };
}
