import type { InboundMessage } from '../../core/mail/message';
import type { ClockPort, KeyValuePort, LockPort, RunBudget, RunLogPort, WorkbookPort } from '../ports';
import type { MailPort } from '../mail/port';

/**
 * What the ingest job needs from the mailbox. The Apps Script adapter
 * (src/gas/adapters/gmail.ts) implements it over GmailApp; tests over anything.
 */
export interface MailboxPort {
  /** One page of thread ids for a Gmail query, newest first; `max` ≤ 500. */
  searchThreads(query: string, start: number, max: number): string[];
  /**
   * The messages of these threads, read in one batch (getMessagesForThreads), oldest
   * first per thread. Messages whose Gmail id `known` accepts are not read in detail and
   * not returned: the ledger has them already.
   */
  readThreads(threadIds: readonly string[], known: (gmailId: string) => boolean): InboundMessage[];
  /** When the thread's newest message arrived (epoch ms), for a thread a search returned; null if unknown. */
  lastMessageAt(threadId: string): number | null;
  /** Whether sent mail holds this exact phrase (our reference line): did an interrupted send go out? */
  sentMailContains(phrase: string): boolean;
}

export interface IngestPorts {
  readonly workbook: WorkbookPort;
  readonly mailbox: MailboxPort;
  readonly mail: MailPort;
  readonly clock: ClockPort;
  readonly state: KeyValuePort;
  readonly lock: LockPort;
  readonly budget: RunBudget;
  readonly log: RunLogPort;
}
