import type { SuccessLayout } from '../../core/success/tab-layout';
import { SUCCESS_COLUMN_WIDTHS, SUCCESS_TAB } from '../../core/success/tab-layout';
import { refreshSuccess, type SuccessReport } from '../../jobs/success/refresh';
import { GmailAdapter } from '../adapters/gmail';
import { stateProperties } from '../document';
import type { RunLog } from '../log';
import { documentProperties, systemClock, workbookPort } from '../ports';
import { dashboardChartPort } from '../ui/dashboard';
import { refreshHourlyIfDue, refreshNow } from '../hourly-refresh';

/**
 * Client success (src/jobs/success/refresh.ts) over the real services: after a sweep at most
 * hourly, like the Dashboard, and on demand (`refreshSuccess`). The Success tab's colours
 * (one setBackgrounds) and its health chart are applied here; the values by the job.
 */
const REFRESHED_AT = 'success.refreshedAt';

function colour(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, layout: SuccessLayout): void {
  const sheet = ss.getSheetByName(SUCCESS_TAB);
  if (!sheet || layout.backgrounds.length === 0) return;
  sheet.getRange(1, 1, layout.backgrounds.length, layout.backgrounds[0]!.length).setBackgrounds(layout.backgrounds);
  if (sheet.getFrozenRows() !== 1) {
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, SUCCESS_COLUMN_WIDTHS.length).setFontWeight('bold');
  }
  // Widths only where they differ: a few reads, no write once right.
  SUCCESS_COLUMN_WIDTHS.forEach((px, i) => {
    if (sheet.getColumnWidth(i + 1) !== px) sheet.setColumnWidth(i + 1, px);
  });
}

function run(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, log: RunLog): SuccessReport {
  const report = refreshSuccess({
    workbook: workbookPort(ss),
    mail: new GmailAdapter(),
    clock: systemClock,
    log,
    charts: dashboardChartPort(ss),
    state: documentProperties(),
  });
  colour(ss, report.layout);
  return report;
}

/** Entry point `refreshSuccess`: evaluates every client and rewrites the Success tab now. */
export function refreshSuccessNow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return refreshNow(ss, {
    job: 'success',
    what: 'Refresh client success',
    run: (log) => {
      const report = run(ss, log);
      stateProperties().setProperty(REFRESHED_AT, String(Date.now()));
      return report.message;
    },
  });
}

/** After the hour check: the evaluation and the tab when an hour old (or missing); a failure is logged, never fails the hour check. */
export function refreshSuccessIfDue(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  refreshHourlyIfDue(ss, {
    stamp: REFRESHED_AT,
    tab: SUCCESS_TAB,
    job: 'success',
    what: 'Refresh client success',
    run: (log) => void run(ss, log),
  });
}
