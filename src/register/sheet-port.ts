/**
 * What the register needs from one tab. The Apps Script adapter (src/gas/sheet-port.ts)
 * implements it with one service call per method, so the number of calls a job makes is
 * visible right here: a read is one call, each block written is one call.
 */
export interface SheetPort {
  readonly name: string;
  /** Every value of the used range, header row included, in one read. */
  readAll(): unknown[][];
  /** Writes rectangular blocks (1-based row/column); one call per block. */
  writeBlocks(blocks: readonly CellBlock[]): void;
  /** Writes notes for rectangular blocks; one call per block. */
  writeNotes(blocks: readonly NoteBlock[]): void;
  /** Appends rows after the last row with content, in one call; returns the first new row number. */
  append(rows: readonly (readonly unknown[])[]): number;
}

export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly unknown[])[];
}

export interface NoteBlock {
  readonly row: number;
  readonly column: number;
  readonly notes: readonly (readonly string[])[];
}
