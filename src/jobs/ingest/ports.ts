import type { InboundMessage } from '../../core/mail/message';
import type { ClockPort, KeyValuePort, LockPort, RunBudget, WorkbookPort } from '../ports';

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
  /** Whether sent mail holds this exact phrase (our reference line): did an interrupted send go out? */
  sentMailContains(phrase: string): boolean;
}

export interface OutgoingMail {
  /** The single recipient: the requester's From address (never their Reply-To). */
  readonly to: string;
  readonly cc: readonly string[];
  readonly subject: string;
  readonly body: string;
}

/** How a reply was delivered. */
export type Delivery = 'sent' | 'draft';

export interface MailerPort {
  /** Recipients left in today's mail quota. */
  remainingQuota(): number;
  /**
   * Replies in the thread of the message with this Gmail id. `asDraft` saves it as a
   * draft instead (quota low): a person sends it later.
   */
  reply(gmailId: string, threadId: string, mail: OutgoingMail, asDraft: boolean): Delivery;
}

export interface LogLine {
  readonly action: string;
  readonly detail: string;
  readonly ticketId?: string;
  readonly clientId?: string;
}

/** The Log tab: lines are collected and written in one call at the end of a run. */
export interface LogPort {
  write(lines: readonly LogLine[]): void;
}

export interface IngestPorts {
  readonly workbook: WorkbookPort;
  readonly mailbox: MailboxPort;
  readonly mailer: MailerPort;
  readonly clock: ClockPort;
  readonly state: KeyValuePort;
  readonly lock: LockPort;
  readonly budget: RunBudget;
  readonly log: LogPort;
}
