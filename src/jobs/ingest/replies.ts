import { ownMarker } from '../../core/mail/own';
import type { ReplyOutcome } from '../../core/mail/message-action';
import type { ClockPort, KeyValuePort, RunBudget, RunLogPort } from '../ports';
import type { MailPriority, QuotaMailer } from '../mail/quota';
import { loadOutbox, saveOutbox, type QueuedMail } from './outbox';
import type { MailboxPort } from './ports';

const priorityOf = (q: QueuedMail): MailPriority => (q.kind === 'ack' ? 'client' : 'stranger');

/**
 * How much of the document property store (500 KB for all of it) the outbox may fill, in
 * characters of its JSON. A first run over a large backlog from many clients would queue
 * thousands of acknowledgements; beyond this the run stops reading, sends, and the next
 * run goes on, instead of failing on the store's quota with nothing recorded.
 */
export const OUTBOX_BUDGET_CHARS = 350_000;

const charsOf = (q: QueuedMail) => JSON.stringify(q).length;

/**
 * Keys of mails whose send was tried since the outbox was last saved whole. Marking each
 * try by rewriting the whole outbox cost a run hundreds of property writes per mail once
 * it held a backlog's acknowledgements; this small list says the same for the last few,
 * and every `SAVE_EVERY` tries the outbox itself is saved (flags and removals included).
 */
const ATTEMPTED_KEY = 'ingest.outbox-attempted';
const SAVE_EVERY = 25;

/** Time kept back after the last reply for the final ledger update. */
const SEND_RESERVE_MS = 20 * 1000;

export interface SendResult {
  readonly sent: number;
  readonly drafted: number;
  /** Ledger key → what became of its reply. */
  readonly outcomes: ReadonlyMap<string, ReplyOutcome>;
}

/**
 * The replies the inbox job owes: decided while messages are processed, saved in document
 * properties together with the ledger rows that promise them, sent at the end of the run,
 * and removed once sent — or once our own copy is seen in its thread, which covers a run
 * cut right after sending. So a reply goes out at most once and, unless a person deletes
 * it, at least once.
 */
export class Replies {
  private queue: QueuedMail[] = [];
  private chars = 0;
  private attempted: string[] = [];

  constructor(
    private readonly state: KeyValuePort,
    /** Property chunks the saved outbox occupies (from the checkpoint). */
    private chunks: number,
  ) {
    if (chunks > 0) this.queue = loadOutbox(state);
    const tried = state.get(ATTEMPTED_KEY);
    if (tried) {
      try {
        const keys = new Set(JSON.parse(tried) as string[]);
        for (const q of this.queue) if (keys.has(q.key)) q.attempted = true;
      } catch {
        // Unreadable: treat every waiting mail as tried, so none is sent twice unchecked.
        for (const q of this.queue) q.attempted = true;
      }
      this.attempted = this.queue.filter((q) => q.attempted).map((q) => q.key);
    }
    this.resize();
  }

  private resize(): void {
    this.chars = this.queue.reduce((n, q) => n + charsOf(q), 0);
  }

  /** Whether the outbox holds as much as the property store can take: the run reads no further. */
  get full(): boolean {
    return this.chars >= OUTBOX_BUDGET_CHARS;
  }

  get length(): number {
    return this.queue.length;
  }

  /** Property chunks the outbox occupies now (for the checkpoint). */
  get savedChunks(): number {
    return this.chunks;
  }

  /** Threads of the replies still waiting: our own copy may be there already. */
  threadIds(): string[] {
    return this.queue.map((q) => q.threadId);
  }

  /** Queues a reply to the message with this ledger key (replacing one queued before for it). */
  add(mail: QueuedMail): void {
    const before = this.queue.length;
    this.queue = this.queue.filter((q) => q.key !== mail.key);
    if (this.queue.length !== before) this.resize();
    this.queue.push(mail);
    this.chars += charsOf(mail);
  }

