import type { PriorityNames } from '../core/tickets/priority-names';
import { namesProvider } from './priority-names';
import type { CellBlock, NoteBlock, SheetPort } from '../register/sheet-port';
import { extendTab, GROW_ROWS } from './extend-tab';

/** The register's SheetPort over a real Sheet: one service call per read, block or append. */
export function sheetPort(sheet: GoogleAppsScript.Spreadsheet.Sheet, names?: (tab: string) => PriorityNames): SheetPort {
  let own: ((tab: string) => PriorityNames) | undefined;
  const name = sheet.getName();
  return {
    name,
    // Asked only when a tab with level cells is read; a workbook port shares one provider among its tabs.
    priorityNames: () => (names ?? (own ??= namesProvider(sheet.getParent())))(name),
    readAll() {
      return sheet.getDataRange().getValues();
    },
    readNotes(fromColumn, toColumn) {
      const rows = sheet.getLastRow();
      if (rows === 0) return [];
      return sheet.getRange(1, fromColumn, rows, toColumn - fromColumn + 1).getNotes();
    },
    plainTextColumns() {
      const width = sheet.getLastColumn();
      if (width === 0 || sheet.getMaxRows() < 2) return [];
      return sheet
        .getRange(2, 1, 1, width)
        .getNumberFormats()[0]!
        .map((f) => f === '@');
    },
    writeBlocks(blocks: readonly CellBlock[]) {
      for (const b of blocks) {
        const width = b.values[0]?.length ?? 0;
        if (width === 0) continue;
        sheet.getRange(b.row, b.column, b.values.length, width).setValues(b.values as unknown[][]);
      }
    },
    writeNotes(blocks: readonly NoteBlock[]) {
      for (const b of blocks) {
        const width = b.notes[0]?.length ?? 0;
        if (width === 0) continue;
        sheet.getRange(b.row, b.column, b.notes.length, width).setNotes(b.notes as string[][]);
      }
    },
    append(rows, textColumns = []) {
      if (rows.length === 0) return 0;
      const width = rows[0]!.length;
      const first = sheet.getLastRow() + 1;
      const max = sheet.getMaxRows();
      if (first + rows.length - 1 > max) {
        sheet.insertRowsAfter(max, Math.max(first + rows.length - 1 - max, GROW_ROWS));
        extendTab(sheet, max + 1);
      }
      // Plain text first, values second: Sheets parses a value as it lands, by the cell's format then.
      for (const [from, count] of runsOf(textColumns)) {
        const formats = rows.map(() => new Array<string>(count).fill('@'));
        sheet.getRange(first, from + 1, rows.length, count).setNumberFormats(formats);
      }
      sheet.getRange(first, 1, rows.length, width).setValues(rows as unknown[][]);
      return first;
    },
  };
}

/** Adjacent 0-based columns grouped: [3, 4, 5, 9] → [[3, 3], [9, 1]] (start, count). */
function runsOf(columns: readonly number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs.at(-1);
    if (last && last[0] + last[1] === c) last[1]++;
    else runs.push([c, 1]);
  }
  return runs;
}
