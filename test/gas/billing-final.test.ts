import { columnLetters } from '../../src/local/emulator/spreadsheet/a1';
import { emulator } from '../support/emulator';
import { day, fill, octoberRegister, records, setCell } from './billing-register';
import type { Emulator } from '../../src/local/emulator';

const TAB = 'Billing 2026-10';
const log = (em: Emulator) => records(em, 'Log').map((r) => `${r.Action}: ${r.Detail}`);
const statusCells = (em: Emulator) => {
  const rows = em.workbook.sheetValues(TAB);
  const col = (rows[0] as string[]).indexOf('Status');
  const end = rows.findIndex((r) => r[0] === 'Total');
  return { col: col + 1, values: rows.slice(1, end + 1).map((r) => r[col]) };
};
/** The client rows of the tab (above Total), by header. */
const summary = (em: Emulator) => {
  const all = records(em, TAB);
  return all.slice(
    0,
    all.findIndex((r) => r['Client ID'] === 'Total'),
  );
};
const protections = (em: Emulator) => em.workbook.requireSheet(TAB).protections.map((p) => [p.type, p.description, p.warningOnly]);

describe('Final is final (issue 13, defect 4), through the bundle', () => {
  it('typing "Draft" over a Final tab is put back with a note, and the month cannot be billed again without a reopen', () => {
    const em = emulator({ clockFollowsCalls: false });
    octoberRegister(em);
    em.call('installTriggers');
    expect(em.call<string>('billMonth', '2026-10', true)).toMatch(/Billing 2026-10 written \(Final\): 3 client\(s\), \$312\.50 due/);
    const finalTab = em.workbook.sheetValues(TAB);
    // The tab carries the product's edit warning.
    expect(protections(em)).toEqual([['SHEET', expect.stringContaining('Billing 2026-10 is final'), true]]);
    expect(JSON.parse(em.properties.document.data.get('billing.finalMonths')!)).toEqual(['2026-10']);
    expect(JSON.parse(em.properties.document.data.get('billing.final.2026-10')!)).toMatchObject({ month: '2026-10', dueCents: 31_250 });

    // A person types Draft over the first client's Status: put back, with a note.
    const { col } = statusCells(em);
    const typed = em.edit(TAB, `${columnLetters(col)}2`, 'Draft', { user: 'fin@helpdesk.test' });
    for (const run of typed.installed) expect(run.result.error).toBeUndefined();
    expect(statusCells(em).values.every((v) => v === 'Final')).toBe(true);
    expect(em.workbook.requireSheet(TAB).note(2, col)).toMatch(/Billing 2026-10 is final: this cell was put back/);
    // A paste over all of them (no old values in Apps Script) puts Status back too.
    const pasted = em.edit(TAB, `${columnLetters(col)}2:${columnLetters(col)}4`, [['Draft'], ['Draft'], ['Draft']]);
    for (const run of pasted.installed) expect(run.result.error).toBeUndefined();
    expect(statusCells(em).values.every((v) => v === 'Final')).toBe(true);
    expect(log(em).filter((l) => l.startsWith('Final tab edited: fin@helpdesk.test edited Billing 2026-10'))).toHaveLength(1);

    // Even with every Status cell overwritten behind the handler's back, the month is not re-billed.
    const rows = em.workbook.sheetValues(TAB).map((r) => r.map((v) => (v === 'Final' ? 'Draft' : v)));
    em.workbook.writeRaw(TAB, rows as never);
    fill(em, 'Hours', [{ Date: day('2026-10-29'), 'Client ID': 'ACME', Person: 'dana@helpdesk.test', Activity: 'Reporting', Hours: 1 }]);
    expect(em.call<string>('billMonth', '2026-10')).toMatch(/is final and is never rewritten.*reopen it/);
    expect(em.call<string>('billMonth', '2026-10', true)).toMatch(/is final and is never rewritten/);
    expect(
      em.workbook
        .sheetValues(TAB)
        .slice(1, 4)
        .map((r) => r[0]),
    ).toEqual(finalTab.slice(1, 4).map((r) => r[0]));
    // …and the later hour is an adjustment to October in November, as for any final month.
    em.clock.set(Date.UTC(2026, 11, 1, 16));
    em.call('billMonth', '2026-11');
    const nov = records(em, 'Billing 2026-11');
    expect(nov.find((r) => r['Client ID'] === 'ACME')?.Adjustments).toBe(125);
  });

  it('only an explicit reopen, with a reason, bills a Final month again; it is logged with who and why', () => {
    const em = emulator({ clockFollowsCalls: false });
    octoberRegister(em);
    em.call('billMonth', '2026-10', true);
    expect(em.call<string>('billMonth', '2026-10', false, '   ')).toMatch(/needs a reason/);
    expect(em.call<string>('billMonth', '2026-09', false, 'why not')).toMatch(/2026-09 is not final: there is nothing to reopen/);

    setCell(em, 'Clients', 'Client ID', 'ACME', 'Monthly hours', 10);
    const out = em.call<{ message: string; refused: boolean }>(
      'billMonthOutcome',
      '2026-10',
      false,
      'ACME contract was 10 h, not 6',
      'cfo@helpdesk.test',
    );
    expect(out.refused).toBe(false);
    expect(out.message).toMatch(/Billing 2026-10 written \(Draft\): 3 client\(s\), \$93\.75 due/);
    expect(log(em)).toContainEqual(
      expect.stringMatching(
        /^Month reopened: 2026-10 reopened by cfo@helpdesk\.test: ACME contract was 10 h, not 6\. It had been closed Final on 2026-11-02 with \$312\.50 due/,
      ),
    );
    expect(JSON.parse(em.properties.document.data.get('billing.finalMonths')!)).toEqual([]);
    expect(JSON.parse(em.properties.document.data.get('billing.reopened.2026-10')!)).toMatchObject([
      { by: 'cfo@helpdesk.test', reason: 'ACME contract was 10 h, not 6', was: { dueCents: 31_250 } },
    ]);
    expect(protections(em)).toEqual([]);
    // Closed Final again: final again, protected again.
    expect(em.call<string>('billMonth', '2026-10', true)).toMatch(/\(Final\).*\$93\.75 due/);
    expect(protections(em)).toHaveLength(1);
    // ACME's issued invoice no longer matches (it owes nothing now): voided, never rewritten
    // under its number; GAMMA's, unchanged, keeps its number.
    const inv = records(em, 'Invoices').filter((r) => r['Invoice number'] !== '');
    expect(inv.map((r) => [r['Invoice number'], r['Client ID'], r.Amount, r.Status])).toEqual([
      ['INV-0001', 'ACME', 218.75, 'Void'],
      ['INV-0002', 'GAMMA', 93.75, 'Issued'],
    ]);
    expect(inv[0]!.Notes).toBe('Void: 2026-10 was reopened and closed again with another amount');
    expect(log(em).some((l) => l.startsWith('Invoice voided: INV-0001 for ACME 2026-10'))).toBe(true);
  });

  it('the menu "Reopen month…" asks for the month and a reason', () => {
    const em = emulator();
    octoberRegister(em);
    em.call('billMonth', '2026-10', true);
    em.workbook.ui.promptResponses.push({ button: 'OK', text: '2026-10' }, { button: 'OK', text: '' });
    expect(em.call<string>('reopenMonth')).toBe('Not reopened: no reason given.');
    em.workbook.ui.promptResponses.push({ button: 'OK', text: '2026-10' }, { button: 'OK', text: 'Wrong rate' });
    expect(em.call<string>('reopenMonth')).toMatch(/Billing 2026-10 written \(Draft\)/);
    expect(log(em).some((l) => l.startsWith('Month reopened: 2026-10 reopened by') && l.includes('Wrong rate'))).toBe(true);
  });
});

