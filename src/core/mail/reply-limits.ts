import type { ReplyRecord } from './message-action';

/** A Messages row as the reply limits see it. */
export interface RepliedMessage {
  /** The sender's address, lower-cased. */
  readonly from: string;
  /** When the message arrived (epoch ms). */
  readonly at: number;
  /** Recorded by the run deciding now: its replies all go out now, whenever the mail arrived. */
  readonly thisRun: boolean;
  readonly reply: ReplyRecord | null;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A reply the sender has had, or will have once the outbox goes out. */
const promised = (r: ReplyRecord | null, kind: ReplyRecord['kind']) =>
  r !== null && r.kind === kind && (r.outcome === 'queued' || r.outcome === 'sent' || r.outcome === 'draft');

/**
 * Replies of `kind` promised to `address` in the window before `now`: by when earlier
 * messages arrived, and every message of this run — a catch-up over a month of mail must
 * not send one sender a reply per old request.
 */
export function repliesPromised(
  ledger: Iterable<RepliedMessage>,
  address: string,
  kind: ReplyRecord['kind'],
  now: number,
  windowMs: number,
): number {
  let n = 0;
  for (const m of ledger) if (m.from === address && (m.at >= now - windowMs || m.thisRun) && promised(m.reply, kind)) n++;
  return n;
}

/** Whether `address` may get another acknowledgement: at most `perHour` in an hour (stops mail loops). */
export function mayAcknowledge(ledger: Iterable<RepliedMessage>, address: string, now: number, perHour: number): boolean {
  return repliesPromised(ledger, address, 'acknowledgement', now, HOUR_MS) < perHour;
}

/** Whether an unregistered sender may get the polite reply: once a day. */
export function mayReplyToUnregistered(ledger: Iterable<RepliedMessage>, address: string, now: number): boolean {
  return repliesPromised(ledger, address, 'reply', now, DAY_MS) === 0;
}

/**
 * Replies of `kind` promised to anyone in the window before `now` (and by this run): the
 * overall cap on polite replies to strangers, so a flood of them cannot use up the day's mail.
 */
export function repliesPromisedToAll(ledger: Iterable<RepliedMessage>, kind: ReplyRecord['kind'], now: number, windowMs: number): number {
  let n = 0;
  for (const m of ledger) if ((m.at >= now - windowMs || m.thisRun) && promised(m.reply, kind)) n++;
  return n;
}
