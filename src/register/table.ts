import type * as z from 'zod/mini';
import { headersOf, type TabSpec } from './tab-spec';
import type { CellBlock, NoteBlock, SheetPort } from './sheet-port';
import { cellValue } from './safe-text';
import { textColumnsOf } from './number-formats';
import { isBlankRow, sameCell } from './cell-equality';
import { levelCell, levelColumns, levelOfCell, namesFor } from './level-names';
import type { PriorityNames } from '../core/tickets/priority-names';

/**
 * A tab read in one batch and mapped by header. Rows are addressed by their key (e.g.
 * Ticket ID), never by a row number remembered from an earlier read: a job re-reads the
 * tab under the lock right before it writes, and writes to wherever the row is *now*.
 */
export interface TableRow<R> {
  /** 1-based sheet row, valid only for the read that produced it. */
  readonly rowNumber: number;
  readonly data: R;
}

export interface RowProblem {
  readonly rowNumber: number;
  readonly message: string;
}

export interface Table<R> {
  readonly spec: TabSpec;
  /** The header row as found (users may have reordered columns or added their own). */
  readonly header: readonly string[];
  /** 0-based index of each known header. */
  readonly columnOf: ReadonlyMap<string, number>;
  /** Headers of the spec that the tab lacks. */
  readonly missing: readonly string[];
  readonly rows: readonly TableRow<R>[];
  readonly problems: readonly RowProblem[];
  /** Every row as read, header included (index 0 = sheet row 1). */
  readonly raw: readonly (readonly unknown[])[];
  /** 0-based columns formatted as plain text (strings are written there without an apostrophe). */
  readonly plainText: ReadonlySet<number>;
  /** Current notes of the spec's note columns, by 0-based column (index 0 = sheet row 1). */
  readonly notes: ReadonlyMap<number, readonly string[]>;
  /** The names the tab's level columns are written in (src/register/level-names.ts). */
  readonly priorityNames: PriorityNames;
  byKey(key: string): TableRow<R> | undefined;
}

export class RegisterError extends Error {}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((i) => {
      const col = String(i.path[0] ?? '');
      return col && !i.message.startsWith(col) ? `${col}: ${i.message}` : i.message;
    })
    .join('; ');
}

type RowOutcome = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly message: string };

/**
 * Each row is checked against its tab's schema; a row whose cells are exactly those of a
 * row checked before (most rows, on every run over a register) gets that outcome again
 * instead of a second schema pass. The schemas are pure functions of the cells, so the
 * answer is the same; each caller gets its own copy of the data, never a shared object.
 */
const ROW_CACHE_MAX = 50_000;
const rowCache = new WeakMap<object, Map<string, RowOutcome>>();

function parseRow(schema: z.ZodMiniObject, headers: readonly string[], record: Record<string, unknown>): RowOutcome {
  const key = cacheKey(headers, record);
  let cache = rowCache.get(schema);
  const known = key === null ? undefined : cache?.get(key);
  if (known) return known.ok ? { ok: true, data: copyOf(known.data) } : known;
  const parsed = schema.safeParse(record);
  const outcome: RowOutcome = parsed.success ? { ok: true, data: parsed.data } : { ok: false, message: describeIssues(parsed.error) };
  if (key !== null) {
    if (!cache) rowCache.set(schema, (cache = new Map()));
    if (cache.size >= ROW_CACHE_MAX) cache.clear();
    cache.set(key, outcome.ok ? { ok: true, data: copyOf(outcome.data) } : outcome);
  }
  return outcome;
}

/** The cells as an unambiguous string (each value typed and length-prefixed), or null for a cell of another kind. */
function cacheKey(headers: readonly string[], record: Record<string, unknown>): string | null {
  let key = '';
  for (const h of headers) {
    const v = record[h];
    if (typeof v === 'string') key += `s${v.length}:${v}`;
    else if (typeof v === 'number') key += `n${v};`;
    else if (typeof v === 'boolean') key += v ? 'T' : 'F';
    else if (v instanceof Date) key += `d${v.getTime()};`;
    else if (v === null || v === undefined) key += 'u';
    else return null;
  }
  return key;
}

