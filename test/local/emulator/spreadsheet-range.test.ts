import { Clock } from '../../../src/local/emulator/clock';
import type { ServiceContext } from '../../../src/local/emulator/context';
import { Meter } from '../../../src/local/emulator/meter';
import { createRealm } from '../../../src/local/emulator/realm';
import { createSpreadsheetApp, WorkbookModel } from '../../../src/local/emulator/spreadsheet';

function setup(timeZone = 'America/Denver') {
  const clock = new Clock(Date.UTC(2026, 10, 2, 15));
  const meter = new Meter();
  const realm = createRealm(() => clock.now());
  const ctx: ServiceContext = {
    clock,
    meter,
    realm,
    inDocument: () => true,
    user: 'support@acme.test',
    fail(m) {
      throw realm.error(m);
    },
  };
  const workbook = new WorkbookModel({ name: 'Desk', timeZone });
  workbook.addSheet('Tickets');
  const app = createSpreadsheetApp(ctx, workbook);
  const sheet = app.getActiveSpreadsheet()!.getSheetByName('Tickets')!;
  return { clock, meter, realm, ctx, workbook, app, sheet };
}

describe('Range values', () => {
  it('reads blanks as empty strings, numbers, booleans and dates', () => {
    const { sheet, workbook } = setup();
    workbook.writeRaw('Tickets', [
      ['T-1', 3, true, new Date(Date.UTC(2026, 10, 30, 7))],
      ['', '', '', ''],
    ]);
    const values = sheet.getRange(1, 1, 3, 5).getValues();
    expect(values[0]!.slice(0, 3)).toEqual(['T-1', 3, true]);
    expect((values[0]![3] as Date).getTime()).toBe(Date.UTC(2026, 10, 30, 7));
    expect(values[0]![4]).toBe('');
    expect(values[2]).toEqual(['', '', '', '', '']);
  });

  it('gives "" beyond the last data row but inside max rows', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x');
    expect(sheet.getLastRow()).toBe(1);
    expect(sheet.getRange(500, 1, 2, 2).getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('throws Apps Script errors for coordinates off the sheet', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange('nonsense!!')).toThrow('Range not found');
  });

  it('setValues refuses data of the wrong size with the real messages', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.');
    expect(sheet.getLastRow()).toBe(0);
  });

  it('refuses more than 50,000 characters in a cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(() => sheet.getRange('A2').setValue('x'.repeat(50_001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(() => sheet.getRange('A2:A3').setValues([['ok'], ['y'.repeat(50_001)]])).toThrow('maximum of 50000 characters');
    expect(sheet.getRange('A2').getValue()).toBe('');
  });

  it('returns errors from the sandbox realm', () => {
    const { sheet, realm } = setup();
    try {
      sheet.getRange(0, 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(realm.Error);
    }
  });
});

describe('typed-input parsing', () => {
  const cases: Array<[string, unknown]> = [
    ['00123', 123],
    ['1e5', 100000],
    ['12.50', 12.5],
    ['-5', -5],
    ['TRUE', true],
    ['false', false],
    ['50%', 0.5],
    ['1,234', 1234],
    ['$12.50', 12.5],
    ['hello', 'hello'],
    ['2026-02-30', '2026-02-30'],
    ['08:00-17:00', '08:00-17:00'],
    ['-', '-'],
  ];
  it.each(cases)('%s is stored as %o', (input, expected) => {
    const { sheet } = setup();
    sheet.getRange('B2').setValue(input);
    expect(sheet.getRange('B2').getValue()).toEqual(expected);
  });

  it('a date-only string is local midnight in the spreadsheet zone', () => {
    const { sheet } = setup('America/Denver');
    sheet.getRange('A1').setValues([['2026-11-30']]);
    const v = sheet.getRange('A1').getValue() as Date;
    expect(v.getTime()).toBe(Date.UTC(2026, 10, 30, 7)); // MST = UTC-7
    expect(sheet.getRange('A1').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-11-30');
  });

  it('a date-time string in summer uses the DST offset', () => {
    const { sheet } = setup('America/Denver');
    sheet.getRange('A1').setValue('2026-07-01 14:05');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(Date.UTC(2026, 6, 1, 20, 5)); // MDT = UTC-6
  });

  it('the zone matters: the same text is another instant in another zone', () => {
    const tokyo = setup('Asia/Tokyo');
    tokyo.sheet.getRange('A1').setValue('2026-11-30');
    expect((tokyo.sheet.getRange('A1').getValue() as Date).getTime()).toBe(Date.UTC(2026, 10, 29, 15));
  });

  it('= makes a formula; getFormulas returns it and getValues its value', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['=1+2', '=SUM(B2:B9)', '="a"&"b"']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=1+2', '=SUM(B2:B9)', '="a"&"b"']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[3, '', 'ab']]);
    expect(sheet.getLastRow()).toBe(1);
  });

  it('+ and - strings that are not numbers become formulas, mostly broken ones', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['+1 (555) 123', '- call back', '-abc']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#ERROR!', '#ERROR!', '#NAME?']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=+1 (555) 123');
  });

  it('a leading apostrophe stores the rest verbatim', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([["'00123", "'=SUM(A1)", "'+1 (555) 123", "'2026-11-30"]]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['00123', '=SUM(A1)', '+1 (555) 123', '2026-11-30']]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([['', '', '', '']]);
  });

  it('plain-text format (@) makes later string writes literal', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A4').setNumberFormat('@');
    sheet.getRange('A1:A4').setValues([['00123'], ['=1+2'], ['2026-11-30'], ['TRUE']]);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['00123'], ['=1+2'], ['2026-11-30'], ['TRUE']]);
    expect(sheet.getRange('A1:A4').getFormulas()).toEqual([[''], [''], [''], ['']]);
    // Without the format the same text is parsed.
    sheet.getRange('B1').setValue('00123');
    expect(sheet.getRange('B1').getValue()).toBe(123);
  });

  it('non-string values are stored as they are', () => {
    const { sheet, realm } = setup();
    const when = realm.date(Date.UTC(2026, 0, 5, 12));
    sheet.getRange('A1:D1').setValues([[42, false, when, null]]);
    const [row] = sheet.getRange('A1:D1').getValues();
    expect(row!.slice(0, 2)).toEqual([42, false]);
    expect((row![2] as Date).getTime()).toBe(when.getTime());
    expect(row![3]).toBe('');
    expect(sheet.getRange('C1').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });

  it('setValue on a multi-cell range fills every cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('Open');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['Open', 'Open'],
      ['Open', 'Open'],
    ]);
  });
});

