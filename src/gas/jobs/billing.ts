import { addMonths, currentMonth, parseMonth, type YearMonth } from '../../core/hours/month';
import { billMonth, type BillingPorts, type BillMonthResult } from '../../jobs/billing/bill-month';
import { currentPerson } from '../ui/context';
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

/** Bills `month` (YYYY-MM), as Draft or Final; with `reopenReason`, reopens a Final month first. */
export function billMonthNow(month: string, final = false, reopenReason?: string, who?: string): BillMonthResult | Told {
  const m = parseMonth(String(month ?? ''));
  if (!m) throw new Error(`"${month}" is not a month: use YYYY-MM, e.g. 2026-10.`);
  const by = who || currentPerson();
  const opts = reopenReason === undefined ? { by } : { by, reopen: { reason: String(reopenReason) } };
  return runJob('billing', (env) => lockOrTell(env.lock, 'billing', `Bill ${m}`, () => billMonth(ports(env), m, final === true, opts)));
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

/**
 * Menu "Reopen month…": the only way to bill a Final month again. Asks for the month and a
 * reason (logged with who reopened it), then bills it as a Draft; close it Final again
 * with "Close month…".
 */
export function reopenMonthFromMenu(): string {
  const ui = SpreadsheetApp.getUi();
  const asked = ui.prompt('Reopen month', 'Final month to reopen, as YYYY-MM:', ui.ButtonSet.OK_CANCEL);
  if (asked.getSelectedButton() !== ui.Button.OK) return 'Cancelled.';
  const text = asked.getResponseText().trim();
  const month = parseMonth(text);
  if (!month) {
    ui.alert(`"${text}" is not a month: use YYYY-MM.`);
    return `Not a month: ${text}`;
  }
  const why = ui.prompt(
    `Reopen ${month}`,
    'Why is it reopened? (kept in the Log with your name; invoices already numbered keep their numbers)',
    ui.ButtonSet.OK_CANCEL,
  );
  if (why.getSelectedButton() !== ui.Button.OK) return 'Cancelled.';
  const reason = why.getResponseText().trim();
  if (!reason) {
    ui.alert('A month is reopened only with a reason.');
    return 'Not reopened: no reason given.';
  }
  const message = resultText(billMonthNow(month, false, reason));
  ui.alert(message);
  return message;
}
