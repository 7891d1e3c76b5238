import type { OutgoingMail } from '../../core/notify/index';

/**
 * Where a mail goes in Gmail: as a reply in a ticket's thread. `gmailId` names the message
 * answered when the job knows it (an acknowledgement answers the request itself); else the
 * requester's latest message in the thread is answered. `keepThreadSubject` leaves Gmail's
 * own "Re: …" subject, so the reply stays in the client's thread whatever its mail program.
 */
export interface ReplyTarget {
  readonly threadId: string;
  readonly gmailId?: string;
  readonly keepThreadSubject?: boolean;
}

/**
 * How every job sends mail (acknowledgements, replies, escalations, status notices, usage
 * alerts, billing drafts). src/gas/adapters/gmail.ts implements it over MailApp and
 * GmailApp; tests over memory. Recipients are always the mail's own `to` and `cc`.
 */
export interface MailPort {
  /** Recipients the account may still send to today (each To and Cc address counts one). */
  remainingQuota(): number;
  /** Sends it; as a reply when `replyIn` names a thread that still exists, else as a new mail. */
  send(mail: OutgoingMail, replyIn?: ReplyTarget): void;
  /** Saves it as a Gmail draft (placed as `send` would); returns the draft's id. */
  saveDraft(mail: OutgoingMail, replyIn?: ReplyTarget): string;
  /** Deletes a draft saved earlier; false when it is gone (sent or deleted by a person). */
  deleteDraft(id: string): boolean;
}
