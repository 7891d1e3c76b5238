import type { OutgoingMail } from '../../core/notify/index';

/**
 * How a job sends mail. src/gas builds it over MailApp and GmailApp; tests use a recorder.
 * Quota is counted in recipients, as MailApp counts it.
 */
export interface MailPort {
  /** Recipients MailApp may still send to today. */
  remainingQuota(): number;
  send(mail: OutgoingMail): void;
  /** Saves a Gmail draft instead of sending (quota low); someone can send it by hand. */
  draft(mail: OutgoingMail): void;
  /**
   * Replies in a Gmail thread to its last customer message, `mail.cc` copied; as a draft
   * when `asDraft`. False when the thread no longer exists.
   */
  replyInThread(threadId: string, mail: OutgoingMail, asDraft: boolean): boolean;
}

/** Where a job's Log lines go (src/gas/log.ts RunLog fits: one append per run). */
export interface LogSink {
  add(action: string, detail?: string, ids?: { ticketId?: string; clientId?: string }): void;
}
