import type { KeyValuePort } from '../ports';

/**
 * Mail the job has decided to send but not yet sent. It is saved (document properties)
 * together with the ledger rows that promise it, and removed once sent — or once our own
 * copy is seen in its thread, which covers a run cut right after sending. So a reply is
 * sent at most once and, unless a person deletes it, at least once.
 */
export interface QueuedMail {
  /** The requester's From address (the rate limits and the Log name them by it). */
  readonly to: string;
  /**
   * Who the mail goes to instead, when an acknowledgement honours a Reply-To made only of
   * the requester and registered contacts of their client (core/mail/reply-to); else `to`.
   */
  readonly recipients?: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly body: string;
  /** The ledger key of the message being answered. */
  readonly key: string;
  readonly kind: 'ack' | 'unregistered' | 'notice';
  /** What our copy's reference line carries (ownMarker key). */
  readonly markKey: string;
  readonly gmailId: string;
  readonly threadId: string;
  readonly ticketId: string;
  /** Set (and saved) just before a send is tried: if the run dies there, the next run checks Sent mail first. */
  attempted?: boolean;
}

const KEY = 'ingest.outbox';
// Property values are limited to 9 KB; stay well below in UTF-16 code units.
const CHUNK = 4000;

export function loadOutbox(kv: KeyValuePort): QueuedMail[] {
  const head = kv.get(KEY);
  if (!head) return [];
  const bar = head.indexOf('|');
  const n = Number(head.slice(0, bar));
  let text = head.slice(bar + 1);
  for (let i = 1; i < n; i++) text += kv.get(`${KEY}.${i}`) ?? '';
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as QueuedMail[]) : [];
  } catch {
    return [];
  }
}

export function saveOutbox(kv: KeyValuePort, mails: readonly QueuedMail[], previousChunks: number): number {
  if (mails.length === 0) {
    if (previousChunks > 0) kv.delete(KEY);
    for (let i = 1; i < previousChunks; i++) kv.delete(`${KEY}.${i}`);
    return 0;
  }
  const text = JSON.stringify(mails);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
  // Later chunks first, so a reader never sees a head that points at missing parts.
  for (let i = chunks.length - 1; i >= 1; i--) kv.set(`${KEY}.${i}`, chunks[i]!);
  kv.set(KEY, `${chunks.length}|${chunks[0]}`);
  for (let i = chunks.length; i < previousChunks; i++) kv.delete(`${KEY}.${i}`);
  return chunks.length;
}
