import { asLetter } from '../../core/notify/letter';
import type { OutgoingMail } from '../../core/notify/index';
import type { MailPort, ReplyTarget } from './port';
import type { QuotaMailer } from './quota';

/**
 * The mail port every client-facing mail goes through: each mail that opens with a greeting
 * gets the contact's name (looked up when first needed, so a run that mails no client reads
 * nothing more), the provider's sign-off and an HTML part. Mail to staff passes unchanged.
 */
export function lettersVia(port: MailPort, nameOf: (address: string) => string, provider: string): MailPort {
  const shape = (m: Parameters<MailPort['send']>[0]) =>
    asLetter(m, { name: m.to.length === 1 ? nameOf(m.to[0]!.toLowerCase()) : '', provider });
  return {
    remainingQuota: () => port.remainingQuota(),
    send: (m, replyIn) => port.send(shape(m), replyIn),
    saveDraft: (m, replyIn) => port.saveDraft(shape(m), replyIn),
    deleteDraft: (id) => port.deleteDraft(id),
  };
}

/**
 * A notice answering in a ticket's Gmail thread: a reply there, under the notice's own
 * subject with its ticket tag ("Re: [#T-000042] Resolved: …"), as the acknowledgement does —
 * not the thread's first subject, which has no tag for the client to keep.
 */
export function inThread(mail: OutgoingMail, threadId: string): { mail: OutgoingMail; replyIn: ReplyTarget | undefined } {
  if (!threadId) return { mail, replyIn: undefined };
  return { mail: /^re:/i.test(mail.subject) ? mail : { ...mail, subject: `Re: ${mail.subject}` }, replyIn: { threadId } };
}

/** Sends (or drafts) a notice in a ticket's thread; null when the send threw, so the next run tries again. */
export function deliverInThread(mailer: QuotaMailer, mail: OutgoingMail, threadId: string): 'sent' | 'draft' | null {
  try {
    const reply = inThread(mail, threadId);
    return mailer.deliver(reply.mail, reply.replyIn).delivery;
  } catch {
    return null;
  }
}
