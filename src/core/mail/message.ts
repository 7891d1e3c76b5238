import type { HeaderMap } from './headers';

/**
 * One message as the ingest job sees it, whatever read it (Gmail, a test). Text fields
 * are decoded (subject, names, body); `headers` holds the raw header block for the
 * machine-readable headers. Instants are epoch ms.
 */
export interface InboundMessage {
  /** Gmail's own message id. */
  readonly gmailId: string;
  readonly threadId: string;
  /** The From header as shown, e.g. `Jane Doe <jane@acme.com>`. */
  readonly from: string;
  readonly to: string;
  readonly cc: string;
  /** The Reply-To header ('' when absent). It never decides who the requester is. */
  readonly replyTo: string;
  readonly subject: string;
  /** When Gmail received (or sent) it. */
  readonly deliveredAt: number;
  /** Plain-text body (Gmail derives one for HTML-only mail). */
  readonly body: string;
  readonly headers: HeaderMap;
  /** Whether Gmail holds it as a draft (never processed: it was not sent). */
  readonly draft: boolean;
  /** Set when the message could not be read: it is logged with this error and skipped. */
  readonly readError?: string;
}
