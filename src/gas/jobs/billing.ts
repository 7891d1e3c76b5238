import { addMonths, currentMonth, parseMonth, type YearMonth } from '../../core/hours/month';
import { billMonth, type BillingPorts } from '../../jobs/billing/bill-month';
import { billingTabName } from '../../jobs/billing/tab-layout';
import { checkHours } from '../../jobs/hours/check-hours';
import { lockOrTell } from '../../jobs/lock-policy';
import { GmailAdapter } from '../adapters/gmail';
import { activeSpreadsheet } from '../ports';
import { resultText, runJob, type JobEnv, type Told } from '../run-job';
import { settingsOf } from '../settings';
import { generatedTabs } from './generated-tabs';

/** The last month the automatic monthly run billed, so an hourly add-on trigger bills it once. */
const AUTO_BILLED_KEY = 'billing.autoBilled';

function ports(env: JobEnv): BillingPorts {
  return { workbook: env.workbook, tabs: generatedTabs(env.ss), clock: env.clock, kv: env.state, mail: new GmailAdapter(), log: env.log };
}

function providerZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return settingsOf(ss).settings.providerZone;
}

/** Validates the Hours tab, computes Counted / Reason / Problems and sends usage alerts. */
export function checkHoursNow(): string | Told {
  return runJob('hours', (env) => lockOrTell(env.lock, 'hours', 'Check hours', () => checkHours(ports(env))), { toast: true });
}

/** Bills `month` (YYYY-MM), as Draft or Final. */
export function billMonthNow(month: string, final = false): string | Told {
  const m = parseMonth(String(month ?? ''));
  if (!m) throw new Error(`"${month}" is not a month: use YYYY-MM, e.g. 2026-10.`);
  return runJob('billing', (env) => lockOrTell(env.lock, 'billing', `Bill ${m}`, () => billMonth(ports(env), m, final === true).message));
}

/**
 * The scheduled run (monthly on the 1st for a bound script; every run of runAutomation for
 * an add-on): keeps the Hours tab and usage alerts current, and drafts the month before
 * once, unless someone billed it already.
 */
export function monthlyBilling(): string | Told {
  return runJob('billing', (env) =>
    lockOrTell(env.lock, 'billing', 'Monthly billing', () => {
      const p = ports(env);
      const parts = [checkHours(p)];
      const previous = addMonths(currentMonth(p.clock.now(), providerZone(env.ss)), -1);
      if (p.kv.get(AUTO_BILLED_KEY) !== previous && !env.ss.getSheetByName(billingTabName(previous))) {
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
  const ss = activeSpreadsheet();
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
  const message = resultText(billMonthNow(month, answer === ui.Button.YES));
  ui.alert(message);
  return message;
}
