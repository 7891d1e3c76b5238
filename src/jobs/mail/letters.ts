import { asLetter } from '../../core/notify/letter';
import type { MailPort } from './port';

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
