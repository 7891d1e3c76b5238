/** The emulated SpreadsheetApp and the workbook model behind it. */
export { createSpreadsheetApp, SpreadsheetApp } from './app';
export { WorkbookModel, DEFAULT_TIME_ZONE, type WorkbookOptions } from './workbook-model';
export { SheetModel, DEFAULT_ROWS, DEFAULT_COLUMNS, type CellValue, type RowData } from './sheet-model';
export {
  UiRecorder,
  type MenuRecord,
  type MenuEntry,
  type ToastRecord,
  type AlertRecord,
  type PromptRecord,
  type DialogRecord,
  type ButtonName,
} from './ui-recorder';
export type { GridRef, ValidationSpec, ConditionalRuleSpec, ProtectionSpec, StyleRecord, CellFormat, CriteriaType } from './specs';
export { DEFAULT_FORMAT, TEXT_FORMAT, DATE_TIME_FORMAT } from './number-format';
export { MSG as SPREADSHEET_MESSAGES } from './messages';
