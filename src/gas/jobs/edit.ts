import { PICKER_ROW } from '../../core/dashboard';
import { DASHBOARD_TAB } from '../../jobs/dashboard/refresh';
import type { EditSheetPort, TicketEdit } from '../../jobs/edits/ports';
import { handleTicketEdit, type EditReport } from '../../jobs/edits/handle-edit';
import { SettingsTab, TicketsTab } from '../../register/tabs';
import { lockOrSkip } from '../../jobs/lock-policy';
import { SETTINGS } from '../../register/settings/spec';
import { formatPriorityNames } from '../../core/tickets/priority-names';
import { applyPriorityNames } from '../priority-names';
import { runJob, type Told } from '../run-job';
import { sheetPort } from '../sheet-port';
import { refreshDashboardNow } from '../ui/dashboard';
import { BILLING_TAB } from '../../jobs/billing/tab-layout';
import { handleFinalTabEdit, type FinalTabEdit, type FinalTabEditReport, type FinalTabPort } from '../../jobs/billing/final-tab-edit';

/** The Tickets tab for the edit handler: header and edited rows only, writes as sheetPort does. */
function editSheetPort(sheet: GoogleAppsScript.Spreadsheet.Sheet): EditSheetPort {
  const base = sheetPort(sheet);
  let width: number | null = null;
  const cols = () => (width ??= Math.max(sheet.getLastColumn(), 1));
  return {
    name: sheet.getName(),
    readHeader: () => sheet.getRange(1, 1, 1, cols()).getValues()[0] ?? [],
    readRows: (first, count) => (count <= 0 ? [] : sheet.getRange(first, 1, count, cols()).getValues()),
    lastRow: () => sheet.getLastRow(),
    readColumn: (column) =>
      sheet.getLastRow() < 2
        ? []
        : sheet
            .getRange(2, column, sheet.getLastRow() - 1, 1)
            .getValues()
            .map((r) => r[0]),
    plainTextColumns: () => base.plainTextColumns!(),
    priorityNames: () => base.priorityNames!(),
    writeBlocks: (b) => base.writeBlocks(b),
    writeNotes: (n) => base.writeNotes(n),
  };
}

/** A month typed in the Dashboard's picker (B3) shows at once, not at the next hourly refresh. */
function dashboardEdited(range: GoogleAppsScript.Spreadsheet.Range): string {
  const row = range.getRow();
  const column = range.getColumn();
  const picker = row <= PICKER_ROW && PICKER_ROW < row + range.getNumRows() && column <= 2 && 2 < column + range.getNumColumns();
  return picker ? refreshDashboardNow() : `An edit on ${DASHBOARD_TAB}: nothing to do (it is rewritten by each refresh).`;
}

/** A Billing YYYY-MM tab for the edit handler: reads whole (rare, small), writes single cells. */
function finalTabPort(sheet: GoogleAppsScript.Spreadsheet.Sheet): FinalTabPort {
  return {
    readAll: () => sheet.getDataRange().getValues(),
    formatOf: (r, c) => sheet.getRange(r, c).getNumberFormat(),
    write: (r, c, v) => void sheet.getRange(r, c).setValue(v),
    note: (r, c, text) => void sheet.getRange(r, c).setNote(text),
  };
}

/** An edit on a billing tab: put back when the month is final (src/jobs/billing/final-tab-edit.ts). */
function finalTabEdit(
  e: GoogleAppsScript.Events.SheetsOnEdit,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  single: boolean,
): FinalTabEditReport | Told | string {
  const range = e.range;
  const edit: FinalTabEdit = {
    sheetName: sheet.getName(),
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
    ...(single && e.oldValue !== undefined && e.oldValue !== null ? { oldValue: String(e.oldValue) } : {}),
    user: editor(e),
  };
  return runJob(
    'edit',
    (env) => {
      const report = handleFinalTabEdit({ tab: finalTabPort(sheet), kv: env.state, log: env.log }, edit);
      if (report.toast) env.workbook.toast(report.toast);
      return report;
    },
    { ss, toast: true },
  );
}

/** An edit on Settings: a new Settings → Priority names renames the level cells now (src/gas/priority-names.ts). */
function settingsEdited(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, range: GoogleAppsScript.Spreadsheet.Range): string | Told {
  // Only a Priority names row matters now (two reads: the header and the edited rows' keys).
  const sheet = range.getSheet();
  const header = sheet
    .getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1))
    .getValues()[0]!
    .map((h) => String(h).trim());
  const k = header.indexOf('Key');
  const keys = k < 0 ? [] : sheet.getRange(range.getRow(), k + 1, range.getNumRows(), 1).getValues();
  if (!keys.some((r) => String(r[0]).trim().toLowerCase() === SETTINGS.priorityNames.key.toLowerCase()))
    return 'An edit on Settings: nothing to do.';
  return runJob(
    'edit',
    (env) => {
      const renamed = lockOrSkip(
        env.lock,
        'edit',
        () => applyPriorityNames(ss, env.log),
        () => undefined,
      );
      if (renamed === undefined) return 'An edit on Settings: another job is running; the next sweep applies any new priority names.';
      if (!renamed) return 'An edit on Settings: the priority names are unchanged.';
      const message = `Priority names are now ${formatPriorityNames(renamed.to)}; the Priority cells were renamed level for level.`;
      env.workbook.toast(message);
      return message;
    },
    { ss, toast: true },
  );
}

/** Text as Apps Script puts it in the event: a user object's address, or nothing. */
function editor(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    return e.user?.getEmail?.() ?? '';
  } catch {
    return '';
  }
}

/**
 * The installable edit trigger (`handleEdit`). Runs with full authorization, so it may take
 * the document lock and write the Log. Edits on other tabs, or of columns the automation
 * neither owns nor watches, return after a few cheap calls.
 */
export function handleEditNow(e: GoogleAppsScript.Events.SheetsOnEdit): EditReport | FinalTabEditReport | Told | string {
  if (!e?.range) return 'No edit event: handleEdit runs from its installed trigger.';
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() === DASHBOARD_TAB) return dashboardEdited(range);
  const name = sheet.getName();
  const billing = BILLING_TAB.test(name);
  const ss = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
  if (name === SettingsTab.name) return settingsEdited(ss, range);
  if (!billing && name !== TicketsTab.name) return `An edit on ${name}: nothing to do.`;
  const numRows = range.getNumRows();
  const numColumns = range.getNumColumns();
  const single = numRows === 1 && numColumns === 1;
  if (billing) return finalTabEdit(e, ss, sheet, single);
  const edit: TicketEdit = {
    sheetName: sheet.getName(),
    row: range.getRow(),
    column: range.getColumn(),
    numRows,
    numColumns,
    // Apps Script sets oldValue only for a single cell typed over; it leaves it out when the
    // cell was blank and for any paste. Absent stays absent: '' would "restore" a blank.
    ...(single && e.oldValue !== undefined && e.oldValue !== null ? { oldValue: String(e.oldValue) } : {}),
    user: editor(e),
  };
  return runJob(
    'edit',
    (env) =>
      handleTicketEdit(
        { workbook: env.workbook, tickets: editSheetPort(sheet), clock: env.clock, lock: env.lock, log: env.log, state: env.state },
        edit,
      ),
    { ss, toast: true },
  );
}
