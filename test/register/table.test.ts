import fc from 'fast-check';
import { appendRows, applyPlan, planWrites, problemWrites, readTable, writesByKey } from '../../src/register/table';
import { TicketsTab, HoursTab, ContactsTab } from '../../src/register/tabs';
import { headersOf } from '../../src/register/tab-spec';
import { CELL_LIMIT, fitCell, plainText } from '../../src/register/safe-text';
import { MemoryPort } from '../support/memory-port';

const ticketHeader = headersOf(TicketsTab);

function ticketRow(id: string, extra: Record<string, unknown> = {}, header = ticketHeader): unknown[] {
  const rec: Record<string, unknown> = {
    'Ticket ID': id,
    'Client ID': 'ACME',
    Status: 'Open',
    Priority: 'High',
    Subject: `Subject ${id}`,
    ...extra,
  };
  return header.map((h) => rec[h] ?? '');
}

describe('readTable', () => {
  it('finds columns by header when users reorder them and add their own', () => {
    const header = ['My notes', ...ticketHeader].reverse();
    const port = new MemoryPort([header, ticketRow('T-000001', { 'My notes': 'call back' }, header), ticketRow('T-000002', {}, header)]);
    const table = readTable(port, TicketsTab);
    expect(table.missing).toEqual([]);
    expect(table.rows.map((r) => r.data['Ticket ID'])).toEqual(['T-000001', 'T-000002']);
    expect(table.byKey('T-000002')!.data.Priority).toBe('High');
    expect(port.calls).toEqual(['readAll']);
  });

  it('reports invalid rows with the reason and skips them, without failing the read', () => {
    const port = new MemoryPort([
      ticketHeader,
      ticketRow('T-000001'),
      ticketRow('T-000002', { Priority: 'Urgent!!' }),
      ticketRow('', {}),
      ticketRow('T-000001', {}),
    ]);
    const table = readTable(port, TicketsTab);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(table.problems.map((p) => p.rowNumber)).toEqual([3, 4, 5]);
    expect(table.problems[0]!.message).toMatch(/Priority must be one of: Critical, High, Medium, Low/);
    expect(table.problems[1]!.message).toMatch(/Ticket ID is required/);
    expect(table.problems[2]!.message).toMatch(/used again \(first at row 2\)/);
  });

  it('matches vocabularies case-insensitively and fills defaults for blanks', () => {
    const port = new MemoryPort([ticketHeader, ticketRow('T-1', { Priority: 'critical', Status: '', Reason: '' })]);
    const row = readTable(port, TicketsTab).rows[0]!.data;
    expect(row.Priority).toBe('Critical');
    expect(row.Status).toBe('New');
    expect(row.Reason).toBe('Unclassified');
  });

  it('skips blank rows silently and names a tab without headers', () => {
    const port = new MemoryPort([ticketHeader, ticketHeader.map(() => ''), ticketRow('T-1')]);
    expect(readTable(port, TicketsTab).rows).toHaveLength(1);
    expect(() => readTable(new MemoryPort([]), TicketsTab)).toThrow(/Tickets tab has no header row/);
  });

  it('parses hours typed as 1.5, 1:30 and 90m and flags nonsense', () => {
    const h = headersOf(HoursTab);
    const row = (hours: unknown) =>
      h.map(
        (c) =>
          (({ Date: new Date(), 'Client ID': 'ACME', Person: 'ann', Activity: 'Training', Hours: hours }) as Record<string, unknown>)[c] ??
          '',
      );
    const port = new MemoryPort([h, row(1.5), row('1:30'), row('90m'), row('lots'), row(-1), row(30)]);
    const t = readTable(port, HoursTab);
    expect(t.rows.map((r) => r.data.Hours)).toEqual([1.5, 1.5, 1.5]);
    expect(t.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/"lots" is not a duration/),
      expect.stringMatching(/more than 0/),
      expect.stringMatching(/cannot exceed 24/),
    ]);
  });
});

