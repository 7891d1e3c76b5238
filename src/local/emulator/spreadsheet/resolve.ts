import { parseA1 } from './a1';
import type { Env } from './env';
import { MSG } from './messages';
import type { Range } from './range';
import type { SheetModel } from './sheet-model';

/** Resolves A1 text on `sheet` (or the sheet it names); open ends run to the sheet's edge. */
export function resolveA1(env: Env, sheet: SheetModel, a1: unknown): Range {
  if (typeof a1 !== 'string') return env.ctx.fail(MSG.signature('SpreadsheetApp.Sheet.getRange'));
  const ref = parseA1(a1);
  if (!ref) return env.ctx.fail(MSG.rangeNotFound);
  const target = ref.sheetName === undefined ? sheet : findSheet(env, ref.sheetName);
  if (!target) return env.ctx.fail(MSG.rangeNotFound);
  const row = ref.startRow ?? 1;
  const column = ref.startColumn ?? 1;
  const endRow = ref.endRow ?? target.maxRows;
  const endColumn = ref.endColumn ?? target.maxColumns;
  const [r0, r1] = row <= endRow ? [row, endRow] : [endRow, row];
  const [c0, c1] = column <= endColumn ? [column, endColumn] : [endColumn, column];
  return env.range(target, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
}

/** Sheet names are unique regardless of case in Sheets, and looked up that way. */
export function findSheet(env: Env, name: string): SheetModel | undefined {
  const exact = env.workbook.sheet(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return env.workbook.sheets.find((s) => s.name.toLowerCase() === lower);
}
