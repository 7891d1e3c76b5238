/**
 * The public functions of the project: Apps Script calls these by name (simple triggers,
 * installed triggers, menu items, google.script.run). This module is the only list of
 * them; scripts/build.mjs generates the top-level wrappers in build/Code.js from its
 * exports, and test/build.test.ts checks the bundle against it.
 */
import { paced } from './pace';
import { refreshSuccessIfDue, refreshSuccessNow } from './jobs/success';
import { applyPriorityNames } from './priority-names';
import { formatPriorityNames } from '../core/tickets/priority-names';
import { DateTime } from 'luxon';
import { addMenu } from './menu';
import { setupRegister } from './setup';
import { installScheduledTriggers, removeScheduledTriggers } from './triggers';
import { currentUser, forgetInstaller, installers, otherInstallersWarning, recordInstaller } from './installers';
import { lockOrTell } from '../jobs/lock-policy';
import { resultText, runJob, Told } from './run-job';
import { activeSpreadsheet } from './ports';
import { recordRun } from './last-run';
import { runSteps } from './automation';
import { checksText, runChecks } from './self-check';
import { openForTrigger } from './document';
import { ingestInboxNow } from './jobs/ingest';
import { sweepSlaNow } from './jobs/sweep';
import { handleEditNow } from './jobs/edit';
import { sortQueueNow } from './jobs/queue';
import { reapplyPoliciesNow } from './jobs/reapply';
import { billMonthNow, checkHoursNow, closeMonthFromMenu, monthlyBilling, reopenMonthFromMenu } from './jobs/billing';
import { showAboutNow } from './ui/about';
import { logTimeFormNow, showLogTimeSidebarNow, submitTimeEntryNow } from './ui/log-time';
import { showTicketDetailsNow, ticketDetailsNow } from './ui/ticket-details';
import { refreshDashboardIfDue, refreshDashboardNow } from './ui/dashboard';

const spreadsheet = activeSpreadsheet;

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMenu(SpreadsheetApp.getUi());
}

/** Editor add-on install: the document is already open, so build the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Simple edit trigger: deliberately a no-op. Simple triggers run with LIMITED authorization
 * (no mail, no document lock, 30 s), and would run in addition to the installed one, so all
 * edit handling lives in `handleEdit`, installed by "Install automation". Without it, the
 * SLA sweep still reconciles Status with the stamps (at sweep time instead of edit time).
 */
export function onEdit(_e?: GoogleAppsScript.Events.SheetsOnEdit): void {}

/**
 * Installable edit trigger (src/gas/jobs/edit.ts): Status / Priority / Client ID changes
 * stamp and recompute the row at once; typed-over automation columns are put back.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  return resultText(handleEditNow(e));
}

/** Menu "Sort queue": open tickets first in first out within priority; Resolved and Closed below. */
export function sortQueue(): string {
  return resultText(sortQueueNow(spreadsheet()));
}

/** Menu "Reapply SLA policies": open tickets' deadlines under the current SLA Policies and calendars. */
export function reapplyPolicies(): string {
  return reapplyPoliciesNow(spreadsheet());
}

export function setup(): string {
  return resultText(
    runJob('setup', (env) =>
      lockOrTell(env.lock, 'setup', 'Set up register', () => {
        const ss = env.ss;
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
          report.reprotectedColumns
            ? `put the edit warning back on ${report.reprotectedColumns} automation column${report.reprotectedColumns === 1 ? '' : 's'}`
            : '',
        ].filter(Boolean);
        const renamed = applyPriorityNames(ss, env.log);
        if (renamed) parts.push(`priority names now ${formatPriorityNames(renamed.to)}`);
        const message = `Register ready: ${parts.join('; ')}.`;
        env.log.add('Set up register', message);
        ss.toast(message, 'Support Desk', 5);
        return message;
      }),
    ),
  );
}

