import { DateTime } from 'luxon';
import { headersOf } from '../../src/register/tab-spec';
import { ClientsTab, TicketsTab } from '../../src/register/tabs';
import { emulator } from '../support/emulator';
import type { Emulator } from '../../src/local/emulator';

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();

function put(em: Emulator, tab: string, headers: string[], records: Record<string, unknown>[], startRow = 2) {
  em.workbook.writeRaw(
    tab,
    records.map((r) => headers.map((h) => (r[h] ?? '') as never)),
    startRow,
    1,
  );
}

function register(tickets: number, opts: { now?: number } = {}): Emulator {
  const em = emulator({ now: opts.now ?? mt('2026-11-02T08:00') });
  em.call('setup');
  put(em, 'Clients', headersOf(ClientsTab), [
    {
      'Client ID': 'ACME',
      Name: 'Acme Corp',
      Plan: 'Standard',
      'CSM email': 'csm@helpdesk.test',
      'Escalation matrix': 'CSM-Director-VP',
      Status: 'Active',
    },
  ]);
  // Escalation rows seeded by setup: fill in the Director's and VP's addresses.
  const esc = em.workbook.sheetValues('Escalation');
  const h = esc[0] as string[];
  esc.forEach((row, i) => {
    if (row[h.indexOf('Title')] === 'Director Client Success')
      em.workbook.writeRaw('Escalation', [['director@helpdesk.test']], i + 1, h.indexOf('Email') + 1);
    if (row[h.indexOf('Title')] === 'VP Client Success')
      em.workbook.writeRaw('Escalation', [['vp@helpdesk.test']], i + 1, h.indexOf('Email') + 1);
  });
  const th = headersOf(TicketsTab);
  const rows: Record<string, unknown>[] = [];
  for (let i = 1; i <= tickets; i++) {
    rows.push({
      'Ticket ID': `T-${String(i).padStart(6, '0')}`,
      'Client ID': 'ACME',
      Requester: 'ann@acme.test',
      Subject: `Help ${i}`,
      Priority: i === 1 ? 'High' : 'Low',
      Status: 'Open',
      Assignee: 'sam@helpdesk.test',
      'Received at': new Date(mt('2026-11-02T09:00') + (i === 1 ? 0 : 60_000 * (i % 300))),
    });
  }
  put(em, 'Tickets', th, rows);
  return em;
}

const col = (em: Emulator, tab: string, h: string) => (em.workbook.sheetValues(tab)[0] as string[]).indexOf(h);
const ticketCell = (em: Emulator, row: number, h: string) => em.workbook.sheetValues('Tickets')[row - 1]![col(em, 'Tickets', h)];

