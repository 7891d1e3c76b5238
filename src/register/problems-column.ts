import { planWrites, applyPlan, type CellWrite, type Table } from './table';
import type { SheetPort } from './sheet-port';

/**
 * Brings a tab's Problems column in line with `messages` (row number → reason; schema
 * problems of the read are included). Writes only changed cells (the port is looked up only then); returns the rows whose
 * reason is new, so the Log hears about a problem once rather than every run. `only`
 * limits it to those rows (a job that read the tab for another purpose leaves the rest).
 */
export function syncProblems<R>(
  port: () => SheetPort | null,
  table: Table<R>,
  extra: ReadonlyMap<number, string>,
  only?: ReadonlySet<number>,
): { rowNumber: number; message: string }[] {
  const col = table.columnOf.get('Problems');
  if (col === undefined) return [];
  const wanted = new Map<number, string>();
  for (const p of table.problems) wanted.set(p.rowNumber, p.message);
  for (const [r, m] of extra) wanted.set(r, wanted.has(r) ? `${wanted.get(r)}; ${m}` : m);
  const writes: CellWrite[] = [];
  const fresh: { rowNumber: number; message: string }[] = [];
  for (let r = 2; r <= table.raw.length; r++) {
    if (only && !only.has(r)) continue;
    const current = String(table.raw[r - 1]?.[col] ?? '');
    const want = wanted.get(r) ?? '';
    if (current !== want) {
      writes.push({ rowNumber: r, header: 'Problems', value: want });
      if (want !== '') fresh.push({ rowNumber: r, message: want });
    }
  }
  const target = writes.length ? port() : null;
  if (target) applyPlan(target, planWrites(table, writes));
  return fresh;
}
