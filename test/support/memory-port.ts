import type { CellBlock, NoteBlock, SheetPort } from '../../src/register/sheet-port';

/**
 * A SheetPort over a plain array, for testing the register's I/O logic without the
 * emulator. Writes are applied as Sheets would store an apostrophe-prefixed string (the
 * apostrophe is dropped); every call is recorded.
 */
export class MemoryPort implements SheetPort {
  readonly calls: string[] = [];
  readonly notes = new Map<string, string>();
  constructor(
    public rows: unknown[][],
    readonly name = 'Test',
  ) {}

  private store(v: unknown): unknown {
    return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
  }

  readAll(): unknown[][] {
    this.calls.push('readAll');
    const width = Math.max(0, ...this.rows.map((r) => r.length));
    return this.rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
  }

  writeBlocks(blocks: readonly CellBlock[]): void {
    for (const b of blocks) {
      this.calls.push(`write ${b.row},${b.column} ${b.values.length}x${b.values[0]?.length ?? 0}`);
      b.values.forEach((line, i) => {
        const row = (this.rows[b.row - 1 + i] ??= []);
        line.forEach((v, j) => (row[b.column - 1 + j] = this.store(v)));
      });
    }
  }

  /** Only when a test opts in, like a port over a real sheet. */
  readNotes?: (fromColumn: number, toColumn: number) => string[][];

  enableNoteReads(): this {
    this.readNotes = (from, to) => {
      this.calls.push(`readNotes ${from}-${to}`);
      return this.rows.map((_, r) => Array.from({ length: to - from + 1 }, (_, k) => this.notes.get(`${r + 1},${from + k}`) ?? ''));
    };
    return this;
  }

  writeNotes(blocks: readonly NoteBlock[]): void {
    for (const b of blocks) {
      this.calls.push(`notes ${b.row},${b.column} ${b.notes.length}x${b.notes[0]?.length ?? 0}`);
      b.notes.forEach((line, i) => line.forEach((n, j) => this.notes.set(`${b.row + i},${b.column + j}`, n)));
    }
  }

  append(rows: readonly (readonly unknown[])[]): number {
    this.calls.push(`append ${rows.length}`);
    const first = this.rows.length + 1;
    for (const r of rows) this.rows.push(r.map((v) => this.store(v)));
    return first;
  }
}
