import { addressesIn, parseAddressList, type Mailbox } from './address';
import { fnv1a } from './fingerprint';
import { header, messageIdsIn } from './headers';
import type { InboundMessage } from './message';

/** What the rules need from a message, derived once. */
export interface ParsedMessage {
  readonly msg: InboundMessage;
  /**
   * The ledger key: the Message-ID header, or for mail without one a fingerprint of what
   * stays the same when it is delivered twice (sender, Date, subject, start of the body).
   */
  readonly ledgerId: string;
  readonly hasMessageId: boolean;
  readonly sender: Mailbox;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** In-Reply-To then References, without duplicates. */
  readonly references: readonly string[];
  /** The Date header in epoch ms, or null when missing or unreadable. */
  readonly dateHeader: number | null;
}

/** RFC 5322 dates as mail clients write them; Date.parse reads them after dropping comments. */
export function parseDateHeader(value: string): number | null {
  const v = value
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (v === '') return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

export function parseMessage(msg: InboundMessage): ParsedMessage {
  const messageId = messageIdsIn(header(msg.headers, 'message-id'))[0] ?? '';
  const sender = parseAddressList(msg.from)[0] ?? { name: msg.from.trim(), address: '' };
  const dateHeader = parseDateHeader(header(msg.headers, 'date'));
  const ledgerId =
    messageId !== ''
      ? messageId
      : `<no-message-id.${fnv1a([sender.address, String(dateHeader ?? ''), msg.subject, msg.body.slice(0, 2000)].join('\u0000'))}@support-desk>`;
  return {
    msg,
    ledgerId,
    hasMessageId: messageId !== '',
    sender,
    to: addressesIn(msg.to),
    cc: addressesIn(msg.cc),
    references: [...new Set([...messageIdsIn(header(msg.headers, 'in-reply-to')), ...messageIdsIn(header(msg.headers, 'references'))])],
    dateHeader,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a ticket was received: the Date header, unless it is missing or more than 24 h
 * after delivery (a sender's clock cannot be trusted into the future), then delivery.
 */
export function receivedAt(p: ParsedMessage): number {
  const d = p.dateHeader;
  if (d === null || d > p.msg.deliveredAt + DAY_MS) return p.msg.deliveredAt;
  return d;
}