describe('billing rules finance expects (issue 13, defect 5), through the bundle', () => {
  it('closes Final only a month that has ended in the provider zone, and refuses months before the first contract', () => {
    const em = emulator({ clockFollowsCalls: false });
    octoberRegister(em);
    em.clock.set(Date.UTC(2026, 9, 2, 16)); // 2 October
    expect(em.call<string>('billMonth', '2026-10', true)).toBe(
      '2026-10 has not ended yet in America/Denver (today is 2026-10-02): it can be billed as a Draft now and closed Final from 2026-11-01.',
    );
    expect(em.workbook.sheet(TAB)).toBeUndefined();
    expect(em.call<string>('billMonth', '2026-10')).toMatch(/\(Draft\)/);
    em.clock.set(Date.UTC(2026, 10, 2, 16));
    const old = em.call<{ message: string; refused: boolean }>('billMonthOutcome', '1999-01', false);
    expect(old).toEqual({
      refused: true,
      message:
        "1999-01 is before the register's first contract (2026-10, from Clients → Contract start, the Hours and the Tickets); nothing billed.",
    });
    expect(em.workbook.sheet('Billing 1999-01')).toBeUndefined();
    expect(em.mailbox.drafts.some((d) => d.subject.includes('1999-01'))).toBe(false);
  });

  it('reads rates as typed, multiplies the unrounded rate, and refuses an implausible rate with a Problems note', () => {
    const em = emulator();
    octoberRegister(em);
    // BETA: 10 h a month, 4 h counted; 9.75 h more makes 3.75 h of overage.
    fill(em, 'Hours', [{ Date: day('2026-10-21'), 'Client ID': 'BETA', Person: 'lee@helpdesk.test', Activity: 'Reporting', Hours: 9.75 }]);
    setCell(em, 'Clients', 'Client ID', 'BETA', 'Hourly rate', '150.555');
    em.call('billMonth', '2026-10');
    const beta = () => summary(em).find((r) => r['Client ID'] === 'BETA')!;
    expect(beta()).toMatchObject({ 'Overage h': 3.75, Rate: 150.555, 'Overage amount': 564.58 });

    setCell(em, 'Clients', 'Client ID', 'BETA', 'Hourly rate', '1,200');
    em.call('billMonth', '2026-10');
    expect(beta()).toMatchObject({ Rate: 1200, 'Overage amount': 4500 });
  }, 120_000);

  it('flags an ambiguous or implausible rate in Problems and does not bill it; fixed, it bills again', () => {
    const em = emulator();
    octoberRegister(em);
    fill(em, 'Hours', [{ Date: day('2026-10-21'), 'Client ID': 'BETA', Person: 'lee@helpdesk.test', Activity: 'Reporting', Hours: 9.75 }]);
    const beta = () => summary(em).find((r) => r['Client ID'] === 'BETA')!;
    // Ambiguous text is flagged, never guessed: BETA is not billed and its row says why.
    setCell(em, 'Clients', 'Client ID', 'BETA', 'Hourly rate', '1.200,50');
    em.call('billMonth', '2026-10');
    expect(summary(em).find((r) => r['Client ID'] === 'BETA')).toBeUndefined();
    expect(records(em, 'Clients').find((r) => r['Client ID'] === 'BETA')!.Problems).toMatch(/Hourly rate "1\.200,50" is ambiguous/);

    // 1e12 is a number, but not a rate: not billed, and the Clients row says so.
    setCell(em, 'Clients', 'Client ID', 'BETA', 'Hourly rate', 1e12);
    const msg = em.call<string>('billMonth', '2026-10');
    expect(msg).toMatch(/\$312\.50 due/);
    expect(summary(em).find((r) => r['Client ID'] === 'BETA')).toBeUndefined();
    expect(records(em, 'Clients').find((r) => r['Client ID'] === 'BETA')!.Problems).toMatch(
      /Hourly rate \$1,000,000,000,000\.00 is above Settings → Highest plausible hourly rate \(\$5,000\.00\)/,
    );
    const lines = em.workbook.sheetValues(TAB).filter((r) => r[0] === 'BETA' && r[1] === 'Not billed');
    expect(lines.length).toBeGreaterThan(0);
    expect(log(em).filter((l) => l.startsWith('Client not billed: Clients row'))).toHaveLength(1);

    // Fixed as $1,200.00 typed as text: billed again, the note gone.
    setCell(em, 'Clients', 'Client ID', 'BETA', 'Hourly rate', '$1,200.00');
    em.call('billMonth', '2026-10');
    expect(records(em, 'Clients').find((r) => r['Client ID'] === 'BETA')!.Problems).toBe('');
    expect(beta()).toMatchObject({ Rate: 1200, 'Overage amount': 4500 });
  }, 120_000);

  it('does not bill a client month above the plausible hours, and says so on the Hours rows', () => {
    const em = emulator();
    octoberRegister(em);
    const rows = Array.from({ length: 20 }, (_, i) => ({
      Date: day(`2026-10-${String(i + 1).padStart(2, '0')}`),
      'Client ID': 'GAMMA',
      Person: 'pat@helpdesk.test',
      Activity: 'Reporting',
      Hours: 16,
    }));
    fill(em, 'Hours', rows);
    em.call('billMonth', '2026-10');
    expect(summary(em).find((r) => r['Client ID'] === 'GAMMA')).toMatchObject({ 'Counted h': 0, 'Amount due': 0 });
    const flagged = records(em, 'Hours').filter((r) => r['Client ID'] === 'GAMMA');
    expect(
      flagged.every((r) =>
        /GAMMA has 336 h in 2026-10, more than Settings → Most plausible hours a month \(300 h\)/.test(String(r.Problems)),
      ),
    ).toBe(true);
  });

  it('writes the finance CSV figures as numbers: a credit is -525.00, not text', () => {
    const em = emulator({ clockFollowsCalls: false });
    octoberRegister(em);
    em.call('billMonth', '2026-10', true);
    // ACME's 3 h of T-000001 troubleshooting are removed after the close: a credit in November.
    const rows = em.workbook.sheetValues('Hours');
    const h = rows[0] as string[];
    const keep = rows.filter((r) => !(r[h.indexOf('Ticket ID')] === 'T-000002' && r[h.indexOf('Client ID')] === 'ACME'));
    em.workbook.writeRaw('Hours', [...keep, ...rows.slice(keep.length).map(() => h.map(() => ''))] as never);
    em.clock.set(Date.UTC(2026, 11, 1, 16));
    em.call('billMonth', '2026-11');
    const finance = em.mailbox.drafts.find((d) => d.subject.startsWith('Support hours billing 2026-11'))!;
    const csv = finance.attachments.find((a) => a.name === 'billing-2026-11.csv')!.content.toString('utf8');
    expect(csv).not.toContain("'-");
    expect(csv).toMatch(/^ACME,Acme Outfitters,.*,-187\.50,-187\.50,Draft,0\.00\r$/m);
    expect(csv).toMatch(/^ACME,Adjustment total,.*,-1\.50,-1\.50,0\.00,-187\.50,/m);
  });
});