/** A copy of parsed row data (a flat record of cells): its dates and lists are the caller's own. */
function copyOf(v: unknown): unknown {
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in src) {
    const x = src[k];
    out[k] = x instanceof Date ? new Date(x.getTime()) : Array.isArray(x) ? x.slice() : x;
  }
  return out;
}

export function readTable<S extends z.ZodMiniObject>(port: SheetPort, spec: TabSpec<S>): Table<z.output<S>> {
  const raw = port.readAll();
  const header = (raw[0] ?? []).map((h) => String(h).trim());
  if (header.every((h) => h === '')) {
    throw new RegisterError(`The ${spec.name} tab has no header row. Run Support Desk → Set up register.`);
  }
  const columnOf = new Map<string, number>();
  header.forEach((h, i) => {
    if (h !== '' && !columnOf.has(h)) columnOf.set(h, i);
  });
  const expected = headersOf(spec);
  const missing = expected.filter((h) => !columnOf.has(h));

  const named = levelColumns(spec);
  const priorityNames = namesFor(port, named);
  const rows: TableRow<z.output<S>>[] = [];
  const problems: RowProblem[] = [];
  const keyed = new Map<string, TableRow<z.output<S>>>();
  rowLoop: for (let r = 1; r < raw.length; r++) {
    const cells = raw[r]!;
    if (isBlankRow(cells)) continue;
    const record: Record<string, unknown> = {};
    for (const h of expected) {
      const c = columnOf.get(h);
      record[h] = c === undefined ? '' : (cells[c] ?? '');
    }
    for (const h of named) {
      const level = levelOfCell(priorityNames, h, record[h]);
      if (!level.ok) {
        problems.push({ rowNumber: r + 1, message: level.message });
        continue rowLoop;
      }
      record[h] = level.value;
    }
    const parsed = parseRow(spec.schema, expected, record);
    if (!parsed.ok) {
      problems.push({ rowNumber: r + 1, message: parsed.message });
      continue;
    }
    const row = { rowNumber: r + 1, data: parsed.data as z.output<S> };
    if (spec.key) {
      const k = String((parsed.data as Record<string, unknown>)[spec.key]);
      const first = keyed.get(k);
      if (first) {
        problems.push({
          rowNumber: r + 1,
          message: `${spec.key} ${k} is used again (first at row ${first.rowNumber}); this row is ignored`,
        });
        continue;
      }
      keyed.set(k, row);
    }
    rows.push(row);
  }
  const formats = port.plainTextColumns?.() ?? [];
  const plainText = new Set<number>();
  formats.forEach((plain, i) => plain && plainText.add(i));
  return {
    spec,
    header,
    columnOf,
    missing,
    rows,
    problems,
    raw,
    plainText,
    notes: readNoteColumns(port, spec, columnOf),
    priorityNames,
    byKey: (k) => keyed.get(k),
  };
}

/** One read covering every column whose notes the automation writes (see ColumnMeta.notes). */
function readNoteColumns(port: SheetPort, spec: TabSpec, columnOf: ReadonlyMap<string, number>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!port.readNotes) return out;
  const cols = Object.entries(spec.columns as Record<string, { notes?: boolean } | undefined>)
    .filter(([, meta]) => meta?.notes)
    .map(([h]) => columnOf.get(h))
    .filter((c): c is number => c !== undefined);
  if (cols.length === 0) return out;
  const from = Math.min(...cols);
  const to = Math.max(...cols);
  const grid = port.readNotes(from + 1, to + 1);
  for (const c of cols)
    out.set(
      c,
      grid.map((line) => String(line[c - from] ?? '')),
    );
  return out;
}

export interface CellWrite {
  readonly rowNumber: number;
  readonly header: string;
  readonly value: unknown;
  /** Optional note to set on the cell ('' clears it). */
  readonly note?: string;
}

export interface WritePlan {
  readonly blocks: CellBlock[];
  readonly notes: NoteBlock[];
}

const isOwned = (spec: TabSpec, header: string) =>
  (spec.columns as Record<string, { owner?: string } | undefined>)[header]?.owner === 'automation';

