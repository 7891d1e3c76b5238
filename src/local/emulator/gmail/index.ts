/**
 * The emulated Gmail account (MailboxModel) and the GmailApp / MailApp globals built on it.
 *
 * Approximations, on purpose and documented where they live:
 *  - threading: a message joins a thread only when it references one of its messages AND
 *    keeps its normalised subject (threading.ts);
 *  - labels are stored per message as in Gmail, shown per thread as in Apps Script, so a
 *    later reply makes `-label:X` match its thread again (thread.ts, search.ts);
 *  - search supports an AND of terms; OR, ( ) and { } and unknown operators are rejected
 *    (query/); dates in after:/before: are midnight Pacific, numbers are epoch seconds;
 *  - at most 500 threads a call; a paged max over 500 throws (gmail-app.ts);
 *  - the recipient quota resets 24 hours after the first send (quota.ts);
 *  - service objects are live views of the mailbox rather than snapshots.
 */
export { MailboxModel, type MailboxOptions, type DeliverOptions, type DeliveredMessage, type ThreadRecord } from './model';
export type { OutgoingMail } from './compose';
export { GmailApp, createGmailApp, MAX_THREADS } from './gmail-app';
export { MailApp, createMailApp } from './mail-app';
export { GmailThread } from './thread';
export { GmailMessage } from './message';
export { GmailLabel } from './label';
export { GmailDraft } from './draft';
export { GmailAttachment } from './attachment';
export { QUOTA_EXCEEDED, RecipientQuota } from './quota';
export { normaliseSubject } from './subject';
