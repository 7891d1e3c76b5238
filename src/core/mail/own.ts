import type { OutgoingMail } from '../notify/types';
import { fnv1a } from './fingerprint';

/**
 * Mail the product sends shows up in the ticket's thread like any other message (Gmail
 * files replies there). Apps Script cannot set custom headers, so our mail carries a
 * reference line at the end of its body; a message from the support address with that
 * line is our own and never counts as a staff response or a customer reply. A person
 * replying from the support mailbox does not write it, so they stay staff.
 *
 * `ack` and `unregistered` name the message answered (the inbox job looks for its own
 * copy by them); `mail` is every other mail (notices, escalations, alerts, drafts), marked
 * where mail leaves the product (withOwnMark), so no kind can be sent without it.
 */
export type OwnMailKind = 'ack' | 'unregistered' | 'notice' | 'mail';

const LINE = /Support Desk ref: (ack|unregistered|notice|mail) ([A-Za-z0-9#._@<>-]+)/;

export function ownMarker(kind: OwnMailKind, key: string): string {
  return `Support Desk ref: ${kind} ${key}`;
}

export interface OwnMark {
  readonly kind: OwnMailKind;
  readonly key: string;
}

/**
 * The reference line of our own mail. Only the body's last lines count: a customer who
 * quotes our acknowledgement in a reply quotes it with "> " (or above their text), so a
 * quoted copy never turns their mail into ours.
 */
export function ownMarkIn(body: string): OwnMark | null {
  const lines = body.replace(/\s+$/, '').split(/\r?\n/);
  for (const line of lines.slice(-3)) {
    const m = LINE.exec(line);
    if (m && !/^\s*>/.test(line)) return { kind: m[1] as OwnMailKind, key: m[2]! };
  }
  return null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The mail as it leaves the product: a body without a reference line gets a `mail` one
 * (keyed by what the mail is, so the same mail gets the same line), and an HTML version
 * gets the same line as a small last paragraph, for mail programs that show only HTML.
 */
export function withOwnMark(mail: OutgoingMail): OutgoingMail {
  const existing = ownMarkIn(mail.body);
  const marker = existing
    ? ownMarker(existing.kind, existing.key)
    : ownMarker('mail', fnv1a([mail.to.join(','), mail.cc.join(','), mail.subject, mail.body].join('\u0000')));
  const body = existing ? mail.body : `${mail.body.replace(/\s+$/, '')}\n\n${marker}\n`;
  if (mail.htmlBody === undefined || mail.htmlBody.includes(marker)) return existing ? mail : { ...mail, body };
  const line = `<p style="color:#888888;font-size:11px">${escapeHtml(marker)}</p>`;
  const htmlBody = /<\/body>/i.test(mail.htmlBody) ? mail.htmlBody.replace(/<\/body>/i, `${line}</body>`) : mail.htmlBody + line;
  return { ...mail, body, htmlBody };
}
