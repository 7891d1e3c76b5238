import type { OutgoingMail } from '../../core/notify/index';
import type { MailPort } from '../../jobs/shared/mail-port';
import { runSweep, type SweepReport } from '../../jobs/sweep/sweep';
import { TicketsTab } from '../../register/tabs';
import { RegisterError } from '../../register/table';
import { RunLog } from '../log';
import { documentLock, runBudget, systemClock, workbookPort } from '../ports';

/** MailApp for sending (its quota is the one that matters), GmailApp for drafts and thread replies. */
export function sweepMailPort(): MailPort {
  const options = (m: OutgoingMail) => (m.cc.length ? { cc: m.cc.join(', ') } : {});
  return {
    remainingQuota: () => MailApp.getRemainingDailyQuota(),
    send: (m) => MailApp.sendEmail({ to: m.to.join(', '), subject: m.subject, body: m.body, ...options(m) }),
    draft: (m) => void GmailApp.createDraft(m.to.join(', '), m.subject, m.body, options(m)),
    replyInThread(threadId, m, asDraft) {
      const thread = GmailApp.getThreadById(threadId);
      if (!thread) return false;
      const messages = thread.getMessages();
      // Reply to the requester's latest message, so the reply goes to them (not to our own last reply).
      const requester = (m.to[0] ?? '').toLowerCase();
      let target = messages[messages.length - 1];
      for (let i = messages.length - 1; i >= 0; i--) {
        if (messages[i]!.getFrom().toLowerCase().includes(requester)) {
          target = messages[i];
          break;
        }
      }
      if (!target) return false;
      if (asDraft) target.createDraftReply(m.body, options(m));
      else target.reply(m.body, options(m));
      return true;
    },
  };
}

/** The `sweepSla` trigger: the sweep job over the real services; one Log append per run. */
export function sweepSlaNow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SweepReport | string {
  const startedAt = Date.now();
  const log = new RunLog('sweep');
  let url: string | null = null;
  let gid: number | null = null;
  const rowLink = (row: number) => {
    if (url === null) {
      url = ss.getUrl() ?? '';
      gid = ss.getSheetByName(TicketsTab.name)?.getSheetId() ?? 0;
    }
    return url ? `${url}#gid=${gid}&range=A${row}` : '';
  };
  try {
    return runSweep({ workbook: workbookPort(ss), clock: systemClock, lock: documentLock(), budget: runBudget(startedAt), mail: sweepMailPort(), log, rowLink });
  } catch (e) {
    if (!(e instanceof RegisterError)) throw e;
    log.add('Failed', e.message);
    return e.message;
  } finally {
    log.flush(ss);
  }
}
