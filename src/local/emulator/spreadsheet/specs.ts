/** Plain host-side data for the sheet features that are more than a cell value. */

/** A rectangle on one sheet (1-based). Held by id so renaming the sheet keeps it. */
export interface GridRef {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export type CriteriaType =
  | 'VALUE_IN_LIST'
  | 'VALUE_IN_RANGE'
  | 'CHECKBOX'
  | 'NUMBER_BETWEEN'
  | 'NUMBER_NOT_BETWEEN'
  | 'NUMBER_EQUAL_TO'
  | 'NUMBER_NOT_EQUAL_TO'
  | 'NUMBER_GREATER_THAN'
  | 'NUMBER_GREATER_THAN_OR_EQUAL_TO'
  | 'NUMBER_LESS_THAN'
  | 'NUMBER_LESS_THAN_OR_EQUAL_TO'
  | 'DATE_IS_VALID_DATE'
  | 'DATE_AFTER'
  | 'DATE_BEFORE'
  | 'DATE_BETWEEN'
  | 'DATE_NOT_BETWEEN'
  | 'DATE_EQUAL_TO'
  | 'DATE_ON_OR_AFTER'
  | 'DATE_ON_OR_BEFORE'
  | 'TEXT_IS_VALID_EMAIL'
  | 'TEXT_IS_VALID_URL'
  | 'TEXT_CONTAINS'
  | 'TEXT_DOES_NOT_CONTAIN'
  | 'TEXT_EQUAL_TO'
  | 'CUSTOM_FORMULA';

/**
 * A data validation rule. `values` follow getCriteriaValues(): for VALUE_IN_LIST
 * [string[], showDropdown]; VALUE_IN_RANGE keeps its range in `range` and the dropdown
 * flag in values[0]; numbers and dates (host Dates) as given to the builder.
 */
export interface ValidationSpec {
  criteria: CriteriaType;
  values: unknown[];
  range?: GridRef;
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellFormat {
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
}

export interface ConditionalRuleSpec {
  ranges: GridRef[];
  condition: { type: string; values: unknown[] } | null;
  format: CellFormat;
}

export interface ProtectionSpec {
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** Only for RANGE protections. */
  range?: GridRef;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: GridRef[];
}

/** A new protection as Apps Script makes it: not warning-only, its creator the only editor. */
export function newProtection(type: ProtectionSpec['type'], sheetId: number, creator: string, range?: GridRef): ProtectionSpec {
  return {
    type,
    sheetId,
    ...(range ? { range } : {}),
    description: '',
    warningOnly: false,
    editors: [creator],
    domainEdit: false,
    unprotected: [],
  };
}

/** One recorded cosmetic call (setBackground, setFontWeight, setWrap…), kept for tests. */
export interface StyleRecord {
  ref: GridRef;
  property: string;
  value: unknown;
}
