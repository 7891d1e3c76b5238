import { isDate } from '../realm';
import type { CellValue, RowData, SheetModel } from './sheet-model';

export interface SortKey {
  column: number;
  ascending: boolean;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: false });

function rank(v: CellValue): number {
  if (typeof v === 'number' || isDate(v)) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

/** Sheets' order: numbers and dates, then text (case-insensitive), then booleans; blanks last either way. */
export function compareCells(a: CellValue, b: CellValue, ascending: boolean): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  let c = rank(a) - rank(b);
  if (c === 0) {
    if (typeof a === 'string') c = collator.compare(a, b as string);
    else c = Number(isDate(a) ? a.getTime() : a) - Number(isDate(b) ? (b as Date).getTime() : b);
  }
  return ascending ? c : -c;
}

type Slice = Pick<RowData, 'v' | 'f' | 'fmt' | 'note' | 'dv'>;
const KEYS = ['v', 'f', 'fmt', 'note', 'dv'] as const;

/** Reorders the rows of a rectangle by keys (absolute column numbers); a stable sort, like Sheets. */
export function sortRows(sheet: SheetModel, row: number, column: number, numRows: number, numColumns: number, keys: SortKey[]): void {
  const slices: Slice[] = [];
  for (let r = row; r < row + numRows; r++) {
    const data = sheet.row(r);
    const slice: Slice = { v: [] };
    for (const key of KEYS) {
      const arr = data?.[key] as unknown[] | undefined;
      if (arr) (slice as Record<string, unknown[]>)[key] = arr.slice(column - 1, column - 1 + numColumns);
    }
    slices.push(slice);
  }
  const order = slices.map((s, i) => ({ s, i }));
  order.sort((x, y) => {
    for (const k of keys) {
      const c = compareCells(x.s.v[k.column - column] ?? '', y.s.v[k.column - column] ?? '', k.ascending);
      if (c !== 0) return c;
    }
    return x.i - y.i;
  });
  order.forEach(({ s }, i) => {
    const r = row + i;
    for (let j = 0; j < numColumns; j++) {
      const c = column + j;
      sheet.setValue(r, c, s.v[j] ?? '');
      sheet.setFormula(r, c, s.f?.[j]);
      sheet.setFormat(r, c, s.fmt?.[j]);
      sheet.setNote(r, c, s.note?.[j] ?? '');
      sheet.setValidation(r, c, s.dv?.[j]);
    }
  });
}
