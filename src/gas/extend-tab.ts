import { ALL_TABS, TicketsTab } from '../register/tabs';
import { colourSlaStates, formatColumn, metaOf, pickLists, PROTECTION_PREFIX } from './setup';

/**
 * Rows are added in blocks this size when a tab is full, so the extension below (a few calls
 * per column) runs once per block, not once per run.
 */
export const GROW_ROWS = 200;

/**
 * What setup gave a tab's rows, given to rows just added at the bottom (`fromRow`…the last
 * row): rows inserted there inherit no format, dropdown, protection or colour rule (Google
 * documents inheriting only for the Sheets API's InsertDimension, from the rows after,
 * and there are none). So the number formats and dropdowns are set on the new rows, the
 * automation's column protections are stretched to the new last row, and the pick lists and
 * SLA colours are set again over the whole column.
 */
export function extendTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, fromRow: number): void {
  const spec = ALL_TABS.find((t) => t.name === sheet.getName());
  const last = sheet.getMaxRows();
  if (!spec || fromRow > last || sheet.getLastColumn() === 0) return;
  const header = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]!
    .map((h) => String(h).trim());
  header.forEach((h, i) => {
    const meta = metaOf(spec, h);
    if (meta) formatColumn(sheet.getRange(fromRow, i + 1, last - fromRow + 1, 1), h, meta);
  });
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const description = p.getDescription();
    if (!description.startsWith(`${PROTECTION_PREFIX}: ${spec.name} → `)) continue;
    const range = p.getRange();
    if (range.getLastRow() >= last) continue;
    p.setRange(sheet.getRange(1, range.getColumn(), last, 1));
  }
  pickLists(sheet.getParent(), spec);
  if (spec.name === TicketsTab.name) colourSlaStates(sheet, header);
}
