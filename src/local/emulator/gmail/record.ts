import type { ParsedMail, AddressObject } from 'mailparser';
import { formatMailbox } from './addresses';

/** One attachment as Gmail reports it (GmailAttachment is a Blob with a name). */
export interface AttachmentRecord {
  readonly name: string;
  readonly contentType: string;
  readonly content: Buffer;
  readonly inline: boolean;
}

export interface HeaderLine {
  /** Lower-cased header name. */
  readonly key: string;
  /** The value as it stands in the message, unfolded, encoded words left alone. */
  readonly value: string;
}

/**
 * A message as the mailbox stores it. Labels are per message internally (as in Gmail),
 * but the Apps Script surface only exposes them per thread: see GmailThread.
 */
export interface MessageRecord {
  readonly id: string;
  threadId: string;
  readonly internalDate: number;
  /** Arrival order, to break ties between messages with the same date. */
  readonly seq: number;
  readonly headers: readonly HeaderLine[];
  /** The Message-ID header, with its angle brackets, or '' when the mail has none. */
  readonly messageIdHeader: string;
  /** Message-ids named by In-Reply-To and References. */
  readonly referenceIds: readonly string[];
  readonly subject: string;
  readonly from: string;
  readonly to: string;
  readonly cc: string;
  readonly bcc: string;
  readonly replyTo: string;
  readonly deliveredTo: string;
  readonly text: string;
  readonly html: string | undefined;
  readonly attachments: readonly AttachmentRecord[];
  /** The RFC 5322 source once known (incoming: at once; outgoing: once composed). */
  raw: string | undefined;
  readonly labels: Set<string>;
  /** True for mail the account itself wrote (sent or draft). */
  readonly own: boolean;
}

export const SYSTEM_LABELS = ['INBOX', 'SENT', 'UNREAD', 'STARRED', 'DRAFT', 'SPAM', 'TRASH', 'IMPORTANT'] as const;

type ParsedAddress = AddressObject['value'][number];

function flatten(list: readonly ParsedAddress[]): ParsedAddress[] {
  return list.flatMap((e) => (e.group ? flatten(e.group) : [e]));
}

/**
 * Gmail shows address headers decoded and as written ('Ann <ann@x>'), while mailparser's
 * .text quotes every name: rebuild each entry, quoting only where RFC 5322 needs it.
 */
function addressText(a: AddressObject | AddressObject[] | undefined): string {
  if (!a) return '';
  const entries = flatten((Array.isArray(a) ? a : [a]).flatMap((x) => x.value));
  return entries
    .map((e) => formatMailbox(e.name, e.address ?? ''))
    .filter(Boolean)
    .join(', ');
}

export function headerLinesOf(parsed: ParsedMail): HeaderLine[] {
  return parsed.headerLines.map((h) => {
    const colon = h.line.indexOf(':');
    const value = colon < 0 ? '' : h.line.slice(colon + 1);
    return { key: h.key.toLowerCase(), value: value.replace(/\r?\n[ \t]+/g, ' ').trim() };
  });
}

function referencesOf(parsed: ParsedMail): string[] {
  const refs = parsed.references === undefined ? [] : Array.isArray(parsed.references) ? parsed.references : [parsed.references];
  const ids = [...refs];
  if (parsed.inReplyTo) ids.push(...parsed.inReplyTo.split(/\s+/).filter(Boolean));
  return [...new Set(ids.map((r) => r.trim()).filter(Boolean))];
}

/** Crude HTML-to-text for HTML-only mail, as Gmail's getPlainBody derives one. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface RecordBase {
  id: string;
  threadId: string;
  internalDate: number;
  seq: number;
  raw: string;
  labels: Iterable<string>;
}

export function recordFromParsed(parsed: ParsedMail, base: RecordBase): MessageRecord {
  const headers = headerLinesOf(parsed);
  const header = (k: string): string => headers.find((h) => h.key === k)?.value ?? '';
  const html = typeof parsed.html === 'string' ? parsed.html : undefined;
  return {
    id: base.id,
    threadId: base.threadId,
    internalDate: base.internalDate,
    seq: base.seq,
    headers,
    messageIdHeader: parsed.messageId ?? '',
    referenceIds: referencesOf(parsed),
    subject: parsed.subject ?? '',
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    cc: addressText(parsed.cc),
    bcc: addressText(parsed.bcc),
    replyTo: addressText(parsed.replyTo),
    deliveredTo: header('delivered-to'),
    text: parsed.text ?? (html !== undefined ? htmlToText(html) : ''),
    html,
    attachments: parsed.attachments.map((a) => ({
      name: a.filename ?? 'attachment',
      contentType: a.contentType,
      content: a.content,
      inline: a.contentDisposition === 'inline' || a.related === true,
    })),
    raw: base.raw,
    labels: new Set(base.labels),
    own: false,
  };
}
