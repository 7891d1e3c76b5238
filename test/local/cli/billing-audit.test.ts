/**
 * Defects found trying billing as a new user and finance would:
 * each test names what broke and fails without its fix.
 */
import { emulator } from '../../support/emulator';
import { octoberRegister, records, setCell } from '../../gas/billing-register';
import type { Emulator } from '../../../src/local/emulator';

function tab(em: Emulator, name: string) {
  const rows = em.workbook.sheetValues(name);
  const header = rows[0] as string[];
  const end = rows.findIndex((r) => r[0] === 'Total');
  const detailAt = rows.findIndex((r, i) => i > 0 && r[0] === 'Client ID');
  const dh = rows[detailAt] as string[];
  const rec = (h: string[], r: unknown[]) => Object.fromEntries(h.filter(Boolean).map((x) => [x, r[h.indexOf(x)]]));
  return {
    clients: rows.slice(1, end).map((r) => rec(header, r)),
    total: rec(header, rows[end]!),
    details: rows
      .slice(detailAt + 1)
      .filter((r) => r[0] !== '')
      .map((r) => rec(dh, r)),
  };
}

describe('billing audit: a mistyped Clients row after a month is final', () => {
  it('credits nothing and bills nothing twice: the final month lines are kept as billed until the row is fixed', () => {
    const em = emulator({ clockFollowsCalls: false });
    octoberRegister(em);
    em.call('billMonth', '2026-10', true);

    // After the close someone types a word into BETA's Monthly hours: BETA's row fails the schema.
    setCell(em, 'Clients', 'Client ID', 'BETA', 'Monthly hours', 'ten');
    em.clock.set(Date.UTC(2026, 11, 1, 16));
    em.call('billMonth', '2026-11');
    const nov = tab(em, 'Billing 2026-11');
    // Without the fix every October BETA line read as "removed after the month was final": a credit.
    expect(nov.details.filter((d) => d['For month'] === '2026-10')).toEqual([]);
    expect(nov.total.Adjustments).toBe(0);
    // The Log says why, and the Hours rows name the real cause, not "not in the Clients tab".
    const log = records(em, 'Log').map((r) => `${r.Action} ${r.Details ?? r.Detail ?? ''}`);
    expect(log.some((l) => l.startsWith('Adjustment held') && l.includes('BETA'))).toBe(true);
    const beta = records(em, 'Hours').filter((r) => r['Client ID'] === 'BETA' && r.Activity === 'Strategic planning');
    expect(beta[0]!.Problems).toMatch(/Client ID BETA: its row in the Clients tab has a problem \(Clients row \d+: .*Monthly hours/);

    // Fixed, and one BETA line really changed (4 h → 5 h): only that difference is billed, once.
    setCell(em, 'Clients', 'Client ID', 'BETA', 'Monthly hours', 10);
    setCell(em, 'Hours', 'Activity', 'Strategic planning', 'Hours', 5);
    em.call('billMonth', '2026-11');
    const fixed = tab(em, 'Billing 2026-11');
    const adj = fixed.details.filter((d) => d['For month'] === '2026-10');
    // BETA counted 4 h of 10 h; 5 h is still inside the contract: no money, one line of +1 h.
    expect(adj.map((d) => [d.Line, d['Client ID'], d['Logged h'], d.Amount])).toEqual([
      ['Adjustment', 'BETA', 1, ''],
      ['Adjustment total', 'BETA', 1, 0],
    ]);
  });

  it('a final-month row whose hours cell is garbled later is held, not credited', () => {
    const em = emulator({ clockFollowsCalls: false });
    octoberRegister(em);
    em.call('billMonth', '2026-10', true);
    setCell(em, 'Hours', 'Activity', 'Help desk request', 'Hours', 'five-ish');
    em.clock.set(Date.UTC(2026, 11, 1, 16));
    em.call('billMonth', '2026-11');
    const nov = tab(em, 'Billing 2026-11');
    expect(nov.details.filter((d) => d['For month'] === '2026-10')).toEqual([]);
    expect(nov.clients.find((c) => c['Client ID'] === 'GAMMA')?.Adjustments).toBe(0);
  });
});

describe('billing audit: readable tab', () => {
  it('sets column widths so IDs, e-mail addresses, money and reasons are not cut off', () => {
    const em = emulator();
    octoberRegister(em);
    em.call('billMonth', '2026-10');
    const sheet = em.workbook.sheet('Billing 2026-10')!;
    const width = (c: number) => sheet.columnWidths.get(c) ?? 100;
    // Person (detail column 4) holds e-mail addresses; Reason (12) holds sentences.
    expect(width(4)).toBeGreaterThanOrEqual(180);
    expect(width(12)).toBeGreaterThanOrEqual(300);
    // Summary headers such as "Overage amount" and "Amount due" fit.
    for (const c of [3, 4, 5, 6, 7, 8, 9, 10, 11]) expect(width(c)).toBeGreaterThanOrEqual(95);
  });
});