describe('display values', () => {
  it('formats numbers, percents, booleans and dates simply', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([[1.5, '50%', true, '2026-11-30 14:05', 1234.5]]);
    sheet.getRange('E1').setNumberFormat('#,##0.00');
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['1.5', '50%', 'TRUE', '2026-11-30 14:05', '1,234.50']]);
  });
});

describe('rows, extents and appendRow', () => {
  it('appendRow writes after the last row with content and grows the sheet', () => {
    const { sheet, workbook } = setup();
    sheet.getRange(5, 2).setValue('x');
    sheet.appendRow(['a', '00123', '=1+1']);
    expect(sheet.getLastRow()).toBe(6);
    expect(workbook.sheetValues('Tickets')[5]).toEqual(['a', 123, 2]);
    const small = workbook.addSheet('Small', { rows: 2, columns: 2 });
    const s = sheet.getParent().getSheetByName('Small')!;
    s.appendRow([1]);
    s.appendRow([2]);
    s.appendRow([3, 4, 5]);
    expect(small.maxRows).toBe(3);
    expect(small.maxColumns).toBe(3);
    expect(workbook.sheetValues('Small')).toEqual([
      [1, '', ''],
      [2, '', ''],
      [3, 4, 5],
    ]);
  });

  it('getLastRow/getLastColumn count values and formulas, not notes or formats', () => {
    const { sheet } = setup();
    sheet.getRange('C10').setNote('a note');
    sheet.getRange('D20').setNumberFormat('@');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('B3').setFormula('=A1');
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(2);
    const data = sheet.getDataRange();
    expect(data.getA1Notation()).toBe('A1:B3');
  });

  it('getDataRange on an empty sheet is A1', () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  it('insert and delete rows and columns move content', () => {
    const { sheet, workbook } = setup();
    sheet.getRange('A1:B3').setValues([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(workbook.sheetValues('Tickets')).toEqual([
      [1, 'a'],
      ['', ''],
      ['', ''],
      [2, 'b'],
      [3, 'c'],
    ]);
    sheet.deleteRows(2, 2);
    sheet.insertColumnsAfter(1, 1);
    expect(workbook.sheetValues('Tickets')).toEqual([
      [1, '', 'a'],
      [2, '', 'b'],
      [3, '', 'c'],
    ]);
    sheet.deleteRow(1);
    expect(workbook.sheetValues('Tickets')).toEqual([
      [2, '', 'b'],
      [3, '', 'c'],
    ]);
    expect(sheet.getMaxRows()).toBe(999);
    expect(sheet.getMaxColumns()).toBe(27);
  });

  it('cannot delete every non-frozen row', () => {
    const { workbook, sheet } = setup();
    workbook.addSheet('Tiny', { rows: 3, columns: 3 });
    const tiny = sheet.getParent().getSheetByName('Tiny')!;
    tiny.setFrozenRows(1);
    expect(() => tiny.deleteRows(2, 2)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });
});

describe('A1 notation', () => {
  it('parses cells, ranges, open ranges and sheet-qualified references', () => {
    const { sheet, app } = setup();
    expect(sheet.getRange('B2:C5').getA1Notation()).toBe('B2:C5');
    expect(sheet.getRange('$B$2').getA1Notation()).toBe('B2');
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('A2:C').getLastRow()).toBe(1000);
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    expect(sheet.getRange('Z1:Z1').getColumn()).toBe(26);
    expect(() => sheet.getRange('AA1')).toThrow('outside the dimensions');
    expect(app.getActiveSpreadsheet()!.getRange("'Tickets'!C3").getA1Notation()).toBe('C3');
  });
});

describe('sorting', () => {
  it('reorders rows, carrying notes and formulas, blanks last', () => {
    const { sheet, workbook } = setup();
    sheet.getRange('A1:B5').setValues([
      ['ID', 'Priority'],
      ['T-3', 'Low'],
      ['T-1', ''],
      ['T-2', 'high'],
      ['T-4', 'Critical'],
    ]);
    sheet.getRange('A2').setNote('third');
    sheet.getRange('A2:B5').sort({ column: 2, ascending: true });
    expect(workbook.sheetValues('Tickets')).toEqual([
      ['ID', 'Priority'],
      ['T-4', 'Critical'],
      ['T-2', 'high'],
      ['T-3', 'Low'],
      ['T-1', ''],
    ]);
    expect(sheet.getRange('A4').getNote()).toBe('third');
    sheet.getRange('A2:B5').sort([{ column: 1, ascending: false }]);
    expect(workbook.sheetValues('Tickets').map((r) => r[0])).toEqual(['ID', 'T-4', 'T-3', 'T-2', 'T-1']);
  });

  it('Sheet.sort keeps frozen rows in place and sorts numbers before text', () => {
    const { sheet, workbook } = setup();
    sheet.getRange('A1:A5').setValues([['Hours'], ['x'], [3], [1], [true]]);
    sheet.setFrozenRows(1);
    sheet.sort(1);
    expect(workbook.sheetValues('Tickets').map((r) => r[0])).toEqual(['Hours', 1, 3, 'x', true]);
    sheet.sort(1, false);
    expect(workbook.sheetValues('Tickets').map((r) => r[0])).toEqual(['Hours', true, 'x', 3, 1]);
  });

  it('refuses a sort column outside the range', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B3').sort(3)).toThrow('The sort column is outside the range.');
  });
});

describe('metering', () => {
  it('a 10,000 × 20 tab is one getValues call, and cheap to read', () => {
    const { sheet, meter, workbook } = setup();
    const model = workbook.requireSheet('Tickets');
    model.maxRows = 10_000;
    model.maxColumns = 20;
    const row = Array.from({ length: 20 }, (_, i) => (i % 2 ? `text ${i}` : i));
    const rows = Array.from({ length: 10_000 }, () => row);
    workbook.writeRaw('Tickets', rows);
    meter.startRun();
    const started = performance.now();
    const values = sheet.getDataRange().getValues();
    const elapsed = performance.now() - started;
    expect(values.length).toBe(10_000);
    expect(values[9_999]!.length).toBe(20);
    expect(meter.count('SpreadsheetApp.Range.getValues')).toBe(1);
    expect(meter.countPrefix('SpreadsheetApp.Range.')).toBe(1);
    expect(elapsed).toBeLessThan(1000);
  });

  it('a 10,000 × 25 write is one setValues call', () => {
    const { sheet, meter, workbook } = setup();
    workbook.requireSheet('Tickets').maxRows = 10_000;
    const data = Array.from({ length: 10_000 }, (_, r) => Array.from({ length: 25 }, (_, c) => `r${r}c${c}`));
    meter.startRun();
    sheet.getRange(1, 1, 10_000, 25).setValues(data);
    expect(meter.count('SpreadsheetApp.Range.setValues')).toBe(1);
    expect(sheet.getLastRow()).toBe(10_000);
    expect(sheet.getLastColumn()).toBe(25);
  });

  it('counts every public method by service, class and name', () => {
    const { app, meter } = setup();
    meter.startRun();
    const ss = app.getActiveSpreadsheet()!;
    const sheet = ss.getSheetByName('Tickets')!;
    sheet.getLastRow();
    sheet.getRange('A1').getA1Notation();
    expect(meter.snapshot().counts).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.Sheet.getLastRow': 1,
      'SpreadsheetApp.Sheet.getRange': 1,
      'SpreadsheetApp.Range.getA1Notation': 1,
    });
  });
});
