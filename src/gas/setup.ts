import { appliedPriorityNames, levelDropdown } from './priority-names';
import { DateTime } from 'luxon';
import {
  ALL_TABS,
  ActivitiesTab,
  CalendarsTab,
  EscalationTab,
  EntitlementsTab,
  HolidaysTab,
  SettingsTab,
  SlaPoliciesTab,
  TicketsTab,
} from '../register/tabs';
import { columnWidth, DEFAULT_COLUMN_WIDTH, headersOf, type ColumnMeta, type TabSpec } from '../register/tab-spec';
import { appendRows, applyPlan, planWrites, readTable } from '../register/table';
import { settingNamed } from '../register/settings/read';
import { SETTINGS, type SettingsEnv } from '../register/settings/spec';
import {
  activityRows,
  calendarRows,
  entitlementRows,
  escalationRows,
  holidayRows,
  slaPolicyRows,
} from '../register/defaults/reference-data';
import { sheetPort } from './sheet-port';
import { NUMBER_FORMATS } from '../register/number-formats';

export const PROTECTION_PREFIX = 'Support Desk computes this column';
const HEADER_BACKGROUND = '#e8eaed';
const OWNED_HEADER_BACKGROUND = '#d2e3fc';

/** Colours of the SLA state column; the rules are recognised by these texts when setup runs again. */
const SLA_COLOURS: readonly [string, string, string][] = [
  ['Breached', '#f4c7c3', '#a50e0e'],
  ['At risk', '#fce8b2', '#7a4f01'],
  ['Met', '#b7e1cd', '#0d652d'],
  ['Paused', '#e8eaed', '#3c4043'],
];

export interface SetupReport {
  createdTabs: string[];
  addedColumns: string[];
  seededRows: number;
  /** Automation-owned columns of existing tabs that had lost their warning (e.g. a register imported from .xlsx, which cannot carry it). */
  reprotectedColumns: number;
}

export const metaOf = (spec: TabSpec, header: string): ColumnMeta | undefined =>
  (spec.columns as Record<string, ColumnMeta | undefined>)[header];

/**
 * Creates whatever the register lacks — tabs, headers, formats, dropdowns, protections,
 * colours — and seeds reference data into tabs that were just created. Idempotent: it
 * never renames, moves or deletes user data or columns, and a second run changes nothing.
 */
/** What setup knows about the place it runs in. */
export interface SetupEnv extends SettingsEnv {
  /** This year: holidays are seeded for it and the next. */
  readonly year: number;
}

export function setupRegister(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, env: SetupEnv): SetupReport {
  const report: SetupReport = { createdTabs: [], addedColumns: [], seededRows: 0, reprotectedColumns: 0 };
  const created = new Set<string>();
  ALL_TABS.forEach((spec, index) => {
    let sheet = ss.getSheetByName(spec.name);
    if (!sheet) {
      sheet = ss.insertSheet(spec.name, Math.min(index, ss.getSheets().length));
      created.add(spec.name);
      report.createdTabs.push(spec.name);
    }
    layoutTab(sheet, spec, report, created.has(spec.name));
  });
  // After every tab exists: a dropdown may refer to a tab laid out after its own.
  ALL_TABS.forEach((spec) => pickLists(ss, spec));
  removeBlankStarterSheet(ss);

  const tz = ss.getSpreadsheetTimeZone() || env.spreadsheetTimeZone;
  const toDate = (iso: string) => new Date(DateTime.fromISO(iso, { zone: tz }).toMillis());
  const seeds: [TabSpec, () => Record<string, unknown>[]][] = [
    [CalendarsTab as unknown as TabSpec, () => calendarRows(tz)],
    [HolidaysTab as unknown as TabSpec, () => holidayRows(env.year, toDate, tz)],
    [SlaPoliciesTab as unknown as TabSpec, slaPolicyRows],
    [ActivitiesTab as unknown as TabSpec, activityRows],
    [EscalationTab as unknown as TabSpec, escalationRows],
    [EntitlementsTab as unknown as TabSpec, entitlementRows],
  ];
  for (const [spec, rows] of seeds) {
    if (!created.has(spec.name)) continue;
    const sheet = ss.getSheetByName(spec.name)!;
    const port = sheetPort(sheet);
    const list = rows();
    appendRows(port, readTable(port, spec), list);
    report.seededRows += list.length;
  }
  report.seededRows += seedSettings(ss.getSheetByName(SettingsTab.name)!, env);
  return report;
}

function layoutTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: TabSpec, report: SetupReport, isNew: boolean): void {
  const expected = headersOf(spec);
  const lastCol = sheet.getLastColumn();
  const found =
    lastCol > 0
      ? sheet
          .getRange(1, 1, 1, lastCol)
          .getValues()[0]!
          .map((h) => String(h).trim())
      : [];
  // An empty tab (or one whose first row is blank) gets the headers from column A.
  const start = found.every((h) => h === '') ? 0 : found.length;
  const header = start === 0 ? [] : found.slice();
  const missing = expected.filter((h) => !header.includes(h));
  if (missing.length) {
    const need = start + missing.length;
    if (sheet.getMaxColumns() < need) sheet.insertColumnsAfter(sheet.getMaxColumns(), need - sheet.getMaxColumns());
    sheet.getRange(1, start + 1, 1, missing.length).setValues([missing.map((h) => `'${h}`)]);
    header.push(...missing);
    if (start > 0) report.addedColumns.push(...missing.map((h) => `${spec.name}!${h}`));
  }

  const width = header.length;
  const headerRange = sheet.getRange(1, 1, 1, width);
  const notes = header.map((h, i) => {
    const note = metaOf(spec, h)?.note ?? '';
    return i === 0 && note ? `${spec.purpose}\n\n${h}: ${note}` : note;
  });
  headerRange.setNotes([notes]);
  headerRange.setFontWeight('bold');
  headerRange.setBackgrounds([header.map((h) => (metaOf(spec, h)?.owner === 'automation' ? OWNED_HEADER_BACKGROUND : HEADER_BACKGROUND))]);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);

  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  if (sheet.getMaxRows() < 2) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  const existing = new Set(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()));
  header.forEach((h, i) => {
    const meta = metaOf(spec, h);
    if (!meta) return; // a user's own column: leave it alone
    const column = sheet.getRange(2, i + 1, rows, 1);
    formatColumn(column, h, meta);
    const px = columnWidth(h, meta);
    if (px !== DEFAULT_COLUMN_WIDTH) sheet.setColumnWidth(i + 1, px);
    const description = `${PROTECTION_PREFIX}: ${spec.name} → ${h}`;
    if (meta.owner === 'automation' && !existing.has(description)) {
      const p = sheet.getRange(1, i + 1, sheet.getMaxRows(), 1).protect();
      p.setDescription(description);
      p.setWarningOnly(true);
      if (!isNew && !missing.includes(h)) report.reprotectedColumns++;
    }
  });

  // A row grown by a wrapped ledger cell reads from the top, its ID beside the first line.
  if (header.some((h) => metaOf(spec, h)?.wrap)) sheet.getRange(2, 1, rows, width).setVerticalAlignment('top');
  if (spec.name === TicketsTab.name) colourSlaStates(sheet, header);
}

/** A column's number format, dropdown and wrapping over `column` (its data rows, or rows just added). */
export function formatColumn(column: GoogleAppsScript.Spreadsheet.Range, h: string, meta: ColumnMeta): void {
  if (meta.format) column.setNumberFormat(NUMBER_FORMATS[meta.format]);
  else if (meta.outside) column.setNumberFormat('@');
  if (meta.levelNames) levelDropdown(column, h, appliedPriorityNames(column.getSheet().getParent(), column.getSheet().getName()));
  else if (meta.vocab) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...meta.vocab], true)
      .setAllowInvalid(false)
      .setHelpText(`${h}: one of ${meta.vocab.join(', ')}.`)
      .build();
    column.setDataValidation(rule);
  }
  if (meta.wrap) column.setWrap(true);
}

