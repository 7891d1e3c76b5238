import { DateTime } from 'luxon';
import { emulator, snapshot } from '../support/emulator';
import type { Emulator } from '../../src/local/emulator';
import { columnLetters } from '../../src/local/emulator/spreadsheet/a1';
import { day, fill } from './billing-register';

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();

/** A small register: one client, one open ticket, one Hours row; the automation installed (the edit trigger). */
function register(): Emulator {
  const em = emulator({ now: mt('2026-11-10T09:00'), clockFollowsCalls: false });
  em.call('setup');
  fill(em, 'Clients', [
    { 'Client ID': 'ACME', Name: 'Acme Corp', Plan: 'Standard', 'Monthly hours': 10, 'CSM email': 'csm@helpdesk.test', Status: 'Active' },
  ]);
  fill(em, 'Tickets', [
    {
      'Ticket ID': 'T-000001',
      'Client ID': 'ACME',
      Requester: 'ann@acme.test',
      Subject: 'Help',
      Priority: 'High',
      Status: 'Open',
      'Received at': { $date: mt('2026-11-09T09:00') },
    },
  ]);
  fill(em, 'Hours', [
    { Date: day('2026-11-09'), 'Client ID': 'ACME', Person: 'csm@helpdesk.test', Activity: 'Status updates', Hours: '1.5' },
  ]);
  em.call('installTriggers');
  return em;
}

const headerOf = (em: Emulator, tab: string) => em.workbook.sheetValues(tab)[0] as string[];
function rename(em: Emulator, tab: string, from: string, to: string) {
  const c = headerOf(em, tab).indexOf(from);
  expect(c).toBeGreaterThanOrEqual(0);
  em.workbook.writeRaw(tab, [[to]], 1, c + 1);
}
const logLines = (em: Emulator) => {
  const [h, ...rows] = em.workbook.sheetValues('Log') as string[][];
  return rows.map((r) => `${r[h!.indexOf('Action')]}: ${r[h!.indexOf('Detail')]}`);
};
/** Everything but the Log, which must get the one line. */
const sheetState = (em: Emulator) => (snapshot(em) as { name: string }[]).filter((t) => t.name !== 'Log');

describe('required columns stop every job before it writes', () => {
  const cases: [string, string, string, string, (em: Emulator) => string][] = [
    [
      'the hours check',
      'Hours',
      'Activity',
      'Hours has no Activity column: the hours check did not run',
      (em) => em.run<string>('checkHours').value!,
    ],
    [
      'billing',
      'Clients',
      'Hourly rate',
      'Clients has no Hourly rate column: the billing did not run',
      (em) => em.run<string>('billMonth', '2026-10').value!,
    ],
    [
      'reapply',
      'Tickets',
      'Priority',
      'Tickets has no Priority column: the reapply did not run',
      (em) => em.run<string>('reapplyPolicies').value!,
    ],
  ];
  for (const [job, tab, column, message, run] of cases) {
    it(`${tab} → ${column} renamed: ${job} stops with one Log line, a toast and no writes`, () => {
      const em = register();
      rename(em, tab, column, `${column} (old)`);
      const before = sheetState(em);
      const logBefore = logLines(em).length;
      const sentBefore = em.mailbox.sent.length;
      expect(run(em)).toContain(message);
      expect(sheetState(em)).toEqual(before);
      expect(em.mailbox.sent.length).toBe(sentBefore);
      const added = logLines(em).slice(logBefore);
      expect(added).toHaveLength(1);
      expect(added[0]).toContain(message);
      // Billing from the menu (Close month…) shows its result in an alert; the others toast.
      if (job !== 'billing') expect(em.workbook.ui.toasts.at(-1)?.message ?? '').toContain(message);
    });
  }

  it('Tickets → Priority renamed: the edit handler stops with one Log line and a toast, and writes nothing', () => {
    const em = register();
    rename(em, 'Tickets', 'Priority', 'Prio');
    const statusCol = headerOf(em, 'Tickets').indexOf('Status') + 1;
    const logBefore = logLines(em).length;
    const r = em.edit('Tickets', `${columnLetters(statusCol)}2`, 'Resolved', { user: 'kim@helpdesk.test' });
    const row = em.workbook.sheetValues('Tickets')[1] as unknown[];
    const h = headerOf(em, 'Tickets');
    expect(row[h.indexOf('Resolved at')]).toBe('');
    expect(row[h.indexOf('First response due')]).toBe('');
    for (const run of r.installed) expect(run.result.error).toBeUndefined();
    const added = logLines(em).slice(logBefore);
    expect(added).toEqual([expect.stringContaining('Tickets has no Priority column: the edit handler did not run')]);
    expect(em.workbook.ui.toasts.at(-1)?.message ?? '').toContain('Tickets has no Priority column');
  });
});
