import type { ServiceContext } from '../context';
import type { ConditionalFormatRule } from './conditional-format';
import type { DataValidation } from './data-validation';
import type { Protection } from './protection';
import type { Range } from './range';
import type { Sheet } from './sheet';
import type { SheetModel } from './sheet-model';
import type { ConditionalRuleSpec, GridRef, ProtectionSpec, ValidationSpec } from './specs';
import type { Spreadsheet } from './spreadsheet';
import type { WorkbookModel } from './workbook-model';

/** What every SpreadsheetApp object is built with; the factories break import cycles. */
export interface Env {
  readonly ctx: ServiceContext;
  readonly workbook: WorkbookModel;
  /** Meters one call: `name` without the 'SpreadsheetApp.' prefix ('Range.getValues'). */
  call(name: string, options?: { cells?: number; cheap?: boolean }): void;
  spreadsheet(): Spreadsheet;
  sheet(model: SheetModel): Sheet;
  /** Bounds-checked: throws Apps Script's errors for coordinates off the sheet. */
  range(model: SheetModel, row: number, column: number, numRows?: number, numColumns?: number): Range;
  rangeOf(ref: GridRef): Range | null;
  protection(spec: ProtectionSpec): Protection;
  validation(spec: ValidationSpec): DataValidation;
  conditionalRule(spec: ConditionalRuleSpec): ConditionalFormatRule;
}
