import { DateTime } from 'luxon';
import { headersOf } from '../../src/register/tab-spec';
import { ClientsTab, TicketsTab } from '../../src/register/tabs';
import { emulator } from '../support/emulator';
import type { Emulator } from '../../src/local/emulator';

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();

function put(em: Emulator, tab: string, records: Record<string, unknown>[], headers: string[]) {
  em.workbook.writeRaw(
    tab,
    records.map((r) => headers.map((h) => (r[h] ?? '') as never)),
    2,
    1,
  );
}

const col = (em: Emulator, tab: string, h: string) => (em.workbook.sheetValues(tab)[0] as string[]).indexOf(h);
const cell = (em: Emulator, tab: string, row: number, h: string) => em.workbook.sheetValues(tab)[row - 1]![col(em, tab, h)];
const noteOf = (em: Emulator, tab: string, row: number, h: string) => em.workbook.requireSheet(tab).note(row, col(em, tab, h) + 1);

/** ACME on the default calendar (MT-8-5), one High ticket received Monday 09:00, and the default calendar broken by `breakIt`. */
function register(breakIt: (em: Emulator, calendarRow: number) => void): Emulator {
  const em = emulator({ now: mt('2026-11-02T08:00') });
  em.call('setup');
  put(
    em,
    'Clients',
    [{ 'Client ID': 'ACME', Name: 'Acme Corp', Plan: 'Standard', 'CSM email': 'csm@helpdesk.test', Status: 'Active' }],
    headersOf(ClientsTab),
  );
  put(
    em,
    'Tickets',
    [
      {
        'Ticket ID': 'T-000001',
        'Client ID': 'ACME',
        Requester: 'ann@acme.test',
        Subject: 'Outage',
        Priority: 'High',
        Status: 'Open',
        'Received at': new Date(mt('2026-11-02T09:00')),
      },
    ],
    headersOf(TicketsTab),
  );
  const cals = em.workbook.sheetValues('Calendars');
  const row = cals.findIndex((r) => r[col(em, 'Calendars', 'Calendar ID')] === 'MT-8-5') + 1;
  expect(row).toBeGreaterThan(1);
  breakIt(em, row);
  return em;
}

const sweepAt = (em: Emulator, iso: string) => {
  em.clock.set(mt(iso));
  const r = em.run<string>('sweepSla');
  expect(r.error).toBeUndefined();
  return r.value!;
};

describe('a broken calendar fails safe: open tickets count on the SLA fallback calendar', () => {
  const cases: [string, (em: Emulator, row: number) => void][] = [
    ['Tuesday typed 08:00-25:00', (em, row) => em.workbook.writeRaw('Calendars', [['08:00-25:00']], row, col(em, 'Calendars', 'Tue') + 1)],
    [
      'zone typed America/Denvr',
      (em, row) => em.workbook.writeRaw('Calendars', [['America/Denvr']], row, col(em, 'Calendars', 'Time zone') + 1),
    ],
  ];
  for (const [name, breakIt] of cases) {
    it(`${name}: the breached ticket becomes Breached, the CSM hears, and the sheet says why`, () => {
      const em = register(breakIt);
      expect(sweepAt(em, '2026-11-02T10:00')).toMatch(/^Swept 1 ticket/);
      expect(cell(em, 'Tickets', 2, 'SLA state')).toBe('On track');
      // The default calendar is the broken one, so the fallback is round the clock: 4 h after 09:00.
      expect((cell(em, 'Tickets', 2, 'First response due') as Date).getTime()).toBe(mt('2026-11-02T13:00'));
      expect(noteOf(em, 'Tickets', 2, 'First response due')).toMatch(/Calendar MT-8-5 .*counted on the fallback 24×7 in America\/Denver/);
      expect(String(cell(em, 'Tickets', 2, 'Problems'))).toMatch(/Calendar MT-8-5 .*fallback 24×7/);

      sweepAt(em, '2026-11-02T13:05');
      expect(cell(em, 'Tickets', 2, 'SLA state')).toBe('Breached');
      expect(em.mailbox.sent.map((m) => m.to)).toEqual(['csm@helpdesk.test']);
      const calRow = em.workbook.sheetValues('Calendars').findIndex((r) => r[col(em, 'Calendars', 'Calendar ID')] === 'MT-8-5') + 1;
      expect(String(cell(em, 'Calendars', calRow, 'Problems'))).not.toBe('');
      const log = em.workbook.sheetValues('Log').map((r) => String(r[col(em, 'Log', 'Action')]));
      expect(log).toContain('SLA fallback');
    });
  }

  it('a named fallback calendar is used, and fixing the calendar clears the Problems cell', () => {
    const em = register((e, row) => e.workbook.writeRaw('Calendars', [['08:00-25:00']], row, col(e, 'Calendars', 'Tue') + 1));
    const settings = em.workbook.sheetValues('Settings');
    const keyRow = settings.findIndex((r) => r[col(em, 'Settings', 'Key')] === 'SLA fallback calendar') + 1;
    expect(keyRow).toBeGreaterThan(1);
    em.workbook.writeRaw('Settings', [['24x7']], keyRow, col(em, 'Settings', 'Value') + 1);
    sweepAt(em, '2026-11-02T10:00');
    expect(noteOf(em, 'Tickets', 2, 'First response due')).toMatch(/fallback 24x7 \(Settings → SLA fallback calendar\)/);
    const calRow = em.workbook.sheetValues('Calendars').findIndex((r) => r[col(em, 'Calendars', 'Calendar ID')] === 'MT-8-5') + 1;
    em.workbook.writeRaw('Calendars', [['08:00-17:00']], calRow, col(em, 'Calendars', 'Tue') + 1);
    sweepAt(em, '2026-11-02T10:10');
    expect(cell(em, 'Tickets', 2, 'Problems')).toBe('');
    expect(noteOf(em, 'Tickets', 2, 'First response due')).not.toMatch(/fallback/);
  });
});