/**
 * Menu "Install automation": this user's triggers for this spreadsheet (src/gas/triggers.ts),
 * recorded as theirs so every user of the sheet can see who runs the desk
 * (src/gas/installers.ts); says so when someone else has installed it too.
 */
export function installTriggers(): string {
  return resultText(
    runJob('setup', (env) =>
      lockOrTell(env.lock, 'triggers', 'Install automation', () => {
        const me = currentUser();
        const installed = installScheduledTriggers(env.ss);
        recordInstaller(me, installed);
        const warning = otherInstallersWarning(me);
        const message = `Automation installed for ${me}: ${installed.join('; ')}.${warning ? ` ${warning}` : ''}`;
        env.log.add('Install automation', message);
        env.ss.toast(message, 'Support Desk', 10);
        return message;
      }),
    ),
  );
}

/** Menu "Remove automation": deletes this user's triggers of this spreadsheet, nobody else's. */
export function removeTriggers(): string {
  return resultText(
    runJob('setup', (env) =>
      lockOrTell(env.lock, 'triggers', 'Remove automation', () => {
        const me = currentUser();
        const removed = removeScheduledTriggers(env.ss);
        forgetInstaller(me);
        const rest = installers().map((i) => i.email);
        const message = `Automation removed for ${me}: ${removed} trigger${removed === 1 ? '' : 's'} deleted.${
          rest.length ? ` Still installed by ${rest.join(', ')}.` : ' No automation runs on this sheet now.'
        }`;
        env.log.add('Remove automation', message);
        env.ss.toast(message, 'Support Desk', 10);
        return message;
      }),
    ),
  );
}

/** Time trigger (and menu "Check inbox now"): support mail → Tickets and Messages. */
export function ingestInbox(e?: unknown): string {
  return paced('ingest', e, () => {
    let asked = 0;
    const text = recordRun('ingest', () => {
      const report = ingestInboxNow();
      if (!(report instanceof Told)) asked = report.escalationRequests;
      return report;
    });
    // A client who asked to escalate is answered now, not at the next scheduled sweep.
    if (asked === 0) return text;
    return `${text} ${asked === 1 ? 'An escalation request' : `${asked} escalation requests`} answered by a sweep now: ${sweepSla()}`;
  });
}

/** Time trigger (and menu "Sweep SLAs now"): SLA states, due times, escalations and status notices. */
export function sweepSla(e?: unknown): string {
  return paced('sweep', e, () =>
    recordRun('sweep', () => {
      const ss = spreadsheet();
      const report = sweepSlaNow(ss);
      refreshDashboardIfDue(ss);
      return report;
    }),
  );
}

/** Scheduled: keeps the Hours tab and usage alerts current, drafts the month before once (src/gas/jobs/billing.ts). */
export function runMonthlyBilling(): string {
  // In the add-on's hourly run this is the hour check; client success rides on it.
  return withClientSuccess('billing', monthlyBilling);
}

/**
 * Runs an hourly job as recordRun does, then client success when it is due and the job
 * could read the register (touches are Hours rows; a register problem it stopped on is
 * reported once, by the job).
 */
function withClientSuccess(job: string, run: () => unknown): string {
  let checked = false;
  const text = recordRun(job, () => {
    const r = run();
    checked = !(r instanceof Told);
    return r;
  });
  if (checked) refreshSuccessIfDue(spreadsheet());
  return text;
}

/** Menu "Close month…": prompts for YYYY-MM and Draft/Final. */
export function closeMonth(): string {
  return closeMonthFromMenu();
}

/** Menu "Reopen month…": reopens a Final month with a reason, and bills it as a Draft. */
export function reopenMonth(): string {
  return reopenMonthFromMenu();
}

/**
 * Bills one month (YYYY-MM) as Draft, or Final when `final` is true: for the CLI and scripts.
 * A `reopenReason` reopens a Final month first (logged with who and why).
 */
export function billMonth(month: string, final?: boolean, reopenReason?: string): string {
  return resultText(billMonthNow(month, final === true, reopenReason));
}

