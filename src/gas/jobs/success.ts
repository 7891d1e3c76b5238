import type { SuccessLayout } from '../../core/success/tab-layout';
import { SUCCESS_COLUMN_WIDTHS, SUCCESS_TAB } from '../../core/success/tab-layout';
import { lockOrTell } from '../../jobs/lock-policy';
import { refreshSuccess, type SuccessReport } from '../../jobs/success/refresh';
import { GmailAdapter } from '../adapters/gmail';
import { stateProperties } from '../document';
import { RunLog } from '../log';
import { documentLock, documentProperties, systemClock, workbookPort } from '../ports';
import { dashboardChartPort } from '../ui/dashboard';

/**
 * Client success (src/jobs/success/refresh.ts) over the real services: after a sweep at most
 * hourly, like the Dashboard, and on demand (`refreshSuccess`). The Success tab's colours
 * (one setBackgrounds) and its health chart are applied here; the values by the job.
 */
const REFRESHED_AT = 'success.refreshedAt';
const REFRESH_EVERY_MS = 60 * 60 * 1000;

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
  return lockOrTell(documentLock(), 'dashboard', 'Refresh client success', () => {
    const log = new RunLog('success');
    try {
      const report = run(ss, log);
      stateProperties().setProperty(REFRESHED_AT, String(Date.now()));
      log.add('Refreshed', report.message);
      return report.message;
    } catch (e) {
      log.add('Failed', e instanceof Error ? e.message : String(e));
      throw e;
    } finally {
      log.flush(ss);
    }
  });
}

/** After a sweep: the evaluation and the tab when an hour old (or missing); a failure is logged, never fails the sweep. */
export function refreshSuccessIfDue(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const props = stateProperties();
  const last = Number(props.getProperty(REFRESHED_AT) ?? 0);
  const now = Date.now();
  if (now - last < REFRESH_EVERY_MS && ss.getSheetByName(SUCCESS_TAB)) return;
  const log = new RunLog('success');
  try {
    lockOrTell(documentLock(), 'dashboard', 'Refresh client success', () => {
      run(ss, log);
      props.setProperty(REFRESHED_AT, String(now));
    });
  } catch (e) {
    log.add('Failed', e instanceof Error ? e.message : String(e));
  } finally {
    log.flush(ss);
  }
}
