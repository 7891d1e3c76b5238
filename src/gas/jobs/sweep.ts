import { applyPriorityNames } from '../priority-names';
import { runSweep, type SweepReport } from '../../jobs/sweep/sweep';
import { TicketsTab } from '../../register/tabs';
import { GmailAdapter } from '../adapters/gmail';
import { runJob, type Told } from '../run-job';

/** The `sweepSla` trigger: the sweep job over the real services; one Log append per run. */
export function sweepSlaNow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SweepReport | Told {
  return runJob(
    'sweep',
    (env) => {
      let url: string | null = null;
      let gid: number | null = null;
      const rowLink = (row: number) => {
        if (url === null) {
          url = ss.getUrl() ?? '';
          gid = ss.getSheetByName(TicketsTab.name)?.getSheetId() ?? 0;
        }
        return url ? `${url}#gid=${gid}&range=A${row}` : '';
      };
      return runSweep({
        workbook: env.workbook,
        clock: env.clock,
        lock: env.lock,
        budget: env.budget,
        mail: new GmailAdapter(),
        log: env.log,
        rowLink,
        renamePriorities: () => applyPriorityNames(ss, env.log) !== null,
      });
    },
    { ss },
  );
}
