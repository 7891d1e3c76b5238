import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../../src/local/emulator/clock';
import type { ServiceContext } from '../../../src/local/emulator/context';
import { Meter } from '../../../src/local/emulator/meter';
import { createRealm } from '../../../src/local/emulator/realm';
import { createSpreadsheetApp, WorkbookModel, type SheetModel } from '../../../src/local/emulator/spreadsheet';
import { loadXlsx, saveXlsx } from '../../../src/local/emulator/spreadsheet/xlsx';
import { DEFAULT_TIME_ZONE } from '../../../src/local/emulator/spreadsheet/workbook-model';
import { REGISTER_DEFAULT_ZONE, registerTimeZone } from '../../../src/local/register-xlsx';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-test-'));

function appFor(workbook: WorkbookModel) {
  const clock = new Clock(Date.UTC(2026, 10, 2, 15));
  const realm = createRealm(() => clock.now());
  const ctx: ServiceContext = {
    clock,
    meter: new Meter(),
    realm,
    inDocument: () => true,
    user: 'support@acme.test',
    fail(m) {
      throw realm.error(m);
    },
  };
  return createSpreadsheetApp(ctx, workbook);
}

/** Everything the round trip must keep, cell by cell. */
function snapshot(sheet: SheetModel) {
  const cells: Record<string, unknown> = {};
  sheet.rows.forEach((row, i) => {
    if (!row) return;
    const width = Math.max(row.v.length, row.f?.length ?? 0, row.fmt?.length ?? 0, row.note?.length ?? 0, row.dv?.length ?? 0);
    for (let c = 1; c <= width; c++) {
      const r = i + 1;
      const v = sheet.value(r, c);
      const entry = {
        value: v instanceof Date ? `date:${v.toISOString()}` : v,
        formula: sheet.formula(r, c),
        format: sheet.format(r, c),
        note: sheet.note(r, c),
        validation: sheet.validation(r, c),
      };
      if (entry.value === '' && !entry.formula && !entry.format && !entry.note && !entry.validation) continue;
      cells[`${r},${c}`] = entry;
    }
  });
  return { name: sheet.name, frozenRows: sheet.frozenRows, cells, widths: [...sheet.columnWidths] };
}

function sampleWorkbook(): WorkbookModel {
  const workbook = new WorkbookModel({ name: 'Register', timeZone: 'America/Denver' });
  workbook.addSheet('Tickets');
  workbook.addSheet('Settings');
  const app = appFor(workbook);
  const ss = app.getActiveSpreadsheet()!;
  const tickets = ss.getSheetByName('Tickets')!;
  tickets.getRange('A1:F1').setValues([['Ticket ID', 'Received at', 'Due', 'Hours', 'Phone', 'Priority']]);
  tickets.getRange('E2:E3').setNumberFormat('@');
  tickets.getRange('A2:F3').setValues([
    ['T-1', '2026-11-30', '2026-07-01 14:05', 1.5, '00123', 'High'],
    ['T-2', '2026-03-08 03:30', '2026-11-01 01:30', true, '+1 (555) 010', 'Low'],
  ]);
  tickets.getRange('G2').setValue('=D2*2');
  // Formats of blank rows (setup formats whole columns): what lands there later keeps them.
  tickets.getRange('B4:C6').setNumberFormat('yyyy-mm-dd hh:mm');
  tickets.getRange('A2').setNote('Opened by mail');
  tickets
    .getRange('F2:F10')
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInList(['Critical', 'High', 'Medium', 'Low'], true)
        .setAllowInvalid(false)
        .setHelpText('Priority')
        .build(),
    );
  tickets.getRange('H2:H10').setDataValidation(app.newDataValidation().requireValueInList(['Yes', 'No']).build());
  tickets.setFrozenRows(1);
  tickets.setColumnWidth(1, 140);
  const settings = ss.getSheetByName('Settings')!;
  settings.getRange('A1:B2').setValues([
    ['Key', 'Value'],
    ['Provider time zone', 'Europe/Paris'],
  ]);
  return workbook;
}

