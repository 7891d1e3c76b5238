import { DateTime } from 'luxon';
import { headersOf } from '../../src/register/tab-spec';
import { ClientsTab } from '../../src/register/tabs';
import { columnLetters } from '../../src/local/emulator/spreadsheet/a1';
import { emulator } from '../support/emulator';
import type { Emulator } from '../../src/local/emulator';
import { fill, day } from './billing-register';

const ZONE = 'America/Denver';
const mt = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

function register(): Emulator {
  const em = emulator({ now: mt('2026-11-02T09:00'), clockFollowsCalls: false });
  em.call('setup');
  em.workbook.writeRaw(
    'Clients',
    [
      headersOf(ClientsTab).map(
        (h) =>
          (
            ({
              'Client ID': 'ACME',
              Name: 'Acme Corp',
              Plan: 'Standard',
              'CSM email': 'csm@helpdesk.test',
              'Monthly hours': 10,
              Status: 'Active',
            }) as Record<string, unknown>
          )[h] ?? '',
      ) as never[],
    ],
    2,
    1,
  );
  em.call('installTriggers');
  return em;
}

const header = (em: Emulator) => em.workbook.sheetValues('Tickets')[0] as string[];
const a1 = (em: Emulator, h: string, row: number) => `${columnLetters(header(em).indexOf(h) + 1)}${row}`;
const cell = (em: Emulator, row: number, h: string) => em.workbook.sheetValues('Tickets')[row - 1]?.[header(em).indexOf(h)];
const type = (em: Emulator, row: number, h: string, value: unknown) => {
  const r = em.edit('Tickets', a1(em, h, row), value, { user: 'kim@helpdesk.test' });
  for (const run of r.installed) expect(run.result.error).toBeUndefined();
};
const logOf = (em: Emulator) => {
  const [h, ...rows] = em.workbook.sheetValues('Log') as unknown[][];
  return rows.map((r) => ({ action: String(r[(h as string[]).indexOf('Action')]), detail: String(r[(h as string[]).indexOf('Detail')]) }));
};

describe('a ticket taken by phone: a person types a new Tickets row', () => {
  it('gets a Ticket ID, a Received at and deadlines; typed cells are kept; it is swept and billed like any other', () => {
    const em = register();
    type(em, 2, 'Client ID', 'ACME');
    expect(cell(em, 2, 'Ticket ID')).toBe('T-000001');
    expect((cell(em, 2, 'Received at') as Date).getTime()).toBe(mt('2026-11-02T09:00'));
    expect(cell(em, 2, 'Status')).toBe('New');
    expect(cell(em, 2, 'Priority')).toBe('Medium');
    // Medium: 8 business hours.
    expect((cell(em, 2, 'First response due') as Date).getTime()).toBe(mt('2026-11-02T17:00'));
    expect(cell(em, 2, 'SLA state')).toBe('On track');
    expect(
      logOf(em).some(
        (l) => l.action === 'Manual ticket' && /T-000001 started on row 2 by kim@helpdesk\.test; Received at stamped/.test(l.detail),
      ),
    ).toBe(true);

    // The person's to type on a manual ticket: Requester, Subject, a First response at.
    type(em, 2, 'Requester', 'caller@acme.test');
    type(em, 2, 'Subject', 'Phoned: cannot log in');
    em.clock.set(mt('2026-11-02T10:00'));
    type(em, 2, 'First response at', '2026-11-02 09:30');
    expect(cell(em, 2, 'Requester')).toBe('caller@acme.test');
    expect(cell(em, 2, 'Subject')).toBe('Phoned: cannot log in');
    expect((cell(em, 2, 'First response at') as Date).getTime()).toBe(mt('2026-11-02T09:30'));
    expect(cell(em, 2, 'SLA state')).toBe('Met');
    expect(logOf(em).some((l) => l.action === 'Put back' || l.action === 'Pasted over')).toBe(false);

    // A second row with a typed Received at keeps it; numbers continue.
    type(em, 3, 'Received at', '2026-11-02 08:15');
    type(em, 3, 'Subject', 'Chat: export fails');
    expect(cell(em, 3, 'Ticket ID')).toBe('T-000002');
    expect((cell(em, 3, 'Received at') as Date).getTime()).toBe(mt('2026-11-02T08:15'));
    expect(logOf(em).some((l) => l.action === 'Manual ticket' && /T-000002 .*Received at kept as typed/.test(l.detail))).toBe(true);
    // No client yet: the row says so.
    expect(String(cell(em, 3, 'Problems'))).toMatch(/Client ID/);
    type(em, 3, 'Client ID', 'ACME');
    expect(cell(em, 3, 'Problems')).toBe('');
    expect((cell(em, 3, 'First response due') as Date).getTime()).toBe(mt('2026-11-02T16:15'));

    // The sweep evaluates them; the inbox check numbers on after them.
    em.clock.set(mt('2026-11-02T17:00'));
    const swept = em.run<string>('sweepSla');
    expect(swept.value).toMatch(/^Swept 2 tickets/);
    expect(cell(em, 3, 'SLA state')).toBe('Breached');

    // Hours logged against a manual ticket count like any other.
    fill(em, 'Hours', [
      {
        Date: day('2026-11-02'),
        'Client ID': 'ACME',
        Person: 'kim@helpdesk.test',
        'Ticket ID': 'T-000001',
        Activity: 'Troubleshooting',
        Hours: '1',
      },
    ]);
    em.call('checkHours');
    const hours = em.workbook.sheetValues('Hours');
    const hh = hours[0] as string[];
    expect(hours[1]![hh.indexOf('Problems')]).toBe('');
    expect(hours[1]![hh.indexOf('Counted')]).toBe(1);
  });
});

describe('manual tickets share the ticket numbers with mail', () => {
  it('a number given to a typed row is never given again by the inbox check, even after the row is deleted', async () => {
    const { seedRegister, rows } = await import('./ingest-support');
    const em = emulator({ now: mt('2026-11-02T09:00'), clockFollowsCalls: false });
    seedRegister(em);
    em.call('installTriggers');
    type(em, 2, 'Client ID', 'ACME');
    expect(cell(em, 2, 'Ticket ID')).toBe('T-000001');
    em.workbook.requireSheet('Tickets').deleteRows(2, 1);
    const at = mt('2026-11-02T09:30');
    await em.mailbox.deliver(
      [
        'From: Ann Lee <ann@acme.com>',
        'To: support@helpdesk.test',
        'Subject: By mail',
        `Date: ${new Date(at).toUTCString()}`,
        'Message-ID: <m-1@acme.com>',
        '',
        'Hi.',
        '',
      ].join('\r\n'),
      { at },
    );
    em.clock.set(mt('2026-11-02T09:40'));
    expect(em.run<string>('ingestInbox').error).toBeUndefined();
    expect(rows(em, 'Tickets').map((t) => t['Ticket ID'])).toEqual(['T-000002']);
  });
});