  /**
   * A staff reply reached the ticket before its acknowledgement went out (a catch-up over
   * old mail, or a very quick answer): the requester already has a person's answer, so the
   * "we received your request" mail is dropped. A send already tried is left to the check
   * of Sent mail. Returns the ledger keys withdrawn.
   */
  withdrawAcknowledgement(ticketId: string): string[] {
    const withdrawn = this.queue.filter((q) => q.kind === 'ack' && q.ticketId === ticketId && !q.attempted);
    this.queue = this.queue.filter((q) => !withdrawn.includes(q));
    if (withdrawn.length) this.resize();
    return withdrawn.map((q) => q.key);
  }

  /** Our own reply seen in its thread: it was sent, whatever the outbox says. Returns the keys settled. */
  seenInThread(kind: string, markKey: string, threadId: string): string[] {
    const seen = this.queue.filter((q) => q.kind === kind && q.markKey === markKey && q.threadId === threadId);
    this.queue = this.queue.filter((q) => !seen.includes(q));
    if (seen.length) this.resize();
    return seen.map((q) => q.key);
  }

  /** Records, before a send is tried, that it may have happened (see ATTEMPTED_KEY). */
  private markAttempted(key: string): void {
    if (this.attempted.length >= SAVE_EVERY) this.save();
    this.attempted.push(key);
    this.state.set(ATTEMPTED_KEY, JSON.stringify(this.attempted));
  }

  /** Saves the outbox (before the ledger rows that promise it are written). */
  save(): void {
    this.chunks = saveOutbox(this.state, this.queue, this.chunks);
    if (this.attempted.length > 0) {
      this.state.delete(ATTEMPTED_KEY);
      this.attempted = [];
    }
  }

  /**
   * Sends what the outbox holds while there is time: each reply in its thread to the
   * requester (or the Reply-To it honoured), followers on Cc; near the end of the quota it becomes a draft and the Log
   * says so. The time a reply took is measured, so the last one leaves room to record it.
   */
  send(mailer: QuotaMailer, mailbox: MailboxPort, budget: RunBudget, clock: ClockPort, log: RunLogPort): SendResult {
    const outcomes = new Map<string, ReplyOutcome>();
    let sent = 0;
    let drafted = 0;
    let slowest = 0;
    const left: QueuedMail[] = [];
    // Clients first: when time or quota runs short, it is the strangers' replies that wait.
    const ordered = [...this.queue.filter((q) => q.kind === 'ack'), ...this.queue.filter((q) => q.kind !== 'ack')];
    for (const q of ordered) {
      if (budget.remainingMs() < SEND_RESERVE_MS + 2 * slowest) {
        left.push(q);
        continue;
      }
      const done = () => (this.queue = this.queue.filter((x) => x !== q));
      // A send tried by a run that died before recording it: its copy may be in Sent mail
      // outside the thread we re-read (a reply written to the requester directly).
      if (q.attempted && mailbox.sentMailContains(ownMarker(q.kind, q.markKey))) {
        outcomes.set(q.key, 'sent');
        done();
        continue;
      }
      q.attempted = true;
      this.markAttempted(q.key);
      const t0 = clock.now();
      let delivered;
      try {
        delivered = mailer.deliver(
          { to: q.recipients ?? [q.to], cc: q.cc, subject: q.subject, body: q.body },
          { threadId: q.threadId, gmailId: q.gmailId },
          priorityOf(q),
        );
      } catch (e) {
        // One failed send (a bad Cc address, the quota gone) must not stop the rest.
        log.add('Reply failed', `to ${q.to}: ${e instanceof Error ? e.message : String(e)}`, { ticketId: q.ticketId });
        outcomes.set(q.key, 'failed');
        done();
        continue;
      }
      slowest = Math.max(slowest, clock.now() - t0);
      done();
      if (delivered.delivery === 'draft') {
        drafted++;
        outcomes.set(q.key, 'draft');
        log.add(
          'Held as draft',
          `${q.kind === 'ack' ? 'Acknowledgement' : 'Reply'} to ${q.to}: ${mailer.heldReason(delivered.quotaLeft, priorityOf(q))}`,
          { ticketId: q.ticketId },
        );
      } else {
        sent++;
        outcomes.set(q.key, 'sent');
      }
    }
    this.queue = left.concat(this.queue.filter((x) => !left.includes(x)));
    this.resize();
    return { sent, drafted, outcomes };
  }
}
