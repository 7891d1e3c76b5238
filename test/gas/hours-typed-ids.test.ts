/** Issue 18: what people type in Hours — a lower-case Client ID, a date before the contract — through the bundle. */
import { emulator } from '../support/emulator';
import { day, fill, octoberRegister, records } from './billing-register';

describe('Hours rows as people type them (real bundle)', () => {
  it('a Client ID typed in lower case is that client; a day before the Contract start is flagged, not counted', () => {
    const em = emulator();
    octoberRegister(em);
    fill(em, 'Hours', [
      {
        Date: day('2026-10-21'),
        'Client ID': 'acme',
        Person: 'dana@helpdesk.test',
        Activity: 'Troubleshooting',
        Hours: 1,
        'Ticket ID': 't-000002',
      },
      { Date: day('2026-10-14'), 'Client ID': 'GAMMA', Person: 'dana@helpdesk.test', Activity: 'Help desk request', Hours: 2 },
    ]);
    expect(em.run('billMonth', '2026-10').error).toBeUndefined();
    const rows = records(em, 'Hours');
    const typed = rows.find((r) => r['Client ID'] === 'acme')!;
    expect(typed.Problems).toBe('');
    expect(typed.Counted).toBe(1);
    const early = rows.find((r) => r['Client ID'] === 'GAMMA' && r.Hours === 2)!;
    expect(early.Problems).toBe("Date 2026-10-14 is before GAMMA's Contract start 2026-10-15: fix the date or the contract start");
    expect(early.Counted).toBe('');

    const billing = em.workbook.sheetValues('Billing 2026-10');
    const header = billing[0] as string[];
    const row = (id: string) => billing.find((r) => r[0] === id)!;
    // ACME's logged hours grow by the lower-case row's hour (12.6 → 13.6); GAMMA's stay 5 (+0.75 overage).
    expect(Number(row('ACME')[header.indexOf('Logged h')])).toBeCloseTo(13.6, 6);
    expect(Number(row('GAMMA')[header.indexOf('Logged h')])).toBeCloseTo(5, 6);
  });
});
