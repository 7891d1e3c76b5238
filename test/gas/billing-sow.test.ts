import { emulator } from '../support/emulator';
import { day, fill, octoberRegister, records, setCell } from './billing-register';
import type { Emulator } from '../../src/local/emulator';

/** Client rows (above Total) and detail lines of a billing tab, by header. */
function tab(em: Emulator, name: string) {
  const rows = em.workbook.sheetValues(name);
  const header = rows[0] as string[];
  const end = rows.findIndex((r) => r[0] === 'Total');
  const detailAt = rows.findIndex((r, i) => i > 0 && r[0] === 'Client ID');
  const dh = rows[detailAt] as string[];
  const pick = (h: string[], r: unknown[]) => Object.fromEntries(h.filter(Boolean).map((k) => [k, r[h.indexOf(k)]]));
  return {
    clients: rows.slice(1, end).map((r) => pick(header, r)),
    total: pick(header, rows[end]!),
    details: rows
      .slice(detailAt + 1)
      .filter((r) => r[0] !== '')
      .map((r) => pick(dh, r)),
  };
}

/**
 * The Ascent360 onboarding seed: an SOW "will be a Time and Materials agreement, with all
 * hours worked being billed to the client at the end of the month that they were worked".
 */
function withSows(em: Emulator, status2 = 'Approved') {
  octoberRegister(em);
  fill(em, 'SOWs', [
    {
      'SOW ID': 'SOW-001',
      'Client ID': 'BETA',
      Title: 'Onboarding: second data feed',
      Status: 'Signed',
      'Estimate (h)': 10,
      'Signed at': day('2026-09-28'),
    },
    { 'SOW ID': 'SOW-002', 'Client ID': 'BETA', Title: 'Custom report', Status: status2, 'Estimate (h)': 4, Rate: 175 },
  ]);
  fill(em, 'Hours', [
    {
      Date: day('2026-10-19'),
      'Client ID': 'BETA',
      Person: 'lee@helpdesk.test',
      Activity: 'Enhancement management',
      Hours: 4,
      'SOW ID': 'SOW-001',
    },
    {
      Date: day('2026-10-20'),
      'Client ID': 'BETA',
      Person: 'lee@helpdesk.test',
      Activity: 'Enhancement management',
      Hours: 2,
      'SOW ID': 'sow-001',
    },
    {
      Date: day('2026-10-22'),
      'Client ID': 'BETA',
      Person: 'lee@helpdesk.test',
      Activity: 'Enhancement management',
      Hours: 2,
      'SOW ID': 'SOW-002',
    },
  ]);
}

describe('SOW billing (issue 16, item 9), through the bundle', () => {
  it('setup creates the SOWs tab and a SOW ID column on Hours', () => {
    const em = emulator();
    em.call('setup');
    expect(em.workbook.sheetValues('SOWs')[0]).toEqual([
      'SOW ID',
      'Client ID',
      'Title',
      'Status',
      'Estimate (h)',
      'Rate',
      'Signed at',
      'Notes',
    ]);
    expect(em.workbook.sheetValues('Hours')[0]).toContain('SOW ID');
  });

  it('bills six hours of signed SOW work in full at the client rate, on their own lines, never against contracted hours', () => {
    const em = emulator({ clockFollowsCalls: false });
    withSows(em);
    expect(em.call<string>('billMonth', '2026-10', true)).toMatch(/3 client\(s\), \$1,212\.50 due/);
    const t = tab(em, 'Billing 2026-10');
    // BETA's contract is untouched (4 h of 10 counted, no overage); the SOW adds 6 h × $150 = $900.
    expect(t.clients.find((c) => c['Client ID'] === 'BETA')).toMatchObject({
      'Counted h': 4,
      'Overage amount': 0,
      'SOW amount': 900,
      'Amount due': 900,
    });
    expect(t.total).toMatchObject({ 'SOW amount': 900, 'Amount due': 1212.5 });
    const sow = t.details.filter((d) => d['SOW ID'] === 'SOW-001');
    expect(sow.map((d) => [d.Line, d['Logged h'], d.Amount])).toEqual([
      ['SOW', 4, ''],
      ['SOW', 2, ''],
      ['SOW total', 6, 900],
    ]);
    // Estimate vs actual per SOW.
    expect(sow[2]!.Reason).toBe(
      'SOW SOW-001 (Onboarding: second data feed): 6 h worked (estimate 10 h, 60% of it) × $150.00/h (client rate) = $900.00, time and materials, not against contracted hours',
    );
    // The SOW not signed yet is held: not billed, and its Hours row says why.
    const held = records(em, 'Hours').find((r) => r['SOW ID'] === 'SOW-002')!;
    expect(held).toMatchObject({ Counted: '', Reason: 'Not counted: see Problems' });
    expect(held.Problems).toBe('SOW SOW-002 is Approved, not signed yet: held, and billed in the month worked once it is Signed');
    expect(t.details.some((d) => d.Line === 'Not billed' && String(d.Reason).includes('SOW SOW-002 is Approved'))).toBe(true);

    // The invoice and the Xero file carry the SOW line; the file still adds up to the tab.
    const inv = records(em, 'Invoices').find((r) => r['Client ID'] === 'BETA')!;
    expect(inv).toMatchObject({ Amount: 900, Status: 'Issued' });
    const finance = em.mailbox.drafts.find((d) => d.subject.startsWith('Support hours billing 2026-10'))!;
    const xero = finance.attachments.find((a) => a.name === 'xero-invoices-2026-10.csv')!.content.toString('utf8');
    const line = xero.split('\r\n').find((l) => l.includes('SOW SOW-001'))!;
    expect(line).toContain('SOW SOW-001 — Onboarding: second data feed: time and materials in 2026-10,6.00,150.00,');
    const amounts = xero
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => {
        const f = [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!);
        return Math.round(Number(f[7]) * Number(f[8]) * 100);
      });
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(121_250);
  }, 120_000);

  it('picks up held SOW hours once the SOW is signed: in the month worked, or the next month when that one was closed Final', () => {
    const em = emulator({ clockFollowsCalls: false });
    withSows(em);
    em.call('billMonth', '2026-10', true);
    setCell(em, 'SOWs', 'SOW ID', 'SOW-002', 'Status', 'Signed');
    em.clock.set(Date.UTC(2026, 11, 1, 16));
    em.call('billMonth', '2026-11');
    const nov = tab(em, 'Billing 2026-11');
    // 2 h × $175 (the SOW's own rate), billed in November, marked as October's work.
    expect(nov.clients.find((c) => c['Client ID'] === 'BETA')).toMatchObject({ 'SOW amount': 350, 'Amount due': 350, Adjustments: 0 });
    expect(nov.details.filter((d) => d['SOW ID'] === 'SOW-002').map((d) => [d.Line, d['Logged h'], d.Amount, d['For month']])).toEqual([
      ['SOW', 2, '', '2026-10'],
      ['SOW total', 2, 350, ''],
    ]);
    expect(records(em, 'Hours').find((r) => r['SOW ID'] === 'SOW-002')!.Problems).toBe('');
    // Once November is final too, December bills it no more.
    em.call('billMonth', '2026-11', true);
    em.clock.set(Date.UTC(2027, 0, 2, 16));
    em.call('billMonth', '2026-12');
    expect(tab(em, 'Billing 2026-12').total['SOW amount']).toBe(0);
  }, 180_000);
});
