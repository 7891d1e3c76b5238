import type { ColumnFormat, ColumnMeta, TabSpec } from './tab-spec';

/** The Sheets number format of each column format the tab specs use (setup and appends agree). */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: '@',
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
  time: 'hh:mm',
  // Whole numbers (tiers, counts, percents typed as 75): '0.##' would show 1 as "1." in Sheets.
  number: '0',
  hours: '0.00',
  money: '$#,##0.00',
  percent: '0%',
};

/**
 * The 0-based columns of `header` that hold plain text (outside text, or a text format):
 * an append sets their format itself, since rows past a tab's formatted area inherit none.
 */
export function textColumnsOf(spec: TabSpec, header: readonly string[]): number[] {
  const out: number[] = [];
  header.forEach((h, i) => {
    const meta = (spec.columns as Record<string, ColumnMeta | undefined>)[h];
    if (meta && (meta.format === 'text' || (!meta.format && meta.outside))) out.push(i);
  });
  return out;
}
