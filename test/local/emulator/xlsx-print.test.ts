/**
 * Issue 18: the register prints. The .xlsx the CLI saves (as Sheets' export would) is read
 * back with exceljs and its print layout checked: wide tabs print at 100 % across pages
 * with the ID column and header repeated, narrow ones fit a page, wrapped ledger cells
 * get rows tall enough, and no header is cut by its column width.
 */
import ExcelJS from 'exceljs';
import { xlsxBuffer } from '../../../src/local/emulator/spreadsheet/xlsx-write';
import { columnWidth, headersOf } from '../../../src/register/tab-spec';
import { TicketsTab } from '../../../src/register/tabs';
import { fill } from '../../gas/ui/register';
import { emulator } from '../../support/emulator';

async function register() {
  const em = emulator({ clockFollowsCalls: false });
  em.call('setup');
  fill(em, 'Tickets', [
    {
      'Ticket ID': 'T-000001',
      'Client ID': 'ACME',
      Subject: 'Sync broken',
      Status: 'Open',
      Priority: 'High',
      Notified: 'first response T1 — sent: a@x.test\nfirst response T2 — sent: b@x.test\nresolution T1 — sent: c@x.test',
    },
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsxBuffer(em.workbook)) as unknown as ArrayBuffer);
  return wb;
}

describe('print layout of the saved register', () => {
  it('Tickets prints at 100 % across pages with Ticket ID and the header on each page; Settings fits one page wide', async () => {
    const wb = await register();
    const tickets = wb.getWorksheet('Tickets')!.pageSetup;
    expect(tickets).toMatchObject({
      orientation: 'landscape',
      fitToPage: false,
      scale: 100,
      printTitlesRow: '1:1',
      printTitlesColumn: 'A:A',
    });
    const settings = wb.getWorksheet('Settings')!.pageSetup;
    expect(settings).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('a three-line Notified cell wraps and its row is three lines tall; every header fits its column', async () => {
    const wb = await register();
    const ws = wb.getWorksheet('Tickets')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const notified = header.indexOf('Notified') + 1;
    expect(ws.getRow(2).getCell(notified).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getRow(2).height).toBeGreaterThanOrEqual(3 * 13);
    for (const [i, h] of header.entries()) {
      const px = (ws.getColumn(i + 1).width ?? 0) * 7; // the writer's pixels per character, rounded down
      expect(px, h).toBeGreaterThanOrEqual(h.length * 7.5);
    }
    expect(headersOf(TicketsTab).every((h) => columnWidth(h, undefined) >= h.length * 7.5)).toBe(true);
  });
});