/**
 * Turns cell writes into as few rectangular range writes as possible. Only cells whose
 * value differs from the table's current content are written. Changed cells in adjacent
 * automation-owned columns are written together as one block, filling the unchanged cells
 * in between with what the table holds now; people-owned columns are written only when
 * `allowUserColumns` names them, and are never used as filler.
 */
export function planWrites<R>(table: Table<R>, writes: readonly CellWrite[], allowUserColumns: readonly string[] = []): WritePlan {
  const changed = new Map<number, Map<number, unknown>>(); // col -> row -> value
  const noteCells = new Map<number, Map<number, string>>();
  for (const w of writes) {
    const col = table.columnOf.get(w.header);
    if (col === undefined) {
      throw new RegisterError(`The ${table.spec.name} tab has no "${w.header}" column. Run Support Desk → Set up register to restore it.`);
    }
    if (!isOwned(table.spec, w.header) && !allowUserColumns.includes(w.header)) {
      throw new RegisterError(`"${w.header}" in ${table.spec.name} belongs to people; the automation does not write it.`);
    }
    const current = table.raw[w.rowNumber - 1]?.[col];
    const value = levelCell(table, w.header, w.value);
    if (!sameCell(current, value)) {
      if (!changed.has(col)) changed.set(col, new Map());
      changed.get(col)!.set(w.rowNumber, value);
    }
    if (w.note !== undefined) {
      if (!noteCells.has(col)) noteCells.set(col, new Map());
      noteCells.get(col)!.set(w.rowNumber, w.note);
    }
  }

  const fillable = (col: number) => {
    const h = table.header[col];
    return h !== undefined && (isOwned(table.spec, h) || changed.has(col));
  };
  const cols = [...changed.keys()].sort((a, b) => a - b);
  const blocks: CellBlock[] = [];
  let i = 0;
  while (i < cols.length) {
    let j = i;
    // Extend the run while every column up to the next changed one may be rewritten.
    while (j + 1 < cols.length) {
      let ok = true;
      for (let c = cols[j]! + 1; c < cols[j + 1]!; c++) if (!fillable(c)) ok = false;
      if (!ok) break;
      j++;
    }
    const first = cols[i]!;
    const last = cols[j]!;
    let top = Infinity;
    let bottom = -Infinity;
    for (let k = i; k <= j; k++) {
      for (const r of changed.get(cols[k]!)!.keys()) {
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
      }
    }
    const values: unknown[][] = [];
    for (let r = top; r <= bottom; r++) {
      const line: unknown[] = [];
      for (let c = first; c <= last; c++) {
        const m = changed.get(c);
        line.push(cellValue(m?.has(r) ? m.get(r) : (table.raw[r - 1]?.[c] ?? ''), table.plainText.has(c)));
      }
      values.push(line);
    }
    blocks.push({ row: top, column: first + 1, values });
    i = j + 1;
  }

  return { blocks, notes: planNotes(table, noteCells) };
}

/**
 * Note writes. Where the table holds a column's current notes, changed notes in adjacent
 * such columns go out as one block spanning their rows, unchanged cells filled with what
 * is there now; elsewhere notes cannot be read back cheaply and go out as runs of
 * consecutive rows.
 */
