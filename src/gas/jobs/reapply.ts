import { runReapply } from '../../jobs/edits/reapply';
import { RegisterError } from '../../register/table';
import { RunLog } from '../log';
import { documentLock, systemClock, workbookPort } from '../ports';

/** Menu "Reapply SLA policies": open tickets recomputed under the current SLA Policies and calendars. */
export function reapplyPoliciesNow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const log = new RunLog('reapply');
  try {
    const r = runReapply({ workbook: workbookPort(ss), clock: systemClock, lock: documentLock(), log });
    ss.toast(r.message, 'Support Desk', 10);
    return r.message;
  } catch (e) {
    if (!(e instanceof RegisterError)) throw e;
    log.add('Failed', e.message);
    ss.toast(e.message, 'Support Desk', 10);
    return e.message;
  } finally {
    log.flush(ss);
  }
}