describe('planWrites', () => {
  it('writes only changed automation-owned cells, merging adjacent owned columns into one block', () => {
    const port = new MemoryPort([ticketHeader, ticketRow('T-1'), ticketRow('T-2'), ticketRow('T-3')]);
    const table = readTable(port, TicketsTab);
    const due = new Date('2026-11-30T18:10:00Z');
    const { writes, notFound } = writesByKey(table, [
      { key: 'T-1', values: { 'First response due': due, 'SLA state': 'On track' } },
      { key: 'T-3', values: { 'First response due': due, 'SLA state': 'At risk' } },
      { key: 'T-9', values: { 'SLA state': 'Met' } },
    ]);
    expect(notFound).toEqual(['T-9']);
    const plan = planWrites(table, writes);
    // Columns First response due … SLA state are all automation-owned and adjacent: one block.
    expect(plan.blocks).toHaveLength(1);
    applyPlan(port, plan);
    const again = readTable(port, TicketsTab);
    expect(again.byKey('T-3')!.data['SLA state']).toBe('At risk');
    expect(again.byKey('T-2')!.data['SLA state']).toBeNull();
    expect((again.byKey('T-1')!.data['First response due'] as Date).getTime()).toBe(due.getTime());
    expect(port.calls.filter((c) => c.startsWith('write'))).toHaveLength(1);
  });

  it('writes nothing when nothing changed', () => {
    const port = new MemoryPort([ticketHeader, ticketRow('T-1', { 'SLA state': 'Met' })]);
    const table = readTable(port, TicketsTab);
    const plan = planWrites(table, writesByKey(table, [{ key: 'T-1', values: { 'SLA state': 'Met' } }]).writes);
    expect(plan.blocks).toEqual([]);
  });

  it('never writes a people-owned column unless asked to, and never uses one as filler', () => {
    const port = new MemoryPort([ticketHeader, ticketRow('T-1')]);
    const table = readTable(port, TicketsTab);
    expect(() => planWrites(table, [{ rowNumber: 2, header: 'Status', value: 'Closed' }])).toThrow(/belongs to people/);
    // Subject (owned) and Received at (owned) are separated by people-owned Reason…Assignee.
    const plan = planWrites(table, [
      { rowNumber: 2, header: 'Subject', value: 'x' },
      { rowNumber: 2, header: 'Received at', value: new Date(0) },
    ]);
    expect(plan.blocks).toHaveLength(2);
  });

  it('lands every write on the row that holds the key now, even after a user sorted the tab', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([1, 2, 3, 4, 5, 6, 7, 8], { minLength: 8, maxLength: 8 }),
        fc.subarray([1, 2, 3, 4, 5, 6, 7, 8]),
        (order, changed) => {
          const ids = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `T-${n}`);
          const port = new MemoryPort([ticketHeader, ...ids.map((id) => ticketRow(id))]);
          const stale = readTable(port, TicketsTab);
          // The user sorts the tab between the job's first read and its write …
          port.rows = [ticketHeader, ...order.map((n) => ticketRow(`T-${n}`))];
          // … so the job re-reads under the lock and addresses rows by key.
          const fresh = readTable(port, TicketsTab);
          const updates = changed.map((n) => ({ key: `T-${n}`, values: { 'Escalation tier': n } }));
          applyPlan(port, planWrites(fresh, writesByKey(fresh, updates).writes));
          const after = readTable(port, TicketsTab);
          for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
            expect(after.byKey(`T-${n}`)!.data['Escalation tier']).toBe(changed.includes(n) ? n : null);
            expect(after.byKey(`T-${n}`)!.data.Subject).toBe(`Subject T-${n}`);
          }
          expect(stale.rows).toHaveLength(8);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes notes for runs of consecutive rows only', () => {
    const port = new MemoryPort([ticketHeader, ticketRow('T-1'), ticketRow('T-2'), ticketRow('T-3')]);
    const table = readTable(port, TicketsTab);
    const { writes } = writesByKey(table, [
      { key: 'T-1', values: {}, notes: { 'First response due': 'a' } },
      { key: 'T-2', values: {}, notes: { 'First response due': 'b' } },
      { key: 'T-3', values: {}, notes: {} },
    ]);
    const plan = planWrites(table, writes);
    expect(plan.notes).toEqual([{ row: 2, column: ticketHeader.indexOf('First response due') + 1, notes: [['a'], ['b']] }]);
  });
});