describe('xlsx round trip', () => {
  it('keeps values, dates (DST and date-only), formulas, formats, notes, validations and frozen rows', async () => {
    const original = sampleWorkbook();
    const file = join(dir, 'roundtrip.xlsx');
    await saveXlsx(original, file);
    const loaded = await loadXlsx(file, { timeZone: 'America/Denver' });
    expect(loaded.sheets.map((s) => s.name)).toEqual(['Tickets', 'Settings']);
    expect(loaded.timeZone).toBe('America/Denver');
    for (const name of ['Tickets', 'Settings']) expect(snapshot(loaded.requireSheet(name))).toEqual(snapshot(original.requireSheet(name)));
    const t = loaded.requireSheet('Tickets');
    expect((t.value(2, 2) as Date).toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect((t.value(2, 3) as Date).toISOString()).toBe('2026-07-01T20:05:00.000Z');
    expect(t.value(2, 5)).toBe('00123');
    expect(t.format(2, 5)).toBe('@');
    expect(t.formula(2, 7)).toBe('=D2*2');
    expect(t.value(2, 7)).toBe('');
  });

  it('a loaded workbook behaves like the original through SpreadsheetApp', async () => {
    const file = join(dir, 'service.xlsx');
    await saveXlsx(sampleWorkbook(), file);
    const loaded = await loadXlsx(file, { timeZone: 'America/Denver' });
    const sheet = appFor(loaded).getActiveSpreadsheet()!.getSheetByName('Tickets')!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange('F5').getDataValidation()!.getCriteriaValues()).toEqual([['Critical', 'High', 'Medium', 'Low'], true]);
    expect(sheet.getRange('F5').getDataValidation()!.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('F5').getDataValidation()!.getHelpText()).toBe('Priority');
    expect(sheet.getRange('H5').getDataValidation()!.getAllowInvalid()).toBe(true);
    // '@' survives, so a later write of a number-like text stays text.
    sheet.getRange('E3').setValue('007');
    expect(sheet.getRange('E3').getValue()).toBe('007');
    expect(sheet.getRange('A2').getNote()).toBe('Opened by mail');
  });

  it('dates are wall times in the spreadsheet zone inside the file', async () => {
    const file = join(dir, 'wall.xlsx');
    await saveXlsx(sampleWorkbook(), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Tickets')!;
    expect((ws.getCell('B2').value as Date).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect((ws.getCell('C2').value as Date).toISOString()).toBe('2026-07-01T14:05:00.000Z');
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('takes the zone from opts, or from the file cells through the caller, else the neutral default', async () => {
    const file = join(dir, 'zone.xlsx');
    await saveXlsx(sampleWorkbook(), file);
    expect((await loadXlsx(file, { timeZone: 'Asia/Tokyo' })).timeZone).toBe('Asia/Tokyo');
    // The emulator knows no product tab: a plain load uses its default, whatever the cells say.
    expect((await loadXlsx(file)).timeZone).toBe(DEFAULT_TIME_ZONE);
    const fromSettings = await loadXlsx(file, { timeZone: registerTimeZone });
    expect(fromSettings.timeZone).toBe('Europe/Paris');
    // The same wall time now denotes a Paris instant.
    expect((fromSettings.requireSheet('Tickets').value(2, 2) as Date).toISOString()).toBe('2026-11-29T23:00:00.000Z');

    const bare = new WorkbookModel({ name: 'Bare', timeZone: 'Asia/Tokyo' });
    bare.writeRaw('Tickets', [['x']]);
    const bareFile = join(dir, 'bare.xlsx');
    await saveXlsx(bare, bareFile);
    const loadedBare = await loadXlsx(bareFile, { timeZone: registerTimeZone });
    expect(loadedBare.timeZone).toBe(REGISTER_DEFAULT_ZONE);
    expect((await loadXlsx(bareFile, { timeZone: () => 'Not/AZone' })).timeZone).toBe(DEFAULT_TIME_ZONE);
    expect(loadedBare.name).toBe('bare');
  });

  it('reads formulas with cached results, rich text and comments written by other tools', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Billing 2026-10');
    ws.getCell('A1').value = { richText: [{ text: 'Over' }, { text: 'age' }] };
    ws.getCell('B1').value = { formula: 'SUM(B2:B3)', result: 7 } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = 3;
    ws.getCell('B3').value = 4;
    ws.getCell('B2').note = 'hours';
    ws.getCell('C1').value = new Date(Date.UTC(2026, 9, 31, 17, 0));
    ws.getCell('C1').numFmt = 'yyyy-mm-dd hh:mm';
    const file = join(dir, 'foreign.xlsx');
    await wb.xlsx.writeFile(file);
    const loaded = await loadXlsx(file, { timeZone: 'America/New_York' });
    const sheet = appFor(loaded).getActiveSpreadsheet()!.getSheetByName('Billing 2026-10')!;
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['Overage', 7]]);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(B2:B3)');
    expect(sheet.getRange('B2').getNote()).toBe('hours');
    expect((sheet.getRange('C1').getValue() as Date).toISOString()).toBe('2026-10-31T21:00:00.000Z');
  });

  it('keeps conditional formats and list-from-range validations', async () => {
    const workbook = new WorkbookModel({ name: 'CF' });
    workbook.addSheet('Tickets');
    workbook.addSheet('Lists');
    const app = appFor(workbook);
    const ss = app.getActiveSpreadsheet()!;
    const tickets = ss.getSheetByName('Tickets')!;
    const lists = ss.getSheetByName('Lists')!;
    lists.getRange('A1:A2').setValues([['Bug'], ['Question']]);
    tickets.getRange('B2:B5').setDataValidation(app.newDataValidation().requireValueInRange(lists.getRange('A1:A2')).build());
    tickets.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('Breached')
        .setBackground('#f4cccc')
        .setRanges([tickets.getRange('C2:C100')])
        .build(),
    ]);
    const file = join(dir, 'cf.xlsx');
    await saveXlsx(workbook, file);
    const loaded = await loadXlsx(file);
    const sheet = appFor(loaded).getActiveSpreadsheet()!.getSheetByName('Tickets')!;
    const rule = sheet.getRange('B3').getDataValidation()!;
    expect(rule.getCriteriaType()).toBe('VALUE_IN_RANGE');
    expect((rule.getCriteriaValues()[0] as { getA1Notation(): string }).getA1Notation()).toBe('A1:A2');
    const cf = sheet.getConditionalFormatRules();
    expect(cf).toHaveLength(1);
    expect(cf[0]!.getBooleanCondition()!.getCriteriaType()).toBe('TEXT_EQUAL_TO');
    expect(cf[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual(['Breached']);
    expect(cf[0]!.getBooleanCondition()!.getBackground()).toBe('#f4cccc');
    expect(cf[0]!.getRanges()[0]!.getA1Notation()).toBe('C2:C100');
  });
});
