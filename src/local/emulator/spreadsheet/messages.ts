/** Apps Script's own error texts, so product code that matches on them behaves as in production. */
export const MSG = {
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColumnsTooSmall: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  lastSheet: "You can't remove all the sheets in a document.",
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  signature: (method: string) => `The parameters don't match the method signature for ${method}.`,
  invalidData: (a1: string) => `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  uiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  invalidTimeZone: (zone: string) => `Invalid argument: ${zone}`,
  noSuchSheet: 'The sheet you specified does not exist.',
  sortColumnOutside: 'The sort column is outside the range.',
} as const;

/** Sheets' per-cell limit on text. */
export const MAX_CELL_CHARS = 50_000;
