import fc from 'fast-check';
import { DateTime } from 'luxon';
import { headersOf } from '../../src/register/tab-spec';
import { ClientsTab, TicketsTab } from '../../src/register/tabs';
import { columnLetters } from '../../src/local/emulator/spreadsheet/a1';
import { inQueueOrder, queueKeys } from '../../src/jobs/tickets/queue-order';
import { PRIORITIES, STATUSES } from '../../src/core/types/vocab';
import { emulator, snapshot } from '../support/emulator';
import type { Emulator } from '../../src/local/emulator';

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();

function register(tickets: [string, string, string, string][]): Emulator {
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
    {
      'Client ID': 'ACME',
      Name: 'Acme Corp',
      Plan: 'Standard',
      'CSM email': 'csm@helpdesk.test',
      'Escalation matrix': 'CSM-Director-VP',
      Status: 'Active',
    },
  ]);
  put(
    'Tickets',
    headersOf(TicketsTab),
    tickets.map(([id, priority, status, received]) => ({
      'Ticket ID': id,
      'Client ID': 'ACME',
      Requester: 'ann@acme.test',
      Subject: `About ${id}`,
      Priority: priority,
      Status: status,
      'Received at': new Date(mt(received)),
    })),
  );
  em.call('installTriggers');
  return em;
}

const ids = (em: Emulator) =>
  em.workbook
    .sheetValues('Tickets')
    .slice(1)
    .map((r) => r[0]);
const header = (em: Emulator) => em.workbook.sheetValues('Tickets')[0] as string[];
const rowOf = (em: Emulator, id: string) => em.workbook.sheetValues('Tickets').findIndex((r) => r[0] === id) + 1;
const cell = (em: Emulator, id: string, h: string) => em.workbook.sheetValues('Tickets')[rowOf(em, id) - 1]![header(em).indexOf(h)];

const QUEUE: [string, string, string, string][] = [
  ['T-000001', 'Low', 'Open', '2026-11-02T08:00'],
  ['T-000002', 'High', 'Resolved', '2026-11-02T07:00'],
  ['T-000003', 'High', 'Open', '2026-11-02T09:30'],
  ['T-000004', 'Critical', 'Waiting on customer', '2026-11-02T10:00'],
  ['T-000005', 'High', 'New', '2026-11-02T09:00'],
  ['T-000006', 'Medium', 'Closed', '2026-11-01T09:00'],
  ['T-000007', 'Critical', 'Open', '2026-11-02T11:00'],
];

