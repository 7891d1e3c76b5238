/**
 * The register's table I/O through the real adapter (src/gas/sheet-port.ts) over the
 * emulated SpreadsheetApp: what Sheets does to written strings, and what it costs.
 */
import { makeContext } from '../../src/local/emulator/gmail/testing';
import { createSpreadsheetApp, WorkbookModel } from '../../src/local/emulator/spreadsheet';
import { sheetPort } from '../../src/gas/sheet-port';
import { appendRows, applyPlan, planWrites, readTable, writesByKey } from '../../src/register/table';
import { ContactsTab, TicketsTab } from '../../src/register/tabs';
import { headersOf } from '../../src/register/tab-spec';
import { CELL_LIMIT } from '../../src/register/safe-text';

// The adapter asks document properties which names the Priority cells are written in
// (src/gas/priority-names.ts); here none were ever renamed.
beforeAll(() => {
  (globalThis as Record<string, unknown>)['PropertiesService'] = {
    getDocumentProperties: () => ({ getProperty: () => null, getProperties: () => ({}) }),
  };
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>)['PropertiesService'];
});

function sheetWith(name: string, header: string[]) {
  const ctx = makeContext();
  const workbook = new WorkbookModel({ name: 'T', timeZone: 'America/Denver' });
  const app = createSpreadsheetApp(ctx, workbook) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = app.getActiveSpreadsheet().insertSheet(name);
  // A new sheet has 26 columns, as in Sheets; Tickets has more (setup inserts them the same way).
  if (sheet.getMaxColumns() < header.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), header.length - sheet.getMaxColumns());
  sheet.getRange(1, 1, 1, header.length).setValues([header]);
  return { ctx, workbook, sheet };
}

describe('register I/O over the emulated SpreadsheetApp', () => {
  it('outside text reads back exactly as sent: formulas, phone numbers, leading zeros, dates, booleans', () => {
    const { sheet } = sheetWith('Contacts', headersOf(ContactsTab));
    const port = sheetPort(sheet);
    const nasty = ['=IMPORTXML("http://evil")', '+1 (555) 0100', '00123', '2026-11-30', 'TRUE', '-5', '1e5', "'quoted"];
    appendRows(
      port,
      readTable(port, ContactsTab),
      nasty.map((n, i) => ({ Email: `p${i}@x.com`, Name: n, 'Client ID': 'ACME', Phone: n })),
    );
    const rows = readTable(port, ContactsTab).rows.map((r) => r.data);
    expect(rows.map((r) => r.Name)).toEqual(nasty);
    expect(rows.map((r) => r.Phone)).toEqual(nasty);
    expect(
      sheet
        .getRange(2, 2, nasty.length, 1)
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  it('in columns formatted as plain text the text is written as it is (no apostrophe, which Sheets would keep there)', () => {
    const header = headersOf(ContactsTab);
    const { sheet } = sheetWith('Contacts', header);
    sheet.getRange(2, header.indexOf('Phone') + 1, 50, 1).setNumberFormat('@');
    const port = sheetPort(sheet);
    appendRows(port, readTable(port, ContactsTab), [{ Email: 'a@x.com', Name: '=1+1', 'Client ID': 'ACME', Phone: '+1 (555) 0100' }]);
    const row = readTable(port, ContactsTab).rows[0]!.data;
    expect(row.Phone).toBe('+1 (555) 0100');
    expect(row.Name).toBe('=1+1');
    expect(sheet.getRange(2, header.indexOf('Phone') + 1).getValue()).toBe('+1 (555) 0100');
  });

  it('without the protection Sheets would have turned the same text into formulas and numbers', () => {
    const { sheet } = sheetWith('Raw', ['A']);
    sheet.getRange(2, 1, 3, 1).setValues([['=1+1'], ['00123'], ['2026-11-30']]);
    const v = sheet.getRange(2, 1, 3, 1).getValues().flat();
    expect(sheet.getRange(2, 1).getFormula()).toBe('=1+1');
    expect(v[1]).toBe(123);
    expect(Object.prototype.toString.call(v[2])).toBe('[object Date]');
  });

  it('cuts over-long text to the 50,000-character cell limit with a marker instead of failing the run', () => {
    const { sheet } = sheetWith('Contacts', headersOf(ContactsTab));
    const port = sheetPort(sheet);
    appendRows(port, readTable(port, ContactsTab), [{ Email: 'a@x.com', Name: 'y'.repeat(120_000), 'Client ID': 'ACME' }]);
    const name = readTable(port, ContactsTab).rows[0]!.data.Name;
    expect(name.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(name).toMatch(/\[cut: \d+ more characters\]$/);
  });

  it('reads a 10,000-row tab with one getValues and writes scattered changes in one block', () => {
    const header = headersOf(TicketsTab);
    const { sheet, ctx } = sheetWith('Tickets', header);
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      header.map((h) => (h === 'Ticket ID' ? `T-${String(i + 1).padStart(6, '0')}` : h === 'Client ID' ? 'ACME' : '')),
    );
    sheet.insertRowsAfter(sheet.getMaxRows(), 10_001 - sheet.getMaxRows());
    sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
    ctx.meter.startRun();
    const port = sheetPort(sheet);
    const table = readTable(port, TicketsTab);
    expect(table.rows).toHaveLength(10_000);
    expect(ctx.meter.count('SpreadsheetApp.Range.getValues')).toBe(1);
    const updates = [17, 4_000, 9_999].map((n) => ({
      key: `T-${String(n).padStart(6, '0')}`,
      values: { 'SLA state': 'At risk', 'Escalation tier': 1 },
    }));
    applyPlan(port, planWrites(table, writesByKey(table, updates).writes));
    expect(ctx.meter.count('SpreadsheetApp.Range.setValues')).toBe(1);
    const after = readTable(port, TicketsTab);
    expect(after.byKey('T-004000')!.data['SLA state']).toBe('At risk');
    expect(after.byKey('T-004001')!.data['SLA state']).toBeNull();
  });

  it('a user sorting the tab between a read and a write loses nothing: the job re-reads and writes by key', () => {
    const header = headersOf(TicketsTab);
    const { sheet } = sheetWith('Tickets', header);
    const ids = ['T-000003', 'T-000001', 'T-000002'];
    sheet
      .getRange(2, 1, 3, header.length)
      .setValues(
        ids.map((id) => header.map((h) => (h === 'Ticket ID' ? id : h === 'Client ID' ? 'ACME' : h === 'Subject' ? `about ${id}` : ''))),
      );
    const port = sheetPort(sheet);
    readTable(port, TicketsTab); // the job's first read
    sheet.getRange(2, 1, 3, header.length).sort(1); // the user sorts by Ticket ID
    const fresh = readTable(port, TicketsTab);
    applyPlan(port, planWrites(fresh, writesByKey(fresh, [{ key: 'T-000003', values: { 'SLA state': 'Breached' } }]).writes));
    const after = readTable(port, TicketsTab);
    expect(after.byKey('T-000003')!.data['SLA state']).toBe('Breached');
    expect(after.byKey('T-000003')!.data.Subject).toBe('about T-000003');
    expect(after.byKey('T-000001')!.data['SLA state']).toBeNull();
  });
});