function planNotes<R>(table: Table<R>, noteCells: Map<number, Map<number, string>>): NoteBlock[] {
  const notes: NoteBlock[] = [];
  const known = [...noteCells.keys()].filter((c) => table.notes.has(c)).sort((a, b) => a - b);
  const changed = (c: number) => [...noteCells.get(c)!].filter(([r, n]) => (table.notes.get(c)![r - 1] ?? '') !== n);
  let i = 0;
  while (i < known.length) {
    let j = i;
    while (j + 1 < known.length && known[j + 1] === known[j]! + 1) j++;
    const first = known[i]!;
    const last = known[j]!;
    const rows = known.slice(i, j + 1).flatMap((c) => changed(c).map(([r]) => r));
    if (rows.length > 0) {
      const top = Math.min(...rows);
      const bottom = Math.max(...rows);
      const grid: string[][] = [];
      for (let r = top; r <= bottom; r++) {
        const line: string[] = [];
        for (let c = first; c <= last; c++) line.push(noteCells.get(c)?.get(r) ?? table.notes.get(c)?.[r - 1] ?? '');
        grid.push(line);
      }
      notes.push({ row: top, column: first + 1, notes: grid });
    }
    i = j + 1;
  }
  for (const [col, byRow] of [...noteCells].sort((a, b) => a[0] - b[0])) {
    if (table.notes.has(col)) continue;
    const rowsSorted = [...byRow.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let k = 1; k <= rowsSorted.length; k++) {
      if (k === rowsSorted.length || rowsSorted[k]! !== rowsSorted[k - 1]! + 1) {
        const run = rowsSorted.slice(start, k);
        notes.push({ row: run[0]!, column: col + 1, notes: run.map((r) => [byRow.get(r)!]) });
        start = k;
      }
    }
  }
  return notes;
}

/** Applies a plan: one call per block. */
export function applyPlan(port: SheetPort, plan: WritePlan): void {
  if (plan.blocks.length) port.writeBlocks(plan.blocks);
  if (plan.notes.length) port.writeNotes(plan.notes);
}

/** Writes for rows addressed by key; keys no longer in the tab are returned, not guessed. */
export function writesByKey<R>(
  table: Table<R>,
  updates: readonly { key: string; values: Readonly<Record<string, unknown>>; notes?: Readonly<Record<string, string>> }[],
): { writes: CellWrite[]; notFound: string[] } {
  const writes: CellWrite[] = [];
  const notFound: string[] = [];
  for (const u of updates) {
    const row = table.byKey(u.key);
    if (!row) {
      notFound.push(u.key);
      continue;
    }
    for (const [header, value] of Object.entries(u.values)) {
      const note = u.notes?.[header];
      writes.push(note === undefined ? { rowNumber: row.rowNumber, header, value } : { rowNumber: row.rowNumber, header, value, note });
    }
    for (const [header, note] of Object.entries(u.notes ?? {})) {
      if (!(header in u.values)) {
        const col = table.columnOf.get(header);
        writes.push({ rowNumber: row.rowNumber, header, value: col === undefined ? '' : table.raw[row.rowNumber - 1]?.[col], note });
      }
    }
  }
  return { writes, notFound };
}

/** Lays out new rows by the tab's current header (extra user columns left blank) and appends them in one call. */
export function appendRows<R>(port: SheetPort, table: Table<R>, records: readonly Readonly<Record<string, unknown>>[]): number {
  if (records.length === 0) return 0;
  const width = table.header.length;
  // The append formats these as plain text itself, so their text goes in without an apostrophe.
  const text = textColumnsOf(table.spec, table.header);
  const plain = new Set([...text, ...table.plainText]);
  const lines = records.map((rec) => {
    const line: unknown[] = new Array(width).fill('');
    for (const [h, v] of Object.entries(rec)) {
      const c = table.columnOf.get(h);
      if (c === undefined)
        throw new RegisterError(`The ${table.spec.name} tab has no "${h}" column. Run Support Desk → Set up register to restore it.`);
      line[c] = cellValue(levelCell(table, h, v), plain.has(c));
    }
    return line;
  });
  return port.append(lines, text);
}

/**
 * Writes each invalid row's reason into its Problems cell and clears the reason of rows
 * that are valid again. Returns the plan so callers can merge it with their own writes.
 */
export function problemWrites<R>(table: Table<R>): CellWrite[] {
  const col = table.columnOf.get('Problems');
  if (col === undefined) return [];
  const writes: CellWrite[] = [];
  const flagged = new Set<number>();
  for (const p of table.problems) {
    flagged.add(p.rowNumber);
    writes.push({ rowNumber: p.rowNumber, header: 'Problems', value: p.message });
  }
  for (let r = 1; r < table.raw.length; r++) {
    const v = table.raw[r]![col];
    if (v !== '' && v !== undefined && !flagged.has(r + 1)) writes.push({ rowNumber: r + 1, header: 'Problems', value: '' });
  }
  return writes;
}
