import type { MailboxModel, ThreadRecord } from './model';
import { compileQuery } from './query/compile';

/**
 * Gmail search: a thread is a hit when one of its arrived messages satisfies the whole
 * query (Gmail evaluates terms per message, which is why `-label:done` finds a done
 * thread again once an unlabelled reply arrives). Hits come newest first, ordered by
 * the thread's latest arrived message.
 */
export function searchThreads(mailbox: MailboxModel, query: string, now: number): ThreadRecord[] {
  const q = compileQuery(query, {
    now,
    userLabels: () => mailbox.userLabels(),
    isOwnAddress: (a) => mailbox.isOwnAddress(a),
  });
  const hits: Array<{ t: ThreadRecord; last: number; seq: number }> = [];
  for (const t of mailbox.threads()) {
    const msgs = mailbox.visibleMessages(t.id, now);
    const last = msgs[msgs.length - 1];
    if (!last) continue;
    const ok = msgs.some((m) => (q.includeSpamTrash || !(m.labels.has('SPAM') || m.labels.has('TRASH'))) && q.matches(m));
    if (ok) hits.push({ t, last: last.internalDate, seq: last.seq });
  }
  hits.sort((a, b) => b.last - a.last || b.seq - a.seq);
  return hits.map((h) => h.t);
}