describe('note writes', () => {
  it('with the note columns read, scattered note changes go out as one block per column, keeping the other notes', () => {
    const port = new MemoryPort([ticketHeader, ...[1, 2, 3, 4, 5].map((n) => ticketRow(`T-${n}`))]).enableNoteReads();
    const col = ticketHeader.indexOf('First response due') + 1;
    port.notes.set(`3,${col}`, 'kept');
    const table = readTable(port, TicketsTab);
    expect(port.calls).toContain(`readNotes ${col}-${ticketHeader.indexOf('Resolution due') + 1}`);
    const { writes } = writesByKey(table, [
      { key: 'T-1', values: {}, notes: { 'First response due': 'one' } },
      { key: 'T-4', values: {}, notes: { 'First response due': 'four' } },
    ]);
    const plan = planWrites(table, writes);
    expect(plan.notes).toEqual([{ row: 2, column: col, notes: [['one'], ['kept'], [''], ['four']] }]);
  });
});

describe('appendRows and outside text', () => {
  it('appends in one call, laid out by the current header, with outside text kept literal', () => {
    const header = ['Extra', ...headersOf(ContactsTab)];
    const port = new MemoryPort([header]);
    const table = readTable(port, ContactsTab);
    appendRows(port, table, [
      { Email: 'a@x.com', Name: '=HYPERLINK("http://evil")', 'Client ID': 'ACME', Phone: '+1 (555) 0100' },
      { Email: 'b@x.com', Name: '00123', 'Client ID': 'ACME', Phone: '0044 20 7946 0000' },
    ]);
    expect(port.calls).toEqual(['readAll', 'append 2']);
    const rows = readTable(port, ContactsTab).rows.map((r) => r.data);
    expect(rows[0]!.Name).toBe('=HYPERLINK("http://evil")');
    expect(rows[0]!.Phone).toBe('+1 (555) 0100');
    expect(rows[1]!.Name).toBe('00123');
    expect(port.rows[1]![0]).toBe('');
  });

  it('cuts over-long text to the cell limit with a visible marker', () => {
    const long = 'x'.repeat(CELL_LIMIT * 2);
    const cut = fitCell(long);
    expect(plainText(long).length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(cut).toMatch(/… \[cut: \d+ more characters\]$/);
    const omitted = Number(/cut: (\d+)/.exec(cut)![1]);
    expect(cut.indexOf(' … [cut') + omitted).toBe(long.length);
    expect(fitCell('short')).toBe('short');
  });

  it('flags invalid rows in Problems and clears the flag once fixed', () => {
    const h = headersOf(ContactsTab);
    const port = new MemoryPort([h, h.map((c) => (({ Email: 'not-an-address', 'Client ID': 'ACME' }) as Record<string, string>)[c] ?? '')]);
    let table = readTable(port, ContactsTab);
    applyPlan(port, planWrites(table, problemWrites(table)));
    expect(port.rows[1]![h.indexOf('Problems')]).toMatch(/Email is not an e-mail address/);
    port.rows[1]![h.indexOf('Email')] = 'ok@acme.com';
    table = readTable(port, ContactsTab);
    applyPlan(port, planWrites(table, problemWrites(table)));
    expect(port.rows[1]![h.indexOf('Problems')]).toBe('');
  });
});
