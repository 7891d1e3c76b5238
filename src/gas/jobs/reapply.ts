import { runReapply } from '../../jobs/tickets/reapply';
import { resultText, runJob } from '../run-job';

/** Menu "Reapply SLA policies": open tickets recomputed under the current SLA Policies and calendars. */
export function reapplyPoliciesNow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const r = runJob('reapply', (env) => runReapply({ workbook: env.workbook, clock: env.clock, lock: env.lock, log: env.log }), { ss });
  const message = resultText(r);
  ss.toast(message, 'Support Desk', 10);
  return message;
}
