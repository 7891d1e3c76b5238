/**
 * What the billing job needs beyond src/jobs/ports.ts and the mail port: the generated
 * Billing YYYY-MM tabs. src/gas/jobs/generated-tabs.ts builds them over the spreadsheet.
 */
export type Alignment = 'left' | 'right';

/** A generated tab that is rewritten whole: one read, a few writes. */
export interface GeneratedSheet {
  readAll(): unknown[][];
  /**
   * Replaces the content with `values` (blanking whatever was below or beside it) and applies
   * formats; `widths` (pixels, column 1 first) sizes the columns so nothing reads cut off;
   * `alignments` ('left' / 'right' per cell) puts each header over its column's numbers.
   */
  replaceAll(
    values: readonly (readonly unknown[])[],
    formats: readonly (readonly string[])[],
    boldRows: readonly number[],
    widths?: readonly number[],
    alignments?: readonly (readonly Alignment[])[],
  ): void;
  /**
   * Puts the product's edit warning on the whole tab with `description` (a Final month), or
   * takes it off (null: the month was reopened).
   */
  protectAs(description: string | null): void;
}

export interface GeneratedTabs {
  /** Names of every tab, in one call. */
  names(): string[];
  /** The tab, or null when it does not exist. */
  get(name: string): GeneratedSheet | null;
  /** The tab, created at the end when missing. */
  ensure(name: string): GeneratedSheet;
}
