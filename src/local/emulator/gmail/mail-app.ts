import type { ServiceContext } from '../context';
import { signatureError, now, type GmailEnv } from './env';
import type { MailboxModel } from './model';
import { compose, readOptions, send } from './send';

/** MailApp has no send-as: it always sends as the account, so `from` is not an option. */
function mailAppOptions(env: GmailEnv, options: unknown) {
  const { from: _from, ...rest } = readOptions(env, options);
  return rest;
}

/**
 * The MailApp global: send-only. Its mail shares Gmail's recipient quota and shows up in
 * the account's Sent mail as a new thread.
 */
export class MailApp {
  readonly [Symbol.toStringTag] = 'MailApp';
  private readonly env: GmailEnv;
  constructor(ctx: ServiceContext, mailbox: MailboxModel) {
    this.env = { ctx, mailbox };
  }

  /**
   * sendEmail(recipient, subject, body[, options]), sendEmail(recipient, replyTo, subject,
   * body) or sendEmail(message) with {to, cc, bcc, replyTo, subject, body, htmlBody, name,
   * noReply, attachments}.
   */
  sendEmail(...args: unknown[]): void {
    this.env.ctx.meter.call('MailApp.sendEmail');
    const [a, b, c, d] = args;
    if (args.length === 1 && a !== null && typeof a === 'object') {
      const m = a as Record<string, unknown>;
      if (m.to === undefined && m.cc === undefined && m.bcc === undefined) this.env.ctx.fail('Failed to send email: no recipient');
      if (m.subject === undefined) this.env.ctx.fail('Invalid argument: subject');
      const to = m.to === undefined ? '' : String(m.to);
      const body = m.body === undefined ? '' : String(m.body);
      send(this.env, compose(this.env, { to, subject: String(m.subject), body, options: mailAppOptions(this.env, m) }));
      return;
    }
    if (typeof a !== 'string' || typeof b !== 'string' || c === undefined) return signatureError(this.env, 'MailApp.sendEmail', args);
    if (args.length === 4 && typeof c === 'string' && typeof d === 'string') {
      send(this.env, compose(this.env, { to: a, subject: c, body: d, options: { replyTo: b } }));
      return;
    }
    send(this.env, compose(this.env, { to: a, subject: b, body: String(c), options: mailAppOptions(this.env, d) }));
  }

  getRemainingDailyQuota(): number {
    this.env.ctx.meter.call('MailApp.getRemainingDailyQuota', { cheap: true });
    return this.env.mailbox.quota.remaining(now(this.env));
  }
}

export function createMailApp(ctx: ServiceContext, mailbox: MailboxModel): MailApp {
  return new MailApp(ctx, mailbox);
}
