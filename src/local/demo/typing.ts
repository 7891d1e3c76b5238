import type { Emulator } from '../emulator';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function app(em: Emulator): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return em.realm.context.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

export function sheetOf(em: Emulator, tab: string): Sheet {
  const sheet = app(em).getActiveSpreadsheet().getSheetByName(tab);
  if (!sheet) throw new Error(`the register has no ${tab} tab`);
  return sheet;
}

function headerOf(sheet: Sheet): string[] {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
}

/**
 * Types rows into a tab the way a person does: by header, as text or numbers, through the
 * emulated SpreadsheetApp (so Sheets' parsing of typed input applies), below the last row.
 */
export function typeRows(em: Emulator, tab: string, records: readonly Record<string, string | number | boolean | Date>[]): void {
  if (records.length === 0) return;
  const sheet = sheetOf(em, tab);
  const header = headerOf(sheet);
  const lines = records.map((rec) => {
    const line: unknown[] = new Array(header.length).fill('');
    for (const [k, v] of Object.entries(rec)) {
      const c = header.indexOf(k);
      if (c < 0) throw new Error(`${tab} has no "${k}" column`);
      line[c] = v instanceof Date ? em.realm.date(v.getTime()) : v;
    }
    return line;
  });
  const first = sheet.getLastRow() + 1;
  if (first + lines.length - 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), first + lines.length - 1 - sheet.getMaxRows());
  sheet.getRange(first, 1, lines.length, header.length).setValues(em.realm.toRealm(lines));
}

/** Sets one setting's Value (Settings is keyed by its Key column). */
export function setSetting(em: Emulator, key: string, value: string | number): void {
  const sheet = sheetOf(em, 'Settings');
  const keys = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const row = keys.indexOf(key);
  if (row < 0) throw new Error(`no setting "${key}"`);
  sheet.getRange(row + 1, 2).setValue(value);
}

/** Fills blank cells of a column for rows matching a predicate on another column. */
export function editCells(
  em: Emulator,
  tab: string,
  match: { column: string; equals: string },
  set: Record<string, string | number>,
): number {
  const sheet = sheetOf(em, tab);
  const header = headerOf(sheet);
  const values = sheet.getDataRange().getValues();
  const mc = header.indexOf(match.column);
  let n = 0;
  for (let r = 1; r < values.length; r++) {
    if (String(values[r]![mc]) !== match.equals) continue;
    for (const [k, v] of Object.entries(set)) sheet.getRange(r + 1, header.indexOf(k) + 1).setValue(v);
    n++;
  }
  return n;
}
