import type { ServiceContext } from '../context';
import { ConditionalFormatRule, ConditionalFormatRuleBuilder, BooleanCriteria } from './conditional-format';
import { DataValidation, DataValidationBuilder, DataValidationCriteria } from './data-validation';
import type { Env } from './env';
import { MSG } from './messages';
import { Protection, ProtectionType } from './protection';
import { Range } from './range';
import { Sheet } from './sheet';
import type { SheetModel } from './sheet-model';
import { Spreadsheet } from './spreadsheet';
import { getUi, type Ui } from './ui';
import type { WorkbookModel } from './workbook-model';

export const WrapStrategy = Object.freeze({ WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' });
export const BorderStyle = Object.freeze({
  DOTTED: 'DOTTED',
  DASHED: 'DASHED',
  SOLID: 'SOLID',
  SOLID_MEDIUM: 'SOLID_MEDIUM',
  SOLID_THICK: 'SOLID_THICK',
  DOUBLE: 'DOUBLE',
});
export const Dimension = Object.freeze({ COLUMNS: 'COLUMNS', ROWS: 'ROWS' });

function createEnv(ctx: ServiceContext, workbook: WorkbookModel): Env {
  const sheets = new WeakMap<SheetModel, Sheet>();
  let spreadsheet: Spreadsheet | undefined;
  const env: Env = {
    ctx,
    workbook,
    call: (name, options) => ctx.meter.call(`SpreadsheetApp.${name}`, options),
    spreadsheet: () => {
      workbook.ensureSheet();
      return (spreadsheet ??= new Spreadsheet(env));
    },
    sheet: (model) => {
      let sheet = sheets.get(model);
      if (!sheet) sheets.set(model, (sheet = new Sheet(env, model)));
      return sheet;
    },
    range: (model, row, column, numRows = 1, numColumns = 1) => {
      if (row < 1) ctx.fail(MSG.rowTooSmall);
      if (column < 1) ctx.fail(MSG.columnTooSmall);
      if (numRows < 1) ctx.fail(MSG.numRowsTooSmall);
      if (numColumns < 1) ctx.fail(MSG.numColumnsTooSmall);
      const [r, c, nr, nc] = [row, column, numRows, numColumns].map(Math.floor) as [number, number, number, number];
      if (r + nr - 1 > model.maxRows || c + nc - 1 > model.maxColumns) ctx.fail(MSG.outsideSheet);
      return new Range(env, model, r, c, nr, nc);
    },
    rangeOf: (ref) => {
      const model = workbook.sheetById(ref.sheetId);
      if (!model || ref.row + ref.numRows - 1 > model.maxRows || ref.column + ref.numColumns - 1 > model.maxColumns) return null;
      return new Range(env, model, ref.row, ref.column, ref.numRows, ref.numColumns);
    },
    protection: (spec) => new Protection(env, spec),
    validation: (spec) => new DataValidation(env, spec),
    conditionalRule: (spec) => new ConditionalFormatRule(env, spec),
  };
  return env;
}

/** The SpreadsheetApp global: a script bound to `workbook`. */
export class SpreadsheetApp {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = WrapStrategy;
  readonly BorderStyle = BorderStyle;
  readonly Dimension = Dimension;
  private readonly env: Env;

  constructor(ctx: ServiceContext, workbook: WorkbookModel) {
    this.env = createEnv(ctx, workbook);
  }

  /** Null where the execution has no document (an add-on's time-driven trigger): open it by id there. */
  getActiveSpreadsheet(): Spreadsheet | null {
    this.env.call('getActiveSpreadsheet', { cheap: true });
    return this.env.ctx.inDocument() ? this.env.spreadsheet() : null;
  }
  getActive(): Spreadsheet | null {
    this.env.call('getActive', { cheap: true });
    return this.env.ctx.inDocument() ? this.env.spreadsheet() : null;
  }
  getActiveSheet(): Sheet {
    this.env.call('getActiveSheet', { cheap: true });
    this.env.workbook.ensureSheet();
    const model = this.env.workbook.activeSheet();
    if (!model) return this.env.ctx.fail(MSG.noSuchSheet);
    return this.env.sheet(model);
  }
  getActiveRange(): Range | null {
    this.env.call('getActiveRange', { cheap: true });
    return this.env.spreadsheet().getActiveRange();
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this.env.call('setActiveSheet');
    return this.env.spreadsheet().setActiveSheet(sheet);
  }
  openById(id: string): Spreadsheet {
    this.env.call('openById');
    if (id !== this.env.workbook.id)
      this.env.ctx.fail('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return this.env.spreadsheet();
  }
  /** Writes are applied at once in the emulator; flush only costs its (real) time. */
  flush(): void {
    this.env.call('flush');
  }
  getUi(): Ui {
    this.env.call('getUi', { cheap: true });
    return getUi(this.env);
  }
  newDataValidation(): DataValidationBuilder {
    this.env.call('newDataValidation', { cheap: true });
    return new DataValidationBuilder(this.env);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    this.env.call('newConditionalFormatRule', { cheap: true });
    return new ConditionalFormatRuleBuilder(this.env);
  }
  toString(): string {
    return 'SpreadsheetApp';
  }
}

export function createSpreadsheetApp(ctx: ServiceContext, workbook: WorkbookModel): SpreadsheetApp {
  return new SpreadsheetApp(ctx, workbook);
}
