import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadXlsx, saveXlsx } from '../../src/local/emulator/spreadsheet/xlsx';
import { emulator, inSandbox } from '../support/emulator';
import { octoberRegister } from './billing-register';

const TAB = 'Billing 2026-10';

/**
 * The Billing tab reads as a statement: each block's header sits over its own column's
 * values — numbers right under right-aligned headers, text left — so the summary's
 * "Logged h" is not read against the detail lines' Person column below it.
 */
describe('the Billing tab as a statement (real bundle)', () => {
  it('right-aligns each numeric column and its header, per block, in the sheet and in the saved .xlsx', async () => {
    const em = emulator();
    octoberRegister(em);
    expect(em.run('billMonth', '2026-10').error).toBeUndefined();
    const rows = em.workbook.sheetValues(TAB) as unknown[][];
    const detail = rows.findIndex((r, i) => i > 0 && r[0] === 'Client ID') + 1;
    const summaryHeader = rows[0] as string[];
    const detailHeader = rows[detail - 1] as string[];
    const align = (row: number, header: string[], name: string) =>
      inSandbox<string>(
        em,
        `return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('${TAB}').getRange(${row}, ${header.indexOf(name) + 1}).getHorizontalAlignment()`,
      );
    const logged = summaryHeader.indexOf('Logged h');
    // The summary's Logged h shares its column with the detail lines' Person.
    expect(detailHeader[logged]).toBe('Person');
    expect(align(1, summaryHeader, 'Logged h')).toBe('right');
    expect(align(2, summaryHeader, 'Logged h')).toBe('right');
    expect(align(1, summaryHeader, 'Amount due')).toBe('right');
    expect(align(1, summaryHeader, 'Client ID')).toBe('left');
    expect(align(detail, detailHeader, 'Person')).toBe('left');
    expect(align(detail + 1, detailHeader, 'Person')).toBe('left');
    expect(align(detail, detailHeader, 'Logged h')).toBe('right');
    expect(align(detail, detailHeader, 'Amount')).toBe('right');

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'billing-layout-')), 'r.xlsx');
    await saveXlsx(em.workbook, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(TAB)!;
    expect(ws.getCell(1, logged + 1).alignment?.horizontal).toBe('right');
    expect(ws.getCell(detail, logged + 1).alignment?.horizontal).toBe('left');

    // Opened and saved again, as every CLI run does: the statement keeps its look.
    const again = path.join(path.dirname(file), 'again.xlsx');
    await saveXlsx(await loadXlsx(file), again);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    const ws2 = wb2.getWorksheet(TAB)!;
    expect(ws2.getCell(1, logged + 1).alignment?.horizontal).toBe('right');
    expect(ws2.getCell(1, logged + 1).font?.bold).toBe(true);
    expect(ws2.getCell(2, logged + 1).font?.bold).toBeFalsy();
    expect(ws2.getCell(detail, logged + 1).alignment?.horizontal).toBe('left');
    expect(ws2.getCell(detail, logged + 1).font?.bold).toBe(true);
  });
});
