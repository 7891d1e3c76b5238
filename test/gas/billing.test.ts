import { emulator } from '../support/emulator';
import { at, day, fill, octoberRegister, records, setCell, setSetting } from './billing-register';
import type { Emulator } from '../../src/local/emulator';

const TAB = 'Billing 2026-10';

function summary(em: Emulator, tab = TAB) {
  const rows = em.workbook.sheetValues(tab);
  const header = rows[0] as string[];
  const end = rows.findIndex((r) => r[0] === 'Total');
  const pick = (r: unknown[]) => Object.fromEntries(header.filter(Boolean).map((h) => [h, r[header.indexOf(h)]]));
  const detailAt = rows.findIndex((r, i) => i > 0 && r[0] === 'Client ID');
  const dh = rows[detailAt] as string[];
  return {
    clients: rows.slice(1, end).map(pick),
    total: pick(rows[end]!),
    details: rows
      .slice(detailAt + 1)
      .filter((r) => r[0] !== '')
      .map((r) => Object.fromEntries(dh.filter(Boolean).map((h) => [h, r[dh.indexOf(h)]]))),
  };
}

const round2 = (n: unknown) => Math.round(Number(n) * 100) / 100;

/** Invoice drafts (issue 19) come with every close; these tests are about the statements. */
const isInvoice = (subject: string) => /^(Invoice|Credit note) /.test(subject);