/** billMonth for the CLI: the message and whether a billing rule refused the month (exit 2). */
export function billMonthOutcome(
  month: string,
  final?: boolean,
  reopenReason?: string,
  by?: string,
): { message: string; refused: boolean } {
  const r = billMonthNow(month, final === true, reopenReason ?? undefined, by);
  return { message: resultText(r), refused: typeof r === 'object' && 'refused' in r && r.refused === true };
}

/** Menu "Check hours now": Counted / Reason / Problems of the Hours tab, and usage alerts. */
export function checkHours(e?: unknown): string {
  return paced('hours', e, () => withClientSuccess('hours', checkHoursNow));
}

/**
 * The single clock trigger of an Editor add-on (one per document, at most hourly): runs
 * each job in turn in one execution, sharing its 6 minutes (src/gas/automation.ts). Each job
 * takes the lock and checkpoints on its own; the inbox leaves 90 s to the sweep and billing,
 * the sweep 30 s to billing.
 */
export function runAutomation(e?: unknown): string {
  openForTrigger(e);
  return paced('automation', e, () =>
    runSteps([
      { job: 'ingest', what: 'Inbox check', run: ingestInbox, leaveMs: 90_000 },
      { job: 'sweep', what: 'SLA sweep', run: sweepSla, leaveMs: 30_000 },
      { job: 'billing', what: 'Monthly billing', run: runMonthlyBilling, leaveMs: 0 },
    ]),
  );
}

/**
 * Menu "Check installation": a read-only check of what the deployed script depends on in
 * the real account (src/gas/self-check.ts), shown as a pass/fail list and logged.
 */
export function checkInstallation(): string {
  return resultText(
    runJob('setup', (env) => {
      const results = runChecks(env.ss);
      const text = checksText(results);
      const failed = results.filter((r) => !r.ok);
      env.log.add(
        'Check installation',
        failed.length
          ? `${failed.length} of ${results.length} checks failed: ${failed.map((f) => `${f.name} (${f.detail})`).join('; ')}`
          : `All ${results.length} checks passed.`,
      );
      SpreadsheetApp.getUi().alert('Check installation', text, SpreadsheetApp.getUi().ButtonSet.OK);
      return text;
    }),
  );
}

/** Menu "About": version, installed triggers, and the last logged run of each job (src/gas/ui/about.ts). */
export function showAbout(): string {
  return showAboutNow();
}

/** Menu "Log time…": the sidebar (src/gas/ui/log-time, src/gas/html/log-time.html). */
export function showLogTimeSidebar(): void {
  showLogTimeSidebarNow();
}

/** google.script.run from the Log time sidebar: what the form offers. */
export function logTimeForm(): unknown {
  return logTimeFormNow();
}

/** google.script.run from the Log time sidebar: validates with the Hours schema and appends one row. */
export function submitTimeEntry(form: unknown): unknown {
  return submitTimeEntryNow(form);
}

/** Menu "Ticket details…": the sidebar for the selected row's ticket. */
export function showTicketDetails(): void {
  showTicketDetailsNow();
}

/** google.script.run from the Ticket details sidebar: the ticket by ID, or the selected row's when none is given. */
export function ticketDetails(ticketId?: string): unknown {
  return ticketDetailsNow(ticketId);
}

/**
 * Menu "Refresh dashboard": the Dashboard tab and its native charts. The sweep refreshes it
 * too, with refreshDashboard(workbookPort(ss), now, dashboardChartPort(ss)) from
 * src/jobs/dashboard/refresh.ts and src/gas/ui/dashboard.ts.
 */
export function refreshDashboard(): string {
  return refreshDashboardNow();
}

/** Client success now (the sweep does it hourly): touches, kick-offs, reviews, health and risk, and the Success tab. */
export function refreshSuccess(): string {
  return refreshSuccessNow(spreadsheet());
}