describe('Sort queue (menu)', () => {
  it('puts open tickets first in first out within priority, Resolved then Closed below, in one Range.sort', () => {
    const em = register(QUEUE);
    em.clock.set(mt('2026-11-02T11:30'));
    em.call('sweepSla');
    const others = (snapshot(em) as { name: string }[]).filter((s) => s.name !== 'Tickets' && s.name !== 'Log');
    const dueNote = (id: string) => em.workbook.requireSheet('Tickets').note(rowOf(em, id), header(em).indexOf('First response due') + 1);
    const note3 = dueNote('T-000003');
    expect(note3).not.toBe('');
    const width = em.workbook.requireSheet('Tickets').maxColumns;

    const r = em.run<string>('sortQueue');
    expect(r.error).toBeUndefined();
    expect(r.value).toBe('Sorted 7 tickets: 5 open ones first, by priority and then oldest first.');
    expect(ids(em)).toEqual(['T-000004', 'T-000007', 'T-000005', 'T-000003', 'T-000001', 'T-000002', 'T-000006']);
    expect(r.calls.counts['SpreadsheetApp.Range.sort']).toBe(1);
    // Notes, dropdowns and formats travel with the rows; the scratch column is gone; other tabs untouched.
    expect(dueNote('T-000003')).toBe(note3);
    expect(em.workbook.requireSheet('Tickets').maxColumns).toBe(width);
    expect(em.workbook.sheetValues('Tickets').every((row) => row.length <= header(em).length)).toBe(true);
    expect((snapshot(em) as { name: string }[]).filter((s) => s.name !== 'Tickets' && s.name !== 'Log')).toEqual(others);

    expect(em.call<string>('sortQueue')).toBe('Tickets are already in queue order.');
  });

  it('after sorting, every job still finds its rows by Ticket ID: sweep, edits, ticket details', () => {
    const em = register(QUEUE);
    em.clock.set(mt('2026-11-02T11:30'));
    em.call('sweepSla');
    const before = Object.fromEntries(
      QUEUE.map(([id]) => [id, [cell(em, id, 'First response due'), cell(em, id, 'SLA state'), cell(em, id, 'Policy')]]),
    );
    em.call('sortQueue');
    em.call('sweepSla');
    for (const [id] of QUEUE)
      expect([cell(em, id, 'First response due'), cell(em, id, 'SLA state'), cell(em, id, 'Policy')]).toEqual(before[id]);
    // An edit on the moved row lands on that ticket.
    em.clock.set(mt('2026-11-02T11:40'));
    em.edit('Tickets', `${columnLetters(header(em).indexOf('Status') + 1)}${rowOf(em, 'T-000003')}`, 'Resolved');
    expect((cell(em, 'T-000003', 'Resolved at') as Date).getTime()).toBe(mt('2026-11-02T11:40'));
    // Sort again (the Resolved ticket moves down), then a sweep escalates the right rows.
    em.call('sortQueue');
    expect(ids(em).indexOf('T-000003')).toBeGreaterThan(ids(em).indexOf('T-000001'));
    em.clock.set(mt('2026-11-02T13:05'));
    em.call('sweepSla');
    expect(cell(em, 'T-000005', 'SLA state')).toBe('Breached'); // High from 09:00: due 13:00
    expect(cell(em, 'T-000003', 'SLA state')).toBe('Met');
    const details = em.call<{ ticket?: { id?: string } } | null>('ticketDetails', 'T-000005');
    expect(JSON.stringify(details)).toContain('T-000005');
  });
});

describe('queueKeys', () => {
  const row = fc.tuple(
    fc.constantFrom(...PRIORITIES, 'Urgent!'),
    fc.constantFrom(...STATUSES),
    fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
  );
  it('orders a permutation of the non-blank rows: open before Resolved before Closed, then priority, then oldest', () => {
    fc.assert(
      fc.property(fc.array(fc.option(row, { nil: undefined }), { maxLength: 40 }), (rows) => {
        const raw = rows.map((r) => (r === undefined ? ['', '', ''] : [r[1], r[0], r[2] === null ? '' : new Date(r[2] * 60_000)]));
        const keys = queueKeys(raw, { status: 0, priority: 1, receivedAt: 2 });
        const keyed = keys.map((k, i) => ({ k, r: raw[i]! })).filter((x) => x.k !== '');
        expect(keyed.length).toBe(rows.filter((r) => r !== undefined).length);
        expect(new Set(keyed.map((x) => x.k)).size).toBe(keyed.length);
        const sorted = [...keyed].sort((a, b) => (a.k < b.k ? -1 : 1)).map((x) => x.r);
        const g = (s: unknown) => (s === 'Resolved' ? 1 : s === 'Closed' ? 2 : 0);
        const p = (s: unknown) => (PRIORITIES.includes(s as never) ? PRIORITIES.indexOf(s as never) : 4);
        const t = (d: unknown) => (d instanceof Date ? d.getTime() : Number.MAX_SAFE_INTEGER);
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!;
          const b = sorted[i]!;
          const cmp = g(a[0]) - g(b[0]) || p(a[1]) - p(b[1]) || t(a[2]) - t(b[2]);
          expect(cmp).toBeLessThanOrEqual(0);
        }
        const resorted = sorted.concat(raw.filter((_, i) => keys[i] === ''));
        expect(inQueueOrder(queueKeys(resorted, { status: 0, priority: 1, receivedAt: 2 }))).toBe(true);
      }),
    );
  });
});