describe('billMonth in the emulator (real bundle)', () => {
  it('writes Billing 2026-10: per-client figures traceable to the detail lines, totals, rounding, proration and rates', () => {
    const em = emulator();
    octoberRegister(em);
    const run = em.run<string>('billMonth', '2026-10');
    expect(run.error).toBeUndefined();
    expect(run.value).toMatch(/Billing 2026-10 written \(Draft\): 3 client\(s\), \$312\.50 due/);

    const s = summary(em);
    expect(
      s.clients.map((c) => [
        c['Client ID'],
        round2(c['Contracted h']),
        round2(c['Logged h']),
        round2(c['Excluded h']),
        round2(c['Counted h']),
        round2(c['Overage h']),
        c.Rate,
        c['Overage amount'],
        c.Status,
      ]),
    ).toEqual([
      ['ACME', 6, 12.6, 5, 7.6, 1.75, 125, 218.75, 'Draft'],
      ['BETA', 10, 9, 5, 4, 0, 150, 0, 'Draft'],
      ['GAMMA', round2(263 / 60), 5, 0, 5, 0.75, 125, 93.75, 'Draft'],
    ]);
    expect(s.total).toMatchObject({ 'Client ID': 'Total', 'Overage amount': 312.5, 'Amount due': 312.5 });

    // Every client figure is the sum of its Hours lines below.
    for (const c of s.clients) {
      const lines = s.details.filter((d) => d['Client ID'] === c['Client ID'] && d.Line === 'Hours');
      for (const [col, line] of [
        ['Logged h', 'Logged h'],
        ['Counted h', 'Counted h'],
        ['Excluded h', 'Excluded h'],
      ] as const) {
        expect(round2(lines.reduce((a, d) => a + Number(d[line]), 0))).toBe(round2(c[col]));
      }
    }
    // The 22:30 entry on Oct 31 (provider zone) is October's; the 00:30 Nov 1 entry is not.
    const acme = s.details.filter((d) => d['Client ID'] === 'ACME' && d.Line === 'Hours');
    expect(acme.map((d) => d.Date)).toContain('2026-10-31');
    expect(acme.map((d) => d.Date)).not.toContain('2026-11-01');
    expect(s.details.find((d) => d.Line === 'Contract' && d['Client ID'] === 'GAMMA')?.Reason).toContain('17 of 31 days');
    // Refused rows are listed, not billed.
    const notBilled = s.details.filter((d) => d.Line === 'Not billed').map((d) => d.Reason as string);
    expect(notBilled.some((r) => r.includes('Client ID NOPE is not in the Clients tab'))).toBe(true);
    expect(notBilled.some((r) => r.includes('Ticket T-000001 belongs to client ACME, not BETA'))).toBe(true);
    expect(notBilled.some((r) => r.includes('Hours must be more than 0'))).toBe(true);
    expect(notBilled.filter((r) => r.includes('more than 24 h in one day'))).toHaveLength(2);
  });

  it('computes Counted / Reason / Problems in the Hours tab', () => {
    const em = emulator();
    octoberRegister(em);
    em.call('billMonth', '2026-10');
    const rows = records(em, 'Hours');
    const by = (pred: (r: Record<string, unknown>) => boolean) => rows.find(pred)!;
    expect(by((r) => r['Ticket ID'] === 'T-000001' && r['Client ID'] === 'ACME')).toMatchObject({ Counted: 0, Problems: '' });
    expect(by((r) => r['Ticket ID'] === 'T-000001' && r['Client ID'] === 'ACME').Reason).toContain('Reason: Bug');
    expect(by((r) => r['Ticket ID'] === 'T-000002')).toMatchObject({ Counted: 1.5 });
    expect(by((r) => r.Person === 'sam@helpdesk.test').Reason).toContain('required attendee');
    expect(by((r) => r.Hours === '1:30')).toMatchObject({ Counted: 1.5 });
    expect(by((r) => r['Client ID'] === 'NOPE')).toMatchObject({
      Counted: '',
      Reason: 'Not counted: see Problems',
      Problems: 'Client ID NOPE is not in the Clients tab',
    });
    expect(by((r) => r.Activity === 'Lunch').Problems).toBe('Activity "Lunch" is not in the Activities tab');
    expect(by((r) => (r.Date as Date).getTime?.() === day('2026-11-20').$date).Problems).toBe('Date 2026-11-20 is in the future');
  });

  it('leaves one finance draft with the same numbers as an HTML table and a CSV attachment, and an Enterprise client statement', async () => {
    const em = emulator();
    octoberRegister(em);
    em.call('billMonth', '2026-10');
    const drafts = em.mailbox.drafts;
    const finance = drafts.find((d) => d.to === 'finance@helpdesk.test')!;
    expect(finance.subject).toBe('Support hours billing 2026-10 (Draft): $312.50 due');
    expect(finance.html).toContain('<table');
    expect(finance.html).toContain('$218.75');
    const csv = finance.attachments.find((a) => a.name === 'billing-2026-10.csv')!.content.toString('utf8');
    expect(csv).toContain('ACME,Acme Outfitters,6.00,12.60,5.00,7.60,1.75,125.00,218.75,0.00,218.75,Draft');
    expect(csv).toContain('Total,,20.38,26.60,10.00,16.60,2.50,,312.50,0.00,312.50,Draft');
    expect(em.mailbox.sent).toHaveLength(0);

    // Only ACME is Enterprise: one client statement, to its own finance address, with nothing internal.
    const statements = drafts.filter((d) => d !== finance && !isInvoice(d.subject));
    expect(statements.map((d) => d.to)).toEqual(['ap@acme.test']);
    const st = statements[0]!;
    expect(st.attachments).toHaveLength(0);
    const all = `${st.subject}\n${st.text}\n${st.html}`;
    expect(all).toContain('Hours used: 7.60 h');
    expect(all).toContain('Hours above the contract: 1.75 h');
    expect(all).toContain('1 of 2 tickets met their targets (50%)');
    for (const secret of [
      'INTERNAL',
      'pricing',
      'dana@',
      'sam@',
      'BETA',
      'Beta Bikes',
      'GAMMA',
      'Gamma',
      'Sync broken',
      'Troubleshooting',
      'T-00000',
    ]) {
      expect(all, secret).not.toContain(secret);
    }
  });

  it('is idempotent for a Draft month: same tab, one finance draft', () => {
    const em = emulator();
    octoberRegister(em);
    em.call('billMonth', '2026-10');
    const first = em.workbook.sheetValues(TAB);
    const hours = em.workbook.sheetValues('Hours');
    em.call('billMonth', '2026-10');
    expect(em.workbook.sheetValues(TAB)).toEqual(first);
    expect(em.workbook.sheetValues('Hours')).toEqual(hours);
    expect(em.mailbox.drafts.filter((d) => d.to === 'finance@helpdesk.test')).toHaveLength(1);
    expect(em.mailbox.drafts.filter((d) => d.to === 'ap@acme.test' && !isInvoice(d.subject))).toHaveLength(1);
    // One invoice draft per client owing money (each with its PDF), replaced rather than repeated.
    expect(em.mailbox.drafts.filter((d) => isInvoice(d.subject)).map((d) => [d.subject, d.attachments.map((a) => a.contentType)])).toEqual([
      ['Invoice (draft) — Acme Outfitters, 2026-10 (Client Success)', ['application/pdf']],
      ['Invoice (draft) — Gamma Gear, 2026-10 (Client Success)', ['application/pdf']],
    ]);
  });

  it('re-running after fewer lines blanks what the longer tab had', () => {
    const em = emulator();
    octoberRegister(em);
    em.call('billMonth', '2026-10');
    const before = em.workbook.sheetValues(TAB).length;
    setCell(em, 'Clients', 'Client ID', 'BETA', 'Status', 'Ended');
    inSandboxDeleteHours(em, 'BETA');
    em.call('billMonth', '2026-10');
    const after = em.workbook.sheetValues(TAB);
    expect(after.length).toBeLessThan(before);
    expect(after.flat().filter((v) => v === 'BETA')).toHaveLength(0);
  });

  it('reads each tab once and writes the billing tab in a few calls, however many rows', () => {
    const counts = (extra: number) => {
      const em = emulator();
      octoberRegister(em);
      fill(
        em,
        'Hours',
        Array.from({ length: extra }, (_, i) => ({
          Date: day(`2026-10-${String((i % 28) + 1).padStart(2, '0')}`),
          'Client ID': 'BETA',
          Person: `p${i}@helpdesk.test`,
          Activity: 'Reporting',
          Hours: 0.25,
        })),
      );
      const r = em.run('billMonth', '2026-10');
      expect(r.error).toBeUndefined();
      return r.calls.counts;
    };
    const small = counts(0);
    const big = counts(300);
    for (const k of ['SpreadsheetApp.Range.getValues', 'SpreadsheetApp.Range.setValues', 'SpreadsheetApp.Range.setNumberFormats']) {
      expect(big[k], k).toBe(small[k]);
    }
    // Settings, Clients, Activities, Tickets, Contacts, Hours, SOWs, Entitlements (who gets a statement), the Log header: one read each.
    expect(small['SpreadsheetApp.Range.getValues']).toBeLessThanOrEqual(10);
    expect(small['SpreadsheetApp.Range.setValues']).toBeLessThanOrEqual(5);
  });
});

