import MailComposer from 'nodemailer/lib/mail-composer';
import type { AttachmentRecord, HeaderLine } from './record';

/** A mail the account wrote: what `MailboxModel.sent` and `.drafts` list. */
export interface OutgoingMail {
  readonly kind: 'sent' | 'draft';
  /** Position in the outbox (sent mail and drafts share one sequence). */
  readonly outboxSeq: number;
  /** The Gmail message id of this mail in the mailbox. */
  readonly id: string;
  readonly threadId: string;
  readonly draftId?: string;
  readonly date: number;
  readonly messageIdHeader: string;
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly cc: string;
  readonly bcc: string;
  readonly replyTo: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly attachments: readonly AttachmentRecord[];
  /** The RFC 5322 source, built by nodemailer's MailComposer. */
  readonly raw: Promise<Buffer>;
}

export type OutgoingFields = Omit<OutgoingMail, 'raw' | 'kind' | 'outboxSeq' | 'id' | 'threadId' | 'draftId'>;

function composerOptions(m: OutgoingFields): ConstructorParameters<typeof MailComposer>[0] {
  return {
    from: m.from,
    to: m.to || undefined,
    cc: m.cc || undefined,
    bcc: m.bcc || undefined,
    replyTo: m.replyTo || undefined,
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: m.messageIdHeader,
    inReplyTo: m.inReplyTo,
    references: m.references ? [...m.references] : undefined,
    date: new Date(m.date),
    attachments: m.attachments.map((a) => ({ filename: a.name, content: a.content, contentType: a.contentType })),
  };
}

export function composeRaw(m: OutgoingFields): Promise<Buffer> {
  const node = new MailComposer(composerOptions(m)).compile();
  // Gmail keeps Bcc in the sender's copy; nodemailer drops it unless asked.
  node.keepBcc = true;
  return new Promise((resolve, reject) => node.build((err, out) => (err ? reject(err) : resolve(out))));
}

/**
 * The header block, built synchronously: product code may read a mail it sent in the
 * same run, before the asynchronous full composition has finished.
 */
export function composeHeadSync(m: OutgoingFields): string {
  const node = new MailComposer(composerOptions(m)).compile();
  node.keepBcc = true;
  return node.buildHeaders();
}

/** The headers Gmail would show for a mail the account wrote (as getHeader sees them). */
export function outgoingHeaderLines(m: OutgoingFields): HeaderLine[] {
  const lines: HeaderLine[] = [
    { key: 'mime-version', value: '1.0' },
    { key: 'date', value: new Date(m.date).toUTCString().replace(/GMT$/, '+0000') },
  ];
  if (m.references?.length) lines.push({ key: 'references', value: m.references.join(' ') });
  if (m.inReplyTo) lines.push({ key: 'in-reply-to', value: m.inReplyTo });
  lines.push({ key: 'message-id', value: m.messageIdHeader });
  lines.push({ key: 'subject', value: m.subject });
  lines.push({ key: 'from', value: m.from });
  if (m.to) lines.push({ key: 'to', value: m.to });
  if (m.cc) lines.push({ key: 'cc', value: m.cc });
  if (m.bcc) lines.push({ key: 'bcc', value: m.bcc });
  if (m.replyTo) lines.push({ key: 'reply-to', value: m.replyTo });
  lines.push({ key: 'content-type', value: m.html ? 'multipart/alternative' : 'text/plain; charset="UTF-8"' });
  return lines;
}
