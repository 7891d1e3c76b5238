import { hasHeader, header, type HeaderMap } from './headers';
import { localPartOf } from './address';

/**
 * Delivery reports: a mail server telling us a mail did not arrive (or is late). None is
 * a person writing, so none may reopen a ticket, count as a customer message or be
 * answered. Servers mark them in different ways, so each is checked: the RFC 3464 report
 * type, the headers Exchange and Postfix/Exim add, the system mailboxes that send them,
 * and — for servers that mark nothing (Exchange's multipart/mixed NDRs) — the subject
 * prefixes Exchange, Outlook, Gmail and the common MTAs put on them, in the languages
 * Exchange writes them in. The subject must begin with the prefix: a customer forwarding
 * a bounce to ask about it writes "Fwd: Undeliverable: …" and is still read.
 */

/** System mailboxes that send delivery reports (Exchange's is MicrosoftExchange + 32 hex digits). */
const REPORT_SENDER = /^(mailer-?daemon|mail-daemon|postmaster|microsoftexchange[0-9a-f]{0,32})$/;

/** Subject prefixes of non-delivery and delay reports, case-insensitive, as the first words. */
const REPORT_SUBJECTS: readonly RegExp[] = [
  // English: Exchange/Outlook, Gmail, Postfix, Exim, qmail, Domino, sendmail.
  /^undeliverable\s*:/,
  /^undeliverable mail\b/,
  /^undelivered mail returned to sender\b/,
  /^delivery status notification\b/,
  /^delivery (has )?failed\b/,
  /^delivery failure\b/,
  /^delivery notification\s*:\s*delivery has failed/,
  /^delivery delayed\s*:/,
  /^mail delivery (failed|failure|subsystem)\b/,
  /^mail system error - returned mail\b/,
  /^message (not delivered|delivery failure)\b/,
  /^returned mail\s*:/,
  /^failure notice\b/,
  /^non-?delivery (report|notification)\b/,
  // German, French, Spanish, Italian, Dutch, Portuguese (Exchange's own words).
  /^(unzustellbar|nicht zustellbar)\s*:/,
  /^(zustellung fehlgeschlagen|unzustellbare nachricht)\b/,
  /^(non remis|remise différée|message non remis)\s*:/,
  /^échec de (la )?remise\b/,
  /^(no se puede entregar|no entregado|entrega retrasada)\s*:/,
  /^mensaje no entregado\b/,
  /^(non recapitabile|impossibile recapitare)\s*:/,
  /^(onbestelbaar|kan niet worden bezorgd)\s*:/,
  /^(não é possível entregar|não entregue)\s*:/,
  // Swedish, Danish/Norwegian, Polish, Russian, Japanese, Chinese.
  /^(ej levererbart|olevererbart|kan ikke leveres|ikke levert|niedostarczalne|nie można dostarczyć)\s*:/,
  /^(недоставляемое|не удается доставить)\s*:/,
  /^(配信不能|无法投递|無法傳遞|未送达)\s*[:：]/,
];

/** Why the message is a delivery report, or null when it is not one. */
export function deliveryReportWhy(headers: HeaderMap, senderAddress: string, subject: string): string | null {
  const local = localPartOf(senderAddress);
  if (REPORT_SENDER.test(local)) return `sent by ${/^microsoftexchange/.test(local) ? "Exchange's system mailbox" : local}`;
  const contentType = header(headers, 'content-type').toLowerCase();
  if (/multipart\/report/.test(contentType) && /report-type\s*=\s*"?delivery-status/.test(contentType)) return 'a delivery status report';
  if (hasHeader(headers, 'x-failed-recipients')) return 'X-Failed-Recipients';
  if (hasHeader(headers, 'x-ms-exchange-message-is-ndr')) return 'an Exchange non-delivery report';
  const s = subject.trim().toLowerCase();
  if (REPORT_SUBJECTS.some((re) => re.test(s))) return 'a delivery failure subject';
  return null;
}

/** An RFC 8098 read receipt (multipart/report of disposition notifications): automatic, not a person. */
export function isReadReceipt(headers: HeaderMap): boolean {
  const contentType = header(headers, 'content-type').toLowerCase();
  return /multipart\/report/.test(contentType) && /report-type\s*=\s*"?disposition-notification/.test(contentType);
}