function inSandboxDeleteHours(em: Emulator, client: string) {
  const rows = em.workbook.sheetValues('Hours');
  const header = rows[0] as string[];
  const keep = rows.filter((r, i) => i === 0 || r[header.indexOf('Client ID')] !== client);
  const blank = rows.slice(keep.length).map(() => header.map(() => ''));
  em.workbook.writeRaw('Hours', [...keep, ...blank] as never);
}

describe('final months and adjustments', () => {
  it('a Final month is never rewritten; later edits are billed as adjustments in the next month, once', () => {
    const em = emulator({ clockFollowsCalls: false });
    octoberRegister(em);
    expect(em.call<string>('billMonth', '2026-10', true)).toMatch(/\(Final\)/);
    const finalTab = em.workbook.sheetValues(TAB);

    // After the close: one more hour for ACME in October, and T-000002 becomes a Bug (must not re-bill).
    fill(em, 'Hours', [{ Date: day('2026-10-29'), 'Client ID': 'ACME', Person: 'dana@helpdesk.test', Activity: 'Reporting', Hours: 1 }]);
    setCell(em, 'Tickets', 'Ticket ID', 'T-000002', 'Reason', 'Bug');
    const refused = em.call<string>('billMonth', '2026-10');
    expect(refused).toMatch(/is final and is never rewritten/);
    expect(em.workbook.sheetValues(TAB)).toEqual(finalTab);

    em.clock.set(Date.UTC(2026, 11, 1, 16));
    em.call('billMonth', '2026-11');
    const nov = summary(em, 'Billing 2026-11');
    const adj = nov.details.filter((d) => d['For month'] === '2026-10');
    expect(adj.map((d) => [d.Line, d['Client ID'], round2(d['Counted h']), d.Amount])).toEqual([
      ['Adjustment', 'ACME', 1, ''],
      // 7.6 h + 1 h = 8.6 h counted: overage 2.6 h → 2.75 h, $343.75 instead of $218.75.
      ['Adjustment total', 'ACME', 1, 125],
    ]);
    expect(nov.clients.find((c) => c['Client ID'] === 'ACME')).toMatchObject({ Adjustments: 125 });
    // The Hours tab keeps October's billed classification of T-000002 (Reason changed after the close)…
    em.call('runMonthlyBilling');
    const t2 = records(em, 'Hours').find((r) => r['Ticket ID'] === 'T-000002')!;
    expect(t2.Counted).toBe(1.5);
    expect(t2.Reason).toContain('not a bug');
    // …while the row added after the close gets its own.
    expect(records(em, 'Hours').find((r) => (r.Date as Date).getTime() === day('2026-10-29').$date)).toMatchObject({
      Counted: 1,
      Problems: '',
    });

    // Once November is final, December owes nothing more for October.
    em.call('billMonth', '2026-11', true);
    em.clock.set(Date.UTC(2027, 0, 2, 16));
    em.call('billMonth', '2026-12');
    const dec = summary(em, 'Billing 2026-12');
    expect(dec.details.filter((d) => d['For month'] === '2026-10')).toEqual([]);
    expect(dec.total.Adjustments).toBe(0);
  });
});

