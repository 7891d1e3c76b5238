import { emulator, inSandbox } from '../support/emulator';
import { rows, seedRegister } from './ingest-support';

const NOW = Date.UTC(2026, 10, 2, 22, 0, 0);
const FORMULA = '=HYPERLINK("http://evil.example/x","click me")';

async function request(em: ReturnType<typeof emulator>, n: number, subject: string) {
  const at = NOW - (10 - n) * 60_000;
  await em.mailbox.deliver(
    [
      'From: Ann Lee <ann@acme.com>',
      'To: support@helpdesk.test',
      `Subject: ${subject}`,
      `Date: ${new Date(at).toUTCString()}`,
      `Message-ID: <fmt-${n}@acme.com>`,
      '',
      'Body.',
      '',
    ].join('\r\n'),
    { at },
  );
}

describe('formats do not depend on inheritance', () => {
  it('a subject =HYPERLINK(…) appended past the formatted rows stays text', async () => {
    const em = emulator({ now: NOW });
    seedRegister(em);
    // The tab's formatted area ends at row 2 (as after a person deleted the empty rows, or after 999 tickets).
    inSandbox(
      em,
      `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets'); sh.deleteRows(3, sh.getMaxRows() - 2); return true;`,
    );
    await request(em, 1, 'First request');
    await request(em, 2, FORMULA);
    expect(em.run<string>('ingestInbox').error).toBeUndefined();
    const cell = inSandbox<{ formula: string; value: string; format: string; rows: number }>(
      em,
      `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets');
       var col = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0].indexOf('Subject') + 1;
       var r = sh.getRange(3, col);
       return { formula: r.getFormula(), value: r.getValue(), format: r.getNumberFormat(), rows: sh.getMaxRows() };`,
    );
    // Grown by a block, not a row per run.
    expect(cell.rows).toBe(2 + 200);
    expect(cell.formula).toBe('');
    expect(cell.value).toBe(FORMULA);
    expect(cell.format).toBe('@');
    expect(rows(em, 'Tickets').map((t) => t.Subject)).toEqual(['First request', FORMULA]);
  });

  it('rows added past the formatted area get the dropdowns, formats, protections and SLA colours setup gave the others', async () => {
    const em = emulator({ now: NOW });
    seedRegister(em);
    inSandbox(
      em,
      `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets'); sh.deleteRows(3, sh.getMaxRows() - 2); return true;`,
    );
    await request(em, 1, 'First request');
    await request(em, 2, 'Second request');
    expect(em.run<string>('ingestInbox').error).toBeUndefined();
    const got = inSandbox<{
      rows: number;
      priorityRule: string | null;
      receivedFormat: string;
      protectedTo: Record<string, number>;
      colouredTo: number[];
    }>(
      em,
      `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets');
       var header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
       var last = sh.getMaxRows();
       var rule = sh.getRange(last, header.indexOf('Priority') + 1).getDataValidation();
       var protectedTo = {};
       sh.getProtections(SpreadsheetApp.ProtectionType.RANGE).forEach(function (p) {
         protectedTo[p.getDescription().split(' → ')[1]] = p.getRange().getLastRow();
       });
       var colouredTo = sh.getConditionalFormatRules().map(function (r) { return r.getRanges()[0].getLastRow(); });
       return {
         rows: last,
         priorityRule: rule ? String(rule.getCriteriaType()) : null,
         receivedFormat: sh.getRange(last, header.indexOf('Received at') + 1).getNumberFormat(),
         protectedTo: protectedTo,
         colouredTo: colouredTo,
       };`,
    );
    expect(got.priorityRule).toBe('VALUE_IN_LIST');
    expect(got.receivedFormat).toBe('yyyy-mm-dd hh:mm');
    expect(got.protectedTo['Ticket ID']).toBe(got.rows);
    expect(got.protectedTo['SLA state']).toBe(got.rows);
    expect(got.colouredTo.length).toBeGreaterThan(0);
    for (const to of got.colouredTo) expect(to).toBe(got.rows);
  });
});
