import type { PriorityNames } from '../core/tickets/priority-names';

/**
 * What the register needs from one tab. The Apps Script adapter (src/gas/sheet-port.ts)
 * implements it with one service call per method, so the number of calls a job makes is
 * visible right here: a read is one call, each block written is one call.
 */
export interface SheetPort {
  readonly name: string;
  /** Every value of the used range, header row included, in one read. */
  readAll(): unknown[][];
  /**
   * Which columns are formatted as plain text (one read of the first data row's formats).
   * Sheets stores a string written to a plain-text cell verbatim — a leading apostrophe
   * included — so the writer must not add one there. Optional: without it every column is
   * treated as automatic and strings are apostrophe-prefixed.
   */
  plainTextColumns?(): boolean[];
  /**
   * Notes of columns `fromColumn`…`toColumn` (1-based, inclusive) for every row of the used
   * range, header row included, in one read. Optional: without it note writes go out as
   * runs of consecutive rows.
   */
  readNotes?(fromColumn: number, toColumn: number): string[][];
  /**
   * The priority names the tab's level cells are written in (kept in document properties
   * by the rename, src/gas/priority-names.ts). Optional: without it the standard names.
   */
  priorityNames?(): PriorityNames;
  /** Writes rectangular blocks (1-based row/column); one call per block. */
  writeBlocks(blocks: readonly CellBlock[]): void;
  /** Writes notes for rectangular blocks; one call per block. */
  writeNotes(blocks: readonly NoteBlock[]): void;
  /**
   * Appends rows after the last row with content, in one call; returns the first new row
   * number. `textColumns` (0-based) are set to plain text on the new rows before the values
   * go in (one call per run of adjacent columns): rows past a tab's formatted area, or
   * rows a person cleared, inherit no format, and a subject `=HYPERLINK(…)` must stay text.
   */
  append(rows: readonly (readonly unknown[])[], textColumns?: readonly number[]): number;
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