describe('usage alerts and the monthly trigger', () => {
  it('mails the CSM once at 80% and once at 100% of the month, and drafts when the quota is low', () => {
    const em = emulator({ clockFollowsCalls: false });
    octoberRegister(em);
    em.clock.set(Date.UTC(2026, 10, 10, 16));
    fill(em, 'Hours', [{ Date: day('2026-11-03'), 'Client ID': 'BETA', Person: 'lee@helpdesk.test', Activity: 'Reporting', Hours: 8 }]);
    em.call('runMonthlyBilling');
    em.call('runMonthlyBilling');
    // The hourly run also does client success (its reminders start with [Success]); these are the usage alerts.
    const alerts = () => em.mailbox.sent.filter((m) => m.subject.startsWith('[Hours]'));
    expect(alerts().map((m) => [m.to, m.subject])).toEqual([
      ['lee@helpdesk.test', "[Hours] Beta Bikes (BETA) passed 80% of 2026-11's contracted hours"],
    ]);

    setSetting(em, 'Mail quota reserve', 100_000);
    fill(em, 'Hours', [{ Date: day('2026-11-04'), 'Client ID': 'BETA', Person: 'lee@helpdesk.test', Activity: 'Reporting', Hours: 2 }]);
    em.call('runMonthlyBilling');
    em.call('runMonthlyBilling');
    expect(alerts()).toHaveLength(1);
    expect(em.mailbox.drafts.filter((d) => d.subject.includes('passed 100%'))).toHaveLength(1);
    const log = records(em, 'Log').map((r) => `${r.Action}: ${r.Detail}`);
    expect(log.some((l) => l.startsWith('Usage alert drafted: ') && l.includes('mail quota below the reserve'))).toBe(true);
  });

  it('the monthly run drafts the month before once', () => {
    const em = emulator();
    octoberRegister(em);
    expect(em.call<string>('runMonthlyBilling')).toContain('Billing 2026-10 written (Draft)');
    expect(em.call<string>('runMonthlyBilling')).not.toContain('Billing 2026-10');
    expect(em.mailbox.drafts.filter((d) => d.to === 'finance@helpdesk.test')).toHaveLength(1);
  });

  it('"Close month…" asks for the month and whether it is final', () => {
    const em = emulator();
    octoberRegister(em);
    em.workbook.ui.promptResponses.push({ button: 'OK', text: '2026-10' });
    em.workbook.ui.alertResponses.push('YES', 'OK');
    expect(em.call<string>('closeMonth')).toMatch(/Billing 2026-10 written \(Final\)/);
    expect(summary(em).clients.every((c) => c.Status === 'Final')).toBe(true);

    em.workbook.ui.promptResponses.push({ button: 'OK', text: 'October' });
    expect(em.call<string>('closeMonth')).toBe('Not a month: October');
    expect(em.workbook.ui.alerts.at(-1)?.prompt).toContain('is not a month');
  });

  it('an entry at 22:30 on the last evening of the month counts in that month even when the provider zone differs from the sheet', () => {
    const em = emulator();
    octoberRegister(em);
    setSetting(em, 'Provider time zone', 'America/New_York');
    // 22:30 in Denver is 00:30 on Nov 1 in New York: November for a New York provider.
    em.call('billMonth', '2026-10');
    const acme = summary(em)
      .details.filter((d) => d['Client ID'] === 'ACME' && d.Line === 'Hours')
      .map((d) => d.Date);
    expect(acme).not.toContain('2026-10-31');
    void at;
  });
});
