import { DateTime } from 'luxon';
import { headersOf } from '../../src/register/tab-spec';
import { ClientsTab, TicketsTab } from '../../src/register/tabs';
import { columnLetters } from '../../src/local/emulator/spreadsheet/a1';
import { emulator } from '../support/emulator';

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();

describe('Reapply SLA policies (menu)', () => {
  it('recomputes open tickets under the current policies, records the new policy and logs what moved', () => {
    const em = emulator({ now: mt('2026-11-02T08:00'), clockFollowsCalls: false });
    em.call('setup');
    const put = (tab: string, headers: string[], records: Record<string, unknown>[]) =>
      em.workbook.writeRaw(
        tab,
        records.map((r) => headers.map((h) => (r[h] ?? '') as never)),
        2,
        1,
      );
    put('Clients', headersOf(ClientsTab), [
      { 'Client ID': 'ACME', Name: 'Acme Corp', Plan: 'Standard', 'CSM email': 'csm@helpdesk.test', Status: 'Active' },
    ]);
    const t = (id: string, over: Record<string, unknown>) => ({
      'Ticket ID': id,
      'Client ID': 'ACME',
      Requester: 'ann@acme.test',
      Priority: 'High',
      Status: 'Open',
      'Received at': new Date(mt('2026-11-02T09:00')),
      ...over,
    });
    put('Tickets', headersOf(TicketsTab), [
      t('T-000001', {}),
      t('T-000002', { Priority: 'Low' }),
      t('T-000003', { Status: 'Resolved', 'Resolved at': new Date(mt('2026-11-02T09:45')) }),
    ]);
    em.call('installTriggers');
    em.clock.set(mt('2026-11-02T10:00'));
    em.call('sweepSla');
    const tickets = () => em.workbook.sheetValues('Tickets');
    const h = tickets()[0] as string[];
    const cell = (id: string, col: string) => tickets().find((r) => r[0] === id)![h.indexOf(col)];
    const policy3 = cell('T-000003', 'Policy');

    // The team tightens Standard / High first response from 4 to 2 business hours (typed on the SLA Policies tab).
    const pol = em.workbook.sheetValues('SLA Policies');
    const ph = pol[0] as string[];
    const row = pol.findIndex((r) => r[ph.indexOf('Plan')] === 'Standard' && r[ph.indexOf('Priority')] === 'High') + 1;
    em.edit('SLA Policies', `${columnLetters(ph.indexOf('First response (h)') + 1)}${row}`, '2');
    // The sweep alone keeps each ticket's recorded policy.
    em.call('sweepSla');
    expect((cell('T-000001', 'First response due') as Date).getTime()).toBe(mt('2026-11-02T13:00'));

    em.clock.set(mt('2026-11-02T10:30'));
    const r = em.run<string>('reapplyPolicies');
    expect(r.error).toBeUndefined();
    expect(r.value).toBe('Reapplied the current SLA policies to 2 open ticket(s); 1 now under a different policy; 1 with deadlines moved.');
    expect((cell('T-000001', 'First response due') as Date).getTime()).toBe(mt('2026-11-02T11:00'));
    expect(cell('T-000001', 'Policy')).toMatch(/: first response 2 h, /);
    expect(cell('T-000003', 'Policy')).toBe(policy3); // Resolved: left alone
    const [lh, ...lines] = em.workbook.sheetValues('Log') as unknown[][];
    const log = lines.map((l) => [
      l[(lh as string[]).indexOf('Action')],
      l[(lh as string[]).indexOf('Ticket ID')],
      l[(lh as string[]).indexOf('Detail')],
    ]);
    expect(log).toContainEqual(['Deadlines moved', 'T-000001', 'First response due Mon 2 Nov 2026 13:00 MST → Mon 2 Nov 2026 11:00 MST']);
    expect(log.some(([a, id, d]) => a === 'Policy reapplied' && id === 'T-000001' && /^was Standard\/High/.test(String(d)))).toBe(true);
    expect(em.workbook.ui.toasts.at(-1)!.message).toBe(r.value);

    // Twice is the same as once.
    const again = em.run<string>('reapplyPolicies');
    expect(again.value).toBe(
      'Reapplied the current SLA policies to 2 open ticket(s); 0 now under a different policy; 0 with deadlines moved.',
    );
    expect(again.calls.counts['SpreadsheetApp.Range.setValues']).toBe(1); // the Log line only
  });
});
