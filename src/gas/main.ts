/**
 * The public functions of the project: Apps Script calls these by name (simple triggers,
 * installed triggers, menu items, google.script.run). This module is the only list of
 * them; scripts/build.mjs generates the top-level wrappers in build/Code.js from its
 * exports, and test/build.test.ts checks the bundle against it.
 */
import { DateTime } from 'luxon';
import { addMenu } from './menu';
import { setupRegister } from './setup';
import { installScheduledTriggers } from './triggers';
import { withDocumentLock } from './lock';
import { RunLog } from './log';
import { VERSION } from './version';
import { ingestInboxNow } from './jobs/ingest';
import { sweepSlaNow } from './jobs/sweep';
import { billMonthNow, checkHoursNow, closeMonthFromMenu, monthlyBilling } from './jobs/billing';

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Support Desk runs inside its spreadsheet: open the sheet and use the Support Desk menu.');
  return ss;
}

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMenu(SpreadsheetApp.getUi());
}

/** Editor add-on install: the document is already open, so build the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Simple edit trigger. Edits by people are handled by the SLA sweep issue; nothing to do yet. */
export function onEdit(_e?: GoogleAppsScript.Events.SheetsOnEdit): void {}

export function setup(): string {
  const ss = spreadsheet();
  return withDocumentLock('Set up register', () => {
    const tz = ss.getSpreadsheetTimeZone() || 'America/Denver';
    const report = setupRegister(ss, {
      account: Session.getEffectiveUser().getEmail().toLowerCase(),
      spreadsheetTimeZone: tz,
      year: DateTime.fromMillis(Date.now(), { zone: tz }).year,
    });
    const parts = [
      report.createdTabs.length ? `created ${report.createdTabs.length} tabs` : 'all tabs present',
      report.addedColumns.length ? `added columns ${report.addedColumns.join(', ')}` : '',
      report.seededRows ? `seeded ${report.seededRows} rows` : '',
    ].filter(Boolean);
    const message = `Register ready: ${parts.join('; ')}.`;
    const log = new RunLog('setup');
    log.add('Set up register', message);
    log.flush(ss);
    ss.toast(message, 'Support Desk', 5);
    return message;
  });
}

export function installTriggers(): string {
  const ss = spreadsheet();
  return withDocumentLock('Install automation', () => {
    const installed = installScheduledTriggers(ss);
    const message = `Automation installed: ${installed.join('; ')}.`;
    const log = new RunLog('setup');
    log.add('Install automation', message);
    log.flush(ss);
    ss.toast(message, 'Support Desk', 5);
    return message;
  });
}

function notYetAvailable(what: string): string {
  const message = `${what} is not yet available in Support Desk ${VERSION}.`;
  console.log(message);
  return message;
}

/** Time trigger (and menu "Check inbox now"): support mail → Tickets and Messages. */
export function ingestInbox(): string {
  const report = ingestInboxNow(spreadsheet());
  return typeof report === 'string' ? report : report.message;
}

/** Time trigger (and menu "Sweep SLAs now"): SLA states, due times, escalations and status notices. */
export function sweepSla(): string {
  const report = sweepSlaNow(spreadsheet());
  return typeof report === 'string' ? report : report.message;
}

/** Scheduled: keeps the Hours tab and usage alerts current, drafts the month before once (src/gas/jobs/billing.ts). */
export function runMonthlyBilling(): string {
  return monthlyBilling();
}

/** Menu "Close month…": prompts for YYYY-MM and Draft/Final. */
export function closeMonth(): string {
  return closeMonthFromMenu();
}

/** Bills one month (YYYY-MM) as Draft, or Final when `final` is true: for the CLI and scripts. */
export function billMonth(month: string, final?: boolean): string {
  return billMonthNow(month, final === true);
}

/** Menu "Check hours now": Counted / Reason / Problems of the Hours tab, and usage alerts. */
export function checkHours(): string {
  return checkHoursNow();
}

/**
 * The single clock trigger of an Editor add-on (one per document, at most hourly): runs
 * each job in turn. Each job takes the lock and checkpoints on its own.
 */
export function runAutomation(): string {
  return [ingestInbox(), sweepSla(), runMonthlyBilling()].join(' ');
}

export function showAbout(): string {
  const triggers = ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
  const message = `Support Desk for Sheets ${VERSION}. Triggers installed: ${triggers.length ? triggers.join(', ') : 'none (use Install automation)'}.`;
  SpreadsheetApp.getUi().alert(message);
  return message;
}
