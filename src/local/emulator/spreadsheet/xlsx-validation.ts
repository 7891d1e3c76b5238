import type ExcelJS from 'exceljs';
import { parseA1, qualifiedA1, rangeA1 } from './a1';
import type { CriteriaType, ValidationSpec } from './specs';
import type { WorkbookModel } from './workbook-model';

/**
 * Data validation rules ↔ the xlsx model. Sheets' dropdowns are Excel list validations;
 * "reject input" is Excel's stop-style error alert, "show a warning" a warning alert.
 */

const NUMBER_OPERATORS: Partial<Record<CriteriaType, ExcelJS.DataValidationOperator>> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};
const DATE_OPERATORS: Partial<Record<CriteriaType, ExcelJS.DataValidationOperator>> = {
  DATE_BETWEEN: 'between',
  DATE_NOT_BETWEEN: 'notBetween',
  DATE_EQUAL_TO: 'equal',
  DATE_AFTER: 'greaterThan',
  DATE_ON_OR_AFTER: 'greaterThanOrEqual',
  DATE_BEFORE: 'lessThan',
  DATE_ON_OR_BEFORE: 'lessThanOrEqual',
};

function invert<K extends string, V extends string>(map: Partial<Record<K, V>>): Partial<Record<V, K>> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Partial<Record<V, K>>;
}

function quoteList(values: string[]): string {
  return `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
}

/** Null when the rule has no xlsx counterpart (it is then not saved). */
export function validationToXlsx(spec: ValidationSpec, workbook: WorkbookModel, toWall: (d: Date) => Date): ExcelJS.DataValidation | null {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: spec.allowInvalid ? 'warning' : 'stop',
    ...(spec.helpText ? { showInputMessage: true, prompt: spec.helpText } : {}),
  };
  const [a, b] = spec.values;
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      return { ...base, type: 'list', formulae: [quoteList((a as string[]) ?? [])] };
    case 'CHECKBOX':
      return { ...base, type: 'list', formulae: [quoteList(spec.values.length ? spec.values.map(String) : ['TRUE', 'FALSE'])] };
    case 'VALUE_IN_RANGE': {
      const ref = spec.range;
      const sheet = ref && workbook.sheetById(ref.sheetId);
      if (!ref || !sheet) return null;
      const a1 = rangeA1(ref.row, ref.column, ref.numRows, ref.numColumns).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      return { ...base, type: 'list', formulae: [qualifiedA1(sheet.name, a1)] };
    }
    case 'CUSTOM_FORMULA':
      return { ...base, type: 'custom', formulae: [String(a).replace(/^=/, '')] };
    default: {
      const numberOp = NUMBER_OPERATORS[spec.criteria];
      if (numberOp) return { ...base, type: 'decimal', operator: numberOp, formulae: b === undefined ? [a] : [a, b] };
      const dateOp = DATE_OPERATORS[spec.criteria];
      if (dateOp)
        return { ...base, type: 'date', operator: dateOp, formulae: (b === undefined ? [a] : [a, b]).map((d) => toWall(d as Date)) };
      return null;
    }
  }
}

function unquoteList(formula: string): string[] {
  const body = formula.slice(1, -1).replace(/""/g, '"');
  return body === '' ? [] : body.split(',');
}

/** Reads a rule; `dates` turns exceljs' date operands (UTC wall fields) into instants. */
export function validationFromXlsx(dv: ExcelJS.DataValidation, workbook: WorkbookModel, dates: (d: Date) => Date): ValidationSpec | null {
  const common = {
    allowInvalid: dv.showErrorMessage !== true || (dv.errorStyle !== undefined && dv.errorStyle !== 'stop'),
    helpText: dv.prompt ?? null,
  };
  const formulae = dv.formulae ?? [];
  const first = formulae[0];
  if (dv.type === 'list' && typeof first === 'string') {
    if (first.startsWith('"')) {
      const list = unquoteList(first);
      if (list.length === 2 && list[0]!.toUpperCase() === 'TRUE' && list[1]!.toUpperCase() === 'FALSE')
        return { criteria: 'CHECKBOX', values: [], ...common };
      return { criteria: 'VALUE_IN_LIST', values: [list, true], ...common };
    }
    const ref = parseA1(first.replace(/\$/g, ''));
    const sheet = ref?.sheetName === undefined ? undefined : workbook.sheet(ref.sheetName);
    if (!ref || !sheet || ref.startRow === undefined || ref.startColumn === undefined) return null;
    const endRow = ref.endRow ?? sheet.maxRows;
    const endColumn = ref.endColumn ?? sheet.maxColumns;
    return {
      criteria: 'VALUE_IN_RANGE',
      values: [true],
      range: {
        sheetId: sheet.id,
        row: ref.startRow,
        column: ref.startColumn,
        numRows: endRow - ref.startRow + 1,
        numColumns: endColumn - ref.startColumn + 1,
      },
      ...common,
    };
  }
  if (dv.type === 'custom' && typeof first === 'string') return { criteria: 'CUSTOM_FORMULA', values: [`=${first}`], ...common };
  const operator = dv.operator ?? 'between';
  if (dv.type === 'decimal' || dv.type === 'whole') {
    const criteria = invert(NUMBER_OPERATORS)[operator];
    return criteria ? { criteria, values: formulae.map(Number), ...common } : null;
  }
  if (dv.type === 'date') {
    const criteria = invert(DATE_OPERATORS)[operator];
    return criteria ? { criteria, values: formulae.map((f) => (f instanceof Date ? dates(f) : f)), ...common } : null;
  }
  return null;
}
