import { isDate } from '../realm';
import type { CellValue } from './sheet-model';
import type { ValidationSpec } from './specs';
import type { WorkbookModel } from './workbook-model';

function listOf(spec: ValidationSpec, workbook: WorkbookModel): string[] {
  if (spec.criteria === 'VALUE_IN_LIST') return ((spec.values[0] as unknown[]) ?? []).map(String);
  const ref = spec.range;
  const sheet = ref && workbook.sheetById(ref.sheetId);
  if (!ref || !sheet) return [];
  const out: string[] = [];
  for (let r = ref.row; r < ref.row + ref.numRows; r++)
    for (let c = ref.column; c < ref.column + ref.numColumns; c++) {
      const v = sheet.value(r, c);
      if (v !== '') out.push(String(v));
    }
  return out;
}

function num(v: unknown): number {
  return isDate(v) ? v.getTime() : Number(v);
}

/** Whether a rule accepts a value; blanks always pass, as in Sheets. */
export function passesValidation(spec: ValidationSpec, value: CellValue, workbook: WorkbookModel): boolean {
  if (value === '') return true;
  const [a, b] = spec.values;
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
    case 'VALUE_IN_RANGE':
      return listOf(spec, workbook).includes(
        typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(isDate(value) ? value.getTime() : value),
      );
    case 'CHECKBOX':
      if (spec.values.length === 0) return typeof value === 'boolean';
      return spec.values.some((allowed) => String(allowed) === String(value));
    case 'NUMBER_BETWEEN':
      return typeof value === 'number' && value >= num(a) && value <= num(b);
    case 'NUMBER_NOT_BETWEEN':
      return typeof value === 'number' && (value < num(a) || value > num(b));
    case 'NUMBER_EQUAL_TO':
      return typeof value === 'number' && value === num(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return typeof value === 'number' && value !== num(a);
    case 'NUMBER_GREATER_THAN':
      return typeof value === 'number' && value > num(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value >= num(a);
    case 'NUMBER_LESS_THAN':
      return typeof value === 'number' && value < num(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value <= num(a);
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    case 'DATE_AFTER':
      return isDate(value) && value.getTime() > num(a);
    case 'DATE_BEFORE':
      return isDate(value) && value.getTime() < num(a);
    case 'DATE_ON_OR_AFTER':
      return isDate(value) && value.getTime() >= num(a);
    case 'DATE_ON_OR_BEFORE':
      return isDate(value) && value.getTime() <= num(a);
    case 'DATE_BETWEEN':
      return isDate(value) && value.getTime() >= num(a) && value.getTime() <= num(b);
    case 'DATE_NOT_BETWEEN':
      return isDate(value) && (value.getTime() < num(a) || value.getTime() > num(b));
    case 'DATE_EQUAL_TO':
      return isDate(value) && value.getTime() === num(a);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && /^(https?|ftp):\/\/\S+$/i.test(value);
    case 'TEXT_CONTAINS':
      return String(value).includes(String(a));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !String(value).includes(String(a));
    case 'TEXT_EQUAL_TO':
      return String(value) === String(a);
    default:
      // Custom formulas need a formula engine; accept rather than guess.
      return true;
  }
}
