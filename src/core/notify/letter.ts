import type { OutgoingMail } from './types';

/**
 * What every mail to a client shares: it opens with a greeting and ends with a sign-off, and
 * a letter (below) fills both in — the contact's name, the provider's — and adds the HTML
 * part. Builders write these two lines as they are; mail to staff has neither.
 */
export const GREETING = 'Hello,';
export const SIGN_OFF = 'The Support team';

/** Whether a mail is written to a client (it opens with the neutral greeting or a named one). */
export const isClientMail = (m: OutgoingMail): boolean => /^Hello[ ,]/.test(m.body);

/**
 * The mail as a person would write it: "Hello Ann," when the contact's name is known (never
 * a name taken from the sender's own display name here: that is the acknowledgement's
 * choice, made with its checks), signed with the provider's name, with an HTML part that
 * says the same as the text.
 */
export function asLetter(m: OutgoingMail, who: { readonly name: string; readonly provider: string }): OutgoingMail {
  if (!isClientMail(m)) return m;
  const name = who.name
    .replace(/[\r\n<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let body = m.body;
  if (name && body.startsWith(`${GREETING}\n`)) body = `Hello ${name},${body.slice(GREETING.length)}`;
  const provider = who.provider.trim();
  if (provider) body = body.replace(new RegExp(`^${SIGN_OFF}$`, 'm'), provider);
  return { ...m, body, htmlBody: m.htmlBody ?? htmlOf(body) };
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as HTML: paragraphs at blank lines, line breaks kept, links clickable. */
export function htmlOf(text: string): string {
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => escapeText(line).replace(/\bhttps:\/\/[^\s<&"]+/g, (u) => `<a href="${u}">${u}</a>`))
        .join('<br>'),
    );
  return `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>`;
}
