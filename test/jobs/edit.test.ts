import fc from 'fast-check';
import { handleTicketEdit } from '../../src/jobs/edits/handle-edit';
import { instantOfSerial, valueFromEventText } from '../../src/jobs/edits/event-value';
import type { EditSheetPort, TicketEdit } from '../../src/jobs/edits/ports';
import { eventText } from '../../src/local/emulator/edit-event';
import { fixture, mt, ticket, type Fixture } from './sweep-fixture';

function editPorts(f: Fixture) {
  const port = f.wb.tabs.get('Tickets')!;
  const width = () => (port.rows[0] ?? []).length;
  const tickets: EditSheetPort = {
    name: 'Tickets',
    readHeader: () => (port.calls.push('readHeader'), [...port.rows[0]!]),
    readRows: (first, count) => {
      port.calls.push(`readRows ${first}+${count}`);
      return port.rows.slice(first - 1, first - 1 + count).map((r) => [...r, ...new Array(Math.max(0, width() - r.length)).fill('')]);
    },
    lastRow: () => port.rows.length,
    readColumn: (c) => port.rows.slice(1).map((r) => r[c - 1]),
    writeBlocks: (b) => port.writeBlocks(b),
    writeNotes: (n) => port.writeNotes(n),
  };
  const { workbook, clock, lock, log } = f.ports();
  const kv = new Map<string, string>();
  const state = {
    get: (k: string) => kv.get(k) ?? null,
    set: (k: string, v: string) => void kv.set(k, v),
    delete: (k: string) => void kv.delete(k),
  };
  return { workbook, tickets, clock, lock, log, state };
}

const col = (f: Fixture, h: string) => (f.wb.tabs.get('Tickets')!.rows[0] as string[]).indexOf(h) + 1;
const edit = (over: Partial<TicketEdit> & Pick<TicketEdit, 'row' | 'column'>): TicketEdit => ({
  sheetName: 'Tickets',
  numRows: 1,
  numColumns: 1,
  user: 'kim@helpdesk.test',
  ...over,
});

describe('edit event values', () => {
  it('a date cell’s oldValue (a Sheets serial in the spreadsheet zone) reads back as the same instant, across DST', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom('America/Denver', 'Europe/London', 'Australia/Sydney', 'UTC'),
        (ms0, zone) => {
          const ms = Math.floor(ms0 / 1000) * 1000;
          const text = eventText(new Date(ms), zone)!;
          const back = valueFromEventText(text, 'datetime', zone) as Date;
          // A repeated local hour (DST end) is ambiguous in wall time; both readings are that wall time.
          expect(Math.abs(back.getTime() - ms) === 0 || Math.abs(back.getTime() - ms) === 3_600_000).toBe(true);
        },
      ),
    );
    expect(instantOfSerial(46328.375, 'America/Denver')).toBe(mt('2026-11-02T09:00'));
    expect(valueFromEventText('3', 'number', 'UTC')).toBe(3);
    expect(valueFromEventText('', 'datetime', 'UTC')).toBe('');
  });
});

describe('handleTicketEdit over ports', () => {
  it('a paste of Priority over three rows recomputes them in one read of those rows and logs each change', () => {
    const f = fixture([
      ticket('T-000001', { Priority: 'Low' }),
      ticket('T-000002', { Priority: 'Low' }),
      ticket('T-000003', { Priority: 'Low' }),
      ticket('T-000004', { Priority: 'Low' }),
    ]);
    const p = editPorts(f);
    f.now = mt('2026-11-02T10:00');
    // The sheet already holds the pasted values (the trigger fires after the edit).
    for (const r of [3, 4]) f.wb.tabs.get('Tickets')!.rows[r - 1]![col(f, 'Priority') - 1] = 'Critical';
    const calls = f.wb.tabs.get('Tickets')!.calls;
    calls.length = 0;
    const r = handleTicketEdit(p, edit({ row: 3, column: col(f, 'Priority'), numRows: 2 }));
    expect(r).toMatchObject({ outcome: 'done', recomputed: 2, restored: 0 });
    expect(calls.filter((c) => c.startsWith('read'))).toEqual(['readHeader', 'readRows 3+2']);
    expect(f.wb.ticket('T-000001')['First response due']).toBe('');
    expect((f.wb.ticket('T-000002')['First response due'] as Date).getTime()).toBe(mt('2026-11-02T11:00'));
    expect((f.wb.ticket('T-000003')['First response due'] as Date).getTime()).toBe(mt('2026-11-02T11:00'));
    expect(f.log.lines.filter((l) => l.action === 'Policy applied').map((l) => l.ticketId)).toEqual(['T-000002', 'T-000003']);
  });

  it('a Client ID typed that does not exist is reported in Problems and the toast, not guessed', () => {
    const f = fixture([ticket('T-000001')]);
    f.wb.tabs.get('Tickets')!.rows[1]![col(f, 'Client ID') - 1] = 'NOPE';
    const r = handleTicketEdit(editPorts(f), edit({ row: 2, column: col(f, 'Client ID'), oldValue: 'ACME' }));
    expect(r.problems).toBe(1);
    expect(f.wb.ticket('T-000001')['Problems']).toMatch(/Client ID NOPE is not on the Clients tab/);
    expect(f.wb.toasts.at(-1)).toMatch(/cannot be evaluated/);
  });

  it('with the lock busy it writes nothing and says the sweep will catch up', () => {
    const f = fixture([ticket('T-000001')]);
    f.locked = true;
    const r = handleTicketEdit(editPorts(f), edit({ row: 2, column: col(f, 'Status'), oldValue: 'Open' }));
    expect(r.outcome).toBe('busy');
    expect(f.wb.tabs.get('Tickets')!.calls.filter((c) => c.startsWith('write'))).toEqual([]);
  });
});
