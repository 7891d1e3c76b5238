import type { MailPort, OutgoingMessage } from '../../jobs/billing/ports';

function options(m: OutgoingMessage): GoogleAppsScript.Gmail.GmailAdvancedOptions {
  const o: GoogleAppsScript.Gmail.GmailAdvancedOptions = {};
  if (m.htmlBody !== undefined) o.htmlBody = m.htmlBody;
  if (m.attachments?.length) o.attachments = m.attachments.map((a) => Utilities.newBlob(a.content, a.contentType, a.name));
  return o;
}

/** MailPort over MailApp (sending, quota) and GmailApp (drafts). */
export function mailPort(): MailPort {
  return {
    remainingDailyQuota: () => MailApp.getRemainingDailyQuota(),
    send(m) {
      MailApp.sendEmail({ to: m.to, subject: m.subject, body: m.body, ...(m.htmlBody !== undefined ? { htmlBody: m.htmlBody } : {}) });
    },
    createDraft(m) {
      return GmailApp.createDraft(m.to, m.subject, m.body, options(m)).getId();
    },
    deleteDraft(id) {
      try {
        GmailApp.getDraft(id).deleteDraft();
        return true;
      } catch {
        return false; // already sent or deleted by a person
      }
    },
  };
}
