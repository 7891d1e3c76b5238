import { runIngest, type IngestReport } from '../../jobs/ingest/job';
import { RegisterError } from '../../register/table';
import { GmailAdapter } from '../adapters/gmail';
import { RunLog } from '../log';
import { documentLock, documentProperties, runBudget, systemClock, workbookPort } from '../ports';

/** The `ingestInbox` trigger: the inbox job over the real services. */
export function ingestInboxNow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): IngestReport | string {
  const startedAt = Date.now();
  const gmail = new GmailAdapter();
  const log = {
    write(lines: readonly { action: string; detail: string; ticketId?: string; clientId?: string }[]) {
      if (lines.length === 0) return;
      const run = new RunLog('ingest');
      for (const l of lines) run.add(l.action, l.detail, { ...(l.ticketId ? { ticketId: l.ticketId } : {}), ...(l.clientId ? { clientId: l.clientId } : {}) });
      run.flush(ss);
    },
  };
  try {
    return runIngest({
      workbook: workbookPort(ss),
      mailbox: gmail,
      mailer: gmail,
      clock: systemClock,
      state: documentProperties(),
      lock: documentLock(),
      budget: runBudget(startedAt),
      log,
    });
  } catch (e) {
    // A register problem (missing tab, bad setting) is the user's to fix: say so in the Log, don't crash the trigger.
    if (!(e instanceof RegisterError)) throw e;
    log.write([{ action: 'Failed', detail: e.message }]);
    return e.message;
  }
}
