import { addressesOf, splitAddressList } from './addresses';
import type { OutgoingFields } from './compose';
import { now, type GmailEnv } from './env';
import type { MessageRecord } from './record';
import { compose, readOptions } from './send';
import { replySubject } from './subject';

/**
 * The message a thread-level reply answers: the last arrived message that is not a
 * draft. Apps Script answers its Reply-To (or From) even when that is the account
 * itself, so replying to a thread whose last message we sent mails ourselves.
 */
export function lastRepliable(env: GmailEnv, threadId: string): MessageRecord | undefined {
  const msgs = env.mailbox.visibleMessages(threadId, now(env)).filter((m) => !m.labels.has('DRAFT'));
  return msgs[msgs.length - 1];
}

/**
 * What a reply sends. `draft` is true for createDraftReply / createDraftReplyAll: only their
 * options document `subject` ("the subject line for the reply draft (up to 250 characters)",
 * GmailMessage / GmailThread reference); reply() and replyAll() take GmailApp's advanced
 * options, which have no subject, so Apps Script keeps Gmail's "Re: …" there and so does
 * the emulator, ignoring the undocumented option.
 */
export function replyFields(
  env: GmailEnv,
  to: MessageRecord,
  body: unknown,
  options: unknown,
  all: boolean,
  draft: boolean,
): OutgoingFields {
  const read = readOptions(env, options);
  const { subject: _ignored, ...advanced } = read;
  const o = draft ? read : advanced;
  const recipient = to.replyTo || to.from;
  let cc = o.cc ?? '';
  if (all) {
    // Everyone else on the original, minus the account itself and the primary recipient.
    const primary = new Set(addressesOf(recipient));
    const others = splitAddressList([to.to, to.cc].filter(Boolean).join(', ')).filter((entry) => {
      const a = addressesOf(entry)[0] ?? '';
      return !primary.has(a) && !env.mailbox.isOwnAddress(a);
    });
    cc = [...others, ...(cc ? [cc] : [])].join(', ');
  }
  const references = [...to.referenceIds.filter((r) => r !== to.messageIdHeader)];
  if (to.messageIdHeader) references.push(to.messageIdHeader);
  return compose(env, {
    to: recipient,
    subject: (draft ? read.subject : undefined) ?? replySubject(to.subject),
    body: String(body ?? ''),
    options: { ...o, cc },
    ...(to.messageIdHeader ? { inReplyTo: to.messageIdHeader } : {}),
    references,
  });
}

export function forwardFields(env: GmailEnv, msg: MessageRecord, recipient: string, options: unknown): OutgoingFields {
  const o = readOptions(env, options);
  const header = [
    '---------- Forwarded message ---------',
    `From: ${msg.from}`,
    `Date: ${new Date(msg.internalDate).toUTCString()}`,
    `Subject: ${msg.subject}`,
    `To: ${msg.to}`,
    '',
  ].join('\n');
  return compose(env, {
    to: recipient,
    subject: o.subject ?? `Fwd: ${msg.subject}`,
    body: `\n\n${header}\n${msg.text}`,
    options: { ...o, attachments: [...msg.attachments.filter((a) => !a.inline), ...(o.attachments ?? [])] },
  });
}
