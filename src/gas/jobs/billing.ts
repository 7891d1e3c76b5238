import { addMonths, currentMonth, parseMonth, type YearMonth } from '../../core/hours/month';
import { billMonth, type BillingPorts } from '../../jobs/billing/bill-month';
import { billingTabName } from '../../jobs/billing/tab-layout';
import { checkHours } from '../../jobs/hours/check-hours';
import { withDocumentLock } from '../lock';
import { RunLog } from '../log';
import { documentProperties, systemClock, workbookPort } from '../ports';
import { settingsOf } from '../settings';
import { generatedTabs } from './generated-tabs';
import { mailPort } from './mail';

/** The last month the automatic monthly run billed, so an hourly add-on trigger bills it once. */
const AUTO_BILLED_KEY = 'billing.autoBilled';

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Support Desk runs inside its spreadsheet: open the sheet and use the Support Desk menu.');
  return ss;
}

function ports(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, log: RunLog): BillingPorts {
  return { workbook: workbookPort(ss), tabs: generatedTabs(ss), clock: systemClock, kv: documentProperties(), mail: mailPort(), log };
}

function providerZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return settingsOf(ss).settings.providerZone;
}

/** Runs a job with its Log lines written once at the end, even when it fails. */
function logged<T>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, job: string, fn: (log: RunLog) => T): T {
  const log = new RunLog(job);
  try {
    return fn(log);
  } catch (e) {
    log.add('Failed', e instanceof Error ? e.message : String(e));
    throw e;
  } finally {
    log.flush(ss);
  }
}

/** Validates the Hours tab, computes Counted / Reason / Problems and sends usage alerts. */
export function checkHoursNow(): string {
  const ss = spreadsheet();
  return withDocumentLock('Check hours', () => logged(ss, 'hours', (log) => checkHours(ports(ss, log))));
}

/** Bills `month` (YYYY-MM), as Draft or Final. */
export function billMonthNow(month: string, final = false): string {
  const m = parseMonth(String(month ?? ''));
  if (!m) throw new Error(`"${month}" is not a month: use YYYY-MM, e.g. 2026-10.`);
  const ss = spreadsheet();
  return withDocumentLock(`Bill ${m}`, () => logged(ss, 'billing', (log) => billMonth(ports(ss, log), m, final === true).message));
}

/**
 * The scheduled run (monthly on the 1st for a bound script; every run of runAutomation for
 * an add-on): keeps the Hours tab and usage alerts current, and drafts the month before
 * once, unless someone billed it already.
 */
export function monthlyBilling(): string {
  const ss = spreadsheet();
  return withDocumentLock('Monthly billing', () =>
    logged(ss, 'billing', (log) => {
      const p = ports(ss, log);
      const parts = [checkHours(p)];
      const previous = addMonths(currentMonth(p.clock.now(), providerZone(ss)), -1);
      if (p.kv.get(AUTO_BILLED_KEY) !== previous && !ss.getSheetByName(billingTabName(previous))) {
        parts.push(billMonth(p, previous, false).message);
        p.kv.set(AUTO_BILLED_KEY, previous);
      }
      return parts.join(' ');
    }),
  );
}

/** Menu "Close month…": asks for the month and whether it is final. */
export function closeMonthFromMenu(): string {
  const ui = SpreadsheetApp.getUi();
  const ss = spreadsheet();
  const suggested: YearMonth = addMonths(currentMonth(Date.now(), providerZone(ss)), -1);
  const asked = ui.prompt('Close month', `Month to bill, as YYYY-MM (e.g. ${suggested}):`, ui.ButtonSet.OK_CANCEL);
  if (asked.getSelectedButton() !== ui.Button.OK) return 'Cancelled.';
  const text = asked.getResponseText().trim() || suggested;
  const month = parseMonth(text);
  if (!month) {
    ui.alert(`"${text}" is not a month: use YYYY-MM, e.g. ${suggested}.`);
    return `Not a month: ${text}`;
  }
  const answer = ui.alert(
    `Mark ${month} final?`,
    `Yes: write Billing ${month} as Final. It is never rewritten; later changes to its hours are billed as adjustments in the next month.\nNo: write it as a Draft you can run again.`,
    ui.ButtonSet.YES_NO_CANCEL,
  );
  if (answer === ui.Button.CANCEL || answer === ui.Button.CLOSE) return 'Cancelled.';
  const message = billMonthNow(month, answer === ui.Button.YES);
  ui.alert(message);
  return message;
}
