import type * as z from 'zod/mini';

/** How a column is formatted and guarded when `setup` lays out the tab. */
export type ColumnFormat = 'text' | 'datetime' | 'date' | 'number' | 'hours' | 'money' | 'percent' | 'time';

export interface ColumnMeta {
  /** One line shown as the header's note: what the column means and who fills it in. */
  readonly note: string;
  /** Columns the automation computes; people may read them but their edits are put back. */
  readonly owner?: 'automation';
  readonly format?: ColumnFormat;
  /** A dropdown of these values. */
  readonly vocab?: readonly string[];
  /**
   * The cells name a priority level in the team's words (Settings → Priority names): the
   * table reads them into levels and writes levels back as names (src/register/level-names.ts);
   * the dropdown lists the team's names instead of `vocab`.
   */
  readonly levelNames?: true;
  /**
   * A dropdown of the values in another tab's column (its IDs or names). Warning only:
   * the jobs already report an unknown value in Problems, and a strict rule would refuse
   * rows pasted before the referenced row exists.
   */
  readonly pick?: { readonly tab: string; readonly header: string };
  /** Text that comes from outside (mail subjects, names, addresses): always written as plain text. */
  readonly outside?: boolean;
  readonly width?: number;
  /** Cells hold several lines (ledgers, records): wrapped, so they neither overprint their neighbours nor print cut. */
  readonly wrap?: boolean;
  /**
   * The automation writes explanations as cell notes here (e.g. how a due time was
   * counted). Reading the tab then also reads these columns' notes, in one call, so note
   * writes can be batched like values.
   */
  readonly notes?: boolean;
}

/** Sheets' default column width, in pixels. */
export const DEFAULT_COLUMN_WIDTH = 100;

/**
 * A column wide enough for its bold header (Arial 10 averages under 7.5 px a character)
 * plus room for the filter button and the note marker, so no header is cut on screen or
 * on paper: `Last customer message at` no longer shows as `Last customer messag`.
 */
export function columnWidth(header: string, meta: Pick<ColumnMeta, 'width'> | undefined): number {
  const fit = Math.ceil(header.length * 7.5) + 24;
  return Math.max(meta?.width ?? DEFAULT_COLUMN_WIDTH, fit);
}

/**
 * A tab of the register. The zod schema is the single truth about a row's shape: its keys
 * are the headers, in the order `setup` writes them. Columns are found by header when
 * reading, so users may reorder columns and add their own.
 */
export interface TabSpec<S extends z.ZodMiniObject = z.ZodMiniObject> {
  readonly name: string;
  readonly schema: S;
  /** Header of the column that identifies a row (rows are found by it, never by position). */
  readonly key?: keyof z.output<S> & string;
  readonly columns: { readonly [K in keyof z.output<S> & string]?: ColumnMeta };
  /** Whether the tab has a Problems column the automation fills with validation errors. */
  readonly problems?: boolean;
  /** What the tab is for, shown as the note on A1. */
  readonly purpose: string;
  /**
   * The headers each job cannot run without (job name → headers). A job checks them
   * before it touches anything (src/register/required-columns.ts): a deleted or renamed
   * column stops the job, rather than letting the schema default the value silently.
   */
  readonly needs?: { readonly [job: string]: readonly (keyof z.output<S> & string)[] };
}

export type RowOf<T extends TabSpec> = z.output<T['schema']>;

export function headersOf(spec: TabSpec): string[] {
  return Object.keys(spec.schema.shape);
}

export function defineTab<S extends z.ZodMiniObject>(spec: TabSpec<S>): TabSpec<S> {
  return spec;
}
