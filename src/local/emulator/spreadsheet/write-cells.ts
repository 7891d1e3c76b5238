import { cellA1 } from './a1';
import type { Env } from './env';
import { MAX_CELL_CHARS, MSG } from './messages';
import { DATE_TIME_FORMAT, DEFAULT_FORMAT, isDateFormat, isTextFormat } from './number-format';
import { parseTyped } from './parse-input';
import { isDate } from '../realm';
import type { CellValue, SheetModel } from './sheet-model';
import { passesValidation } from './validation-check';

/** One cell's new content, computed before anything is written so a failing batch writes nothing. */
export interface PreparedCell {
  value: CellValue;
  formula?: string;
  format?: string;
}

/** Turns what a script passes to setValue(s)/appendRow into cell content, parsing strings as typed input. */
export function prepareCell(env: Env, sheet: SheetModel, row: number, column: number, input: unknown): PreparedCell {
  if (input === null || input === undefined) return { value: '' };
  const current = sheet.format(row, column);
  if (isDate(input)) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) return { value: '' };
    return { value: new Date(ms), format: isDateFormat(current) ? undefined : DATE_TIME_FORMAT };
  }
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  const text = typeof input === 'string' ? input : String(input);
  if (text.length > MAX_CELL_CHARS) env.ctx.fail(MSG.cellTooLong);
  const parsed = parseTyped(text, env.workbook.timeZone, isTextFormat(current));
  const out: PreparedCell = { value: parsed.value };
  if (parsed.formula !== undefined) out.formula = parsed.formula;
  if (parsed.format !== undefined) {
    const keep = current !== undefined && current !== DEFAULT_FORMAT && isDateFormat(current) === isDateFormat(parsed.format);
    if (!keep) out.format = parsed.format;
  }
  return out;
}

/** Apps Script refuses a script write that a rejecting validation rule would refuse from a user. */
export function checkValidation(env: Env, sheet: SheetModel, row: number, column: number, cell: PreparedCell): void {
  const spec = sheet.validation(row, column);
  if (!spec || spec.allowInvalid || cell.formula !== undefined) return;
  if (!passesValidation(spec, cell.value, env.workbook)) env.ctx.fail(MSG.invalidData(cellA1(row, column)));
}

export function applyCell(sheet: SheetModel, row: number, column: number, cell: PreparedCell): void {
  sheet.setValue(row, column, cell.value);
  sheet.setFormula(row, column, cell.formula);
  if (cell.format !== undefined) sheet.setFormat(row, column, cell.format);
}
