import { addressesOf, formatMailbox, isValidAddress, splitAddressList } from './addresses';
import type { OutgoingFields } from './compose';
import { now, type GmailEnv } from './env';
import type { MessageRecord } from './record';
import { QUOTA_EXCEEDED } from './quota';
import type { AttachmentRecord } from './record';

/** GmailAdvancedOptions / MailApp options the emulator honours. Unknown keys are ignored, as in Apps Script. */
export interface MailOptions {
  cc?: string;
  bcc?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  from?: string;
  subject?: string;
  attachments?: AttachmentRecord[];
}

/** Google's documented per-message body limit: 200 KB (400 KB on Workspace). */
const BODY_LIMIT_CONSUMER = 200 * 1024;
const BODY_LIMIT_WORKSPACE = 400 * 1024;

interface BlobLike {
  getName(): string | null;
  getContentType(): string | null;
  getBytes(): ArrayLike<number>;
}

function isBlobLike(v: unknown): v is BlobLike {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.getBytes === 'function' && typeof o.getName === 'function' && typeof o.getContentType === 'function';
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

export function readOptions(env: GmailEnv, options: unknown): MailOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') return {};
  const o = options as Record<string, unknown>;
  const out: MailOptions = {};
  const set = <K extends keyof MailOptions>(k: K, v: MailOptions[K] | undefined): void => {
    if (v !== undefined) out[k] = v;
  };
  set('cc', str(o.cc));
  set('bcc', str(o.bcc));
  set('htmlBody', str(o.htmlBody));
  set('name', str(o.name));
  set('replyTo', str(o.replyTo));
  set('from', str(o.from));
  set('subject', str(o.subject));
  if (o.noReply !== undefined) out.noReply = Boolean(o.noReply);
  if (o.attachments !== undefined && o.attachments !== null) {
    if (!Array.isArray(o.attachments)) return env.ctx.fail('Invalid argument: attachments');
    out.attachments = o.attachments.map((a: unknown) => {
      if (!isBlobLike(a)) return env.ctx.fail('Invalid argument: attachments');
      const bytes = a.getBytes();
      return {
        name: a.getName() ?? 'attachment',
        contentType: a.getContentType() ?? 'application/octet-stream',
        content: Buffer.from(Array.from(bytes, (b) => b & 255)),
        inline: false,
      };
    });
  }
  return out;
}

function checkAddresses(env: GmailEnv, list: string): void {
  for (const entry of splitAddressList(list)) {
    const address = addressesOf(entry)[0] ?? '';
    if (!isValidAddress(address)) env.ctx.fail(`Invalid email: ${entry}`);
  }
}

export interface Composition {
  to: string;
  subject: string;
  body: string;
  options: MailOptions;
  inReplyTo?: string;
  references?: readonly string[];
}

/** Turns what the script asked for into the mail Gmail would write, checking it as Gmail does. */
export function compose(env: GmailEnv, c: Composition): OutgoingFields {
  const { mailbox } = env;
  const o = c.options;
  checkAddresses(env, c.to);
  if (o.cc) checkAddresses(env, o.cc);
  if (o.bcc) checkAddresses(env, o.bcc);
  if (o.replyTo) checkAddresses(env, o.replyTo);
  let fromAddress = mailbox.address;
  if (o.from !== undefined) {
    // Gmail only sends as the account or one of its verified send-as aliases.
    if (!mailbox.isOwnAddress(o.from)) env.ctx.fail('Invalid argument: from');
    fromAddress = o.from.toLowerCase();
  }
  if (o.noReply) fromAddress = `noreply@${mailbox.address.split('@')[1] ?? ''}`;
  const size = Buffer.byteLength(c.body) + Buffer.byteLength(o.htmlBody ?? '');
  const limit = mailbox.quota.daily > 100 ? BODY_LIMIT_WORKSPACE : BODY_LIMIT_CONSUMER;
  if (size > limit) env.ctx.fail('Limit exceeded: Email Body Size.');
  const date = now(env);
  return {
    date,
    messageIdHeader: '',
    ...(c.inReplyTo ? { inReplyTo: c.inReplyTo } : {}),
    ...(c.references?.length ? { references: c.references } : {}),
    from: formatMailbox(o.name ?? mailbox.name, fromAddress),
    to: c.to,
    cc: o.cc ?? '',
    bcc: o.bcc ?? '',
    replyTo: o.replyTo ?? '',
    subject: c.subject,
    text: c.body,
    ...(o.htmlBody !== undefined ? { html: o.htmlBody } : {}),
    attachments: o.attachments ?? [],
  };
}

export function recipientCount(f: OutgoingFields): number {
  return [f.to, f.cc, f.bcc].filter(Boolean).reduce((n, list) => n + splitAddressList(list).length, 0);
}

/** Sends: checks recipients and quota, then files the mail as SENT (in `threadId` if given). */
export function send(env: GmailEnv, fields: OutgoingFields, threadId?: string): MessageRecord {
  const n = recipientCount(fields);
  if (n === 0) env.ctx.fail('Failed to send email: no recipient');
  if (!env.mailbox.quota.trySpend(now(env), n)) env.ctx.fail(QUOTA_EXCEEDED);
  const labels = ['SENT'];
  // Mail to oneself lands in one's own inbox too.
  if (addressesOf([fields.to, fields.cc, fields.bcc].filter(Boolean).join(',')).some((a) => env.mailbox.isOwnAddress(a)))
    labels.push('INBOX');
  const { record } = env.mailbox.addOutgoing(fields, {
    kind: 'sent',
    labels,
    ...(threadId ? { threadId } : {}),
  });
  return record;
}

/** Saves a draft (no quota, recipients optional). */
export function saveDraft(env: GmailEnv, fields: OutgoingFields, threadId?: string): string {
  const { mail } = env.mailbox.addOutgoing(fields, {
    kind: 'draft',
    labels: ['DRAFT'],
    ...(threadId ? { threadId } : {}),
  });
  return mail.draftId ?? '';
}