/** Dropdowns of another tab's column (Clients → Plan from SLA Policies, Hours → Activity, …). */
export function pickLists(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, spec: TabSpec): void {
  const picks = Object.entries(spec.columns as Record<string, ColumnMeta | undefined>).filter(([, meta]) => meta?.pick);
  if (!picks.length) return;
  const sheet = ss.getSheetByName(spec.name)!;
  const header = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]!
    .map((h) => String(h).trim());
  for (const [h, meta] of picks) {
    const { tab, header: source } = meta!.pick!;
    const col = header.indexOf(h);
    const from = ss.getSheetByName(tab);
    if (col < 0 || !from || from.getLastColumn() === 0) continue;
    // Found by header, like every column: users may have moved the source column.
    const sourceCol = from
      .getRange(1, 1, 1, from.getLastColumn())
      .getValues()[0]!
      .map((x) => String(x).trim())
      .indexOf(source);
    if (sourceCol < 0) continue;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInRange(from.getRange(2, sourceCol + 1, Math.max(from.getMaxRows() - 1, 1), 1), true)
      .setAllowInvalid(true)
      .setHelpText(`${h}: one of the ${source} values of the ${tab} tab.`)
      .build();
    sheet.getRange(2, col + 1, Math.max(sheet.getMaxRows() - 1, 1), 1).setDataValidation(rule);
  }
}

export function colourSlaStates(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: readonly string[]): void {
  const col = header.indexOf('SLA state');
  if (col < 0) return;
  const range = sheet.getRange(2, col + 1, Math.max(sheet.getMaxRows() - 1, 1), 1);
  const ours = new Set(SLA_COLOURS.map(([t]) => t));
  const kept = sheet.getConditionalFormatRules().filter((rule) => {
    const cond = rule.getBooleanCondition();
    const value = cond?.getCriteriaValues()?.[0];
    return !(typeof value === 'string' && ours.has(value));
  });
  const rules = SLA_COLOURS.map(([text, background, font]) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(text).setBackground(background).setFontColor(font).setRanges([range]).build(),
  );
  sheet.setConditionalFormatRules([...kept, ...rules]);
}

/** Adds settings that are missing (new ones arrive with upgrades) and keeps explanations current. */
function seedSettings(sheet: GoogleAppsScript.Spreadsheet.Sheet, env: SetupEnv): number {
  const port = sheetPort(sheet);
  const table = readTable(port, SettingsTab);
  // Rows are matched as the jobs match them (case and spacing aside), so a key typed in
  // lower case is not given a twin.
  const rowOf = new Map(
    table.rows.flatMap((r) => {
      const name = settingNamed(r.data.Key);
      return name ? [[name, r] as const] : [];
    }),
  );
  const specs = Object.entries(SETTINGS) as [keyof typeof SETTINGS, (typeof SETTINGS)[keyof typeof SETTINGS]][];
  const explanations = specs.flatMap(([name, s]) => {
    const row = rowOf.get(name);
    return row ? [{ rowNumber: row.rowNumber, header: 'Explanation', value: s.explanation }] : [];
  });
  applyPlan(port, planWrites(table, explanations));
  const missing = specs.filter(([name]) => !rowOf.has(name)).map(([, s]) => s);
  appendRows(
    port,
    table,
    missing.map((s) => ({ Key: s.key, Value: s.initial(env), Explanation: s.explanation })),
  );
  return missing.length;
}

/** A new spreadsheet starts with an empty "Sheet1"; once the register exists it is only clutter. */
function removeBlankStarterSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const starter = ss.getSheetByName('Sheet1');
  if (starter && starter.getLastRow() === 0 && starter.getLastColumn() === 0 && ss.getSheets().length > 1) ss.deleteSheet(starter);
}
