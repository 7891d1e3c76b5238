import { closedThanks, reopenedNotice } from '../../core/mail/closed-thanks';
import type { MessageAction, ReplyRecord } from '../../core/mail/message-action';
import { ownWords } from '../../core/mail/own-words';
import { receivedAt, type ParsedMessage } from '../../core/mail/parsed';
import { readResolvedReply } from '../../core/tickets/close-agreement';
import type { HandlerContext } from './handle-message';
import type { WorkTicket } from './ticket-book';

/**
 * Our copy's reference key: per message answered, so a ticket closed or reopened a second
 * time is not taken for one whose notice was already sent.
 */
const noticeKey = (t: WorkTicket, what: string, p: ParsedMessage) => `${t.id}-${what}-${p.ledgerId.replace(/[^A-Za-z0-9._@-]/g, '')}`;

/**
 * A client's reply to a Resolved ticket that agrees it can be closed closes it instead of
 * reopening it: Status Closed, Closed by (who agreed, "(agreed by mail)") and Closed at (the
 * mail's time), one Log line, and a thank-you in the thread. Returns the ledger action, or null
 * when the reply does not agree (or says the problem persists): the caller reopens as before.
 * Only the requester or an authorized contact of the ticket's client (a `customer` message)
 * may agree; their own words are read, never the quoted history below them.
 */
export function closeOnAgreement(c: HandlerContext, p: ParsedMessage, t: WorkTicket): MessageAction | null {
  const read = readResolvedReply(`${p.msg.subject}\n${ownWords(p.msg.body)}`, {
    agree: c.settings.closeAgreementPhrases,
    persists: c.settings.problemPersistsPhrases,
  });
  if (read.says !== 'agrees') return null;
  const who = p.sender.address;
  const at = new Date(receivedAt(p));
  t.status = 'Closed';
  t.closedBy = `${who} (agreed by mail)`;
  t.closedAt = at;
  c.book.touch(t, 'Status', 'Closed');
  c.book.touch(t, 'Closed by', t.closedBy);
  c.book.touch(t, 'Closed at', at);
  c.log.add('Closed on agreement', `${who} agreed ${t.id} can be closed ("${read.phrase}")`, { ticketId: t.id, clientId: t.clientId });
  const contact = c.directory.contact(who);
  const markKey = noticeKey(t, 'closed', p);
  const mail = closedThanks(t.id, p.msg.subject, contact?.name || p.sender.name, markKey);
  c.replies.add({
    key: p.ledgerId,
    kind: 'notice',
    markKey,
    gmailId: p.msg.gmailId,
    threadId: p.msg.threadId,
    ticketId: t.id,
    to: who,
    cc: [],
    ...mail,
  });
  return { event: `added to ${t.id}; closed: ${who} agreed`, reply: { kind: 'reply', outcome: 'queued' } };
}

/**
 * A client's reply reopened the ticket: they and the followers hear so in its thread (one
 * status update per reopening, keyed by the message that reopened it).
 */
export function queueReopened(c: HandlerContext, p: ParsedMessage, t: WorkTicket): ReplyRecord {
  const who = p.sender.address;
  const contact = c.directory.contact(who);
  const markKey = noticeKey(t, 'reopened', p);
  const mail = reopenedNotice(t.id, p.msg.subject, contact?.name || p.sender.name, markKey);
  c.replies.add({
    key: p.ledgerId,
    kind: 'notice',
    markKey,
    gmailId: p.msg.gmailId,
    threadId: p.msg.threadId,
    ticketId: t.id,
    to: who,
    cc: t.followers.filter((f) => f !== who),
    ...mail,
  });
  return { kind: 'reply', outcome: 'queued' };
}