describe('sweepSla in the emulator', () => {
  it('walks a ticket through at risk, breach and breach + 4 h with exactly one mail per tier', () => {
    const em = register(1);
    const sweepAt = (iso: string) => {
      em.clock.set(mt(iso));
      return em.run<string>('sweepSla');
    };
    expect(sweepAt('2026-11-02T10:00').error).toBeUndefined();
    expect(ticketCell(em, 2, 'SLA state')).toBe('On track');
    expect((ticketCell(em, 2, 'First response due') as Date).getTime()).toBe(mt('2026-11-02T13:00'));
    for (const t of [
      '2026-11-02T12:05',
      '2026-11-02T12:15',
      '2026-11-02T13:05',
      '2026-11-02T13:15',
      '2026-11-02T17:05',
      '2026-11-03T09:00',
    ])
      sweepAt(t);
    expect(em.mailbox.sent.map((m) => m.to)).toEqual(['csm@helpdesk.test', 'director@helpdesk.test', 'vp@helpdesk.test']);
    const last = em.mailbox.sent[2]!;
    expect(last.subject).toContain('[#T-000001] Escalation tier 3');
    expect(last.text).toMatch(/#gid=\d+&range=A2/);
    expect(ticketCell(em, 2, 'Escalation tier')).toBe(3);
    const log = em.workbook.sheetValues('Log').map((r) => r[col(em, 'Log', 'Action')]);
    expect(log.filter((a) => String(a).startsWith('Escalated to tier'))).toEqual([
      'Escalated to tier 1',
      'Escalated to tier 2',
      'Escalated to tier 3',
    ]);
  });

  it('escalations due to the same person in one sweep go as one digest mail listing the tickets', () => {
    const em = register(1);
    const n = 25;
    put(
      em,
      'Tickets',
      headersOf(TicketsTab),
      Array.from({ length: n }, (_, i) => ({
        'Ticket ID': `T-${String(i + 1).padStart(6, '0')}`,
        'Client ID': 'ACME',
        Requester: 'ann@acme.test',
        Subject: `Flood ${i + 1}`,
        Priority: 'High',
        Status: 'Open',
        Assignee: 'sam@helpdesk.test',
        'Received at': new Date(mt('2026-11-02T09:00')),
      })),
    );
    em.clock.set(mt('2026-11-02T10:00'));
    em.call('sweepSla');
    // At risk at the product's 80% of High's 4 business hours: 12:12.
    em.clock.set(mt('2026-11-02T12:15'));
    const r = em.run<string>('sweepSla');
    expect(r.error).toBeUndefined();
    expect(em.mailbox.sent).toHaveLength(1);
    const digest = em.mailbox.sent[0]!;
    expect(digest.to).toBe('csm@helpdesk.test');
    expect(digest.subject).toBe(`Escalations: ${n} tickets need attention`);
    for (let i = 1; i <= n; i++) expect(digest.text).toContain(`[#T-${String(i).padStart(6, '0')}] Escalation tier 1`);
    // Each ticket's own record still says it was escalated, and by which mail.
    for (let row = 2; row <= n + 1; row++) {
      expect(ticketCell(em, row, 'Escalation tier')).toBe(1);
      expect(String(ticketCell(em, row, 'Notified'))).toMatch(/one digest mail for 25 tickets/);
    }
    expect(r.value).toMatch(/25 notices sent/);
    // The next sweep sends nothing more for tier 1.
    em.clock.set(mt('2026-11-02T12:25'));
    em.call('sweepSla');
    expect(em.mailbox.sent).toHaveLength(1);
  });

  it('a sweep with nothing to do makes a handful of calls and writes nothing', () => {
    const em = register(1);
    em.clock.set(mt('2026-11-02T10:00'));
    em.call('sweepSla');
    const r = em.run('sweepSla');
    expect(r.error).toBeUndefined();
    const sheetCalls = Object.entries(r.calls.counts).filter(([k]) => k.startsWith('SpreadsheetApp'));
    expect(sheetCalls.filter(([k]) => /setValues|setNotes/.test(k))).toEqual([]);
    // Seven tab reads (Tickets and the six reference tabs), the lock, and the names the Priority
    // cells are written in (one document property read): no per-row calls.
    expect(r.calls.total).toBeLessThanOrEqual(72);
    expect(r.calls.modeledMs).toBeLessThan(3000);
  });

  it('waits for nobody: another run holding the document lock makes the sweep skip', () => {
    const em = register(1);
    em.clock.set(mt('2026-11-02T12:30'));
    em.locks.holdAs('document', 'other run');
    const r = em.run<string>('sweepSla');
    expect(r.value).toMatch(/holds the lock/);
    expect(em.mailbox.sent).toHaveLength(0);
  });

  it('a user sorting Tickets between sweeps loses nothing: rows are found by ID', () => {
    const em = register(3);
    em.clock.set(mt('2026-11-02T12:30'));
    em.call('sweepSla');
    // Reverse the three ticket rows, as a sort would.
    const values = em.workbook.sheetValues('Tickets');
    em.workbook.writeRaw('Tickets', [values[3]!, values[2]!, values[1]!] as never, 2, 1);
    em.clock.set(mt('2026-11-02T13:30'));
    em.call('sweepSla');
    const rows = em.workbook.sheetValues('Tickets');
    const high = rows.findIndex((r) => r[0] === 'T-000001');
    expect(high).toBe(3);
    expect(rows[high]![col(em, 'Tickets', 'SLA state')]).toBe('Breached');
    expect(rows[high]![col(em, 'Tickets', 'Escalation tier')]).toBe(2);
    expect(em.mailbox.sent.map((m) => m.to)).toEqual(['csm@helpdesk.test', 'director@helpdesk.test']);
  });

  it.each([1_000, 10_000])(
    'sweeps %i open tickets with a constant number of Sheet calls inside the 6-minute limit',
    (n) => {
      const em = register(n);
      em.clock.set(mt('2026-11-02T10:00'));
      const first = em.run<string>('sweepSla');
      expect(first.error).toBeUndefined();
      const again = em.run<string>('sweepSla');
      const sheet = (r: typeof first) =>
        Object.entries(r.calls.counts)
          .filter(([k]) => k.startsWith('SpreadsheetApp'))
          .reduce((s, [, v]) => s + v, 0);
      // The same small set of calls as for one ticket: reads, one re-read and a few block
      // writes — plus, on this first sweep, building the Dashboard tab and its charts (the
      // sweep refreshes it at most hourly, so the steady sweep below has none of that), and
      // the Log growing past its rows by one block, which gives the new rows the Log's
      // formats and protections once (src/gas/extend-tab.ts).
      expect(sheet(first)).toBeLessThanOrEqual(270);
      expect(sheet(again)).toBeLessThanOrEqual(70);
      expect(first.calls.modeledMs).toBeLessThan(6 * 60_000);
      console.log(
        `sweep ${n} tickets: first ${sheet(first)} sheet calls, ${first.calls.modeledMs} ms modeled; steady ${sheet(again)} calls, ${again.calls.modeledMs} ms`,
      );
    },
    120_000,
  );
});

describe('sweepSla checks the columns it needs before touching anything', () => {
  it('a renamed Priority header stops the sweep with one Log line, and nothing is written or sent', () => {
    const em = register(1);
    em.clock.set(mt('2026-11-02T10:00'));
    em.run('sweepSla');
    const p = col(em, 'Tickets', 'Priority');
    em.workbook.writeRaw('Tickets', [['Prio']], 1, p + 1);
    const before = em.workbook.sheetValues('Tickets');
    const logBefore = em.workbook.sheetValues('Log').length;
    em.clock.set(mt('2026-11-02T13:15')); // the High ticket's first response is breached
    const r = em.run<string>('sweepSla');
    expect(r.error).toBeUndefined();
    expect(String(r.value)).toMatch(/^Tickets has no Priority column: the sweep did not run\./);
    expect(em.workbook.sheetValues('Tickets')).toEqual(before);
    expect(em.mailbox.sent).toHaveLength(0);
    const added = em.workbook.sheetValues('Log').slice(logBefore);
    expect(added).toHaveLength(1);
    expect(added[0]![col(em, 'Log', 'Detail')]).toMatch(/Tickets has no Priority column: the sweep did not run/);
  });
});
