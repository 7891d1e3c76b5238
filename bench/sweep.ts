/**
 * `npm run bench -- sweep`: the real `sweepSla` of build/Code.js in the emulator over
 * 1,000, 10,000 and 50,000 open tickets; prints Sheet calls, total service calls and the
 * emulator's modeled Apps Script time for a first sweep (every row gets its due times and
 * state) and a steady one (nothing changed). The 6-minute limit applies to modeled time.
 * A benchmark, not a test: host time varies by machine; the call counts do not.
 */
import { DateTime } from 'luxon';
import { loadEmulator } from '../src/local/emulator';
import { ensureBundle } from '../src/local/bundle';
import { headersOf } from '../src/register/tab-spec';
import { ClientsTab, TicketsTab } from '../src/register/tabs';

const ZONE = 'America/Denver';
const mt = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'];

async function register(n: number) {
  const em = await loadEmulator(
    { user: 'support@helpdesk.test', scriptTimeZone: 'America/Denver', now: mt('2026-11-02T08:00') },
    ensureBundle(),
  );
  em.call('setup');
  const row = (headers: string[], r: Record<string, unknown>) => headers.map((h) => (r[h] ?? '') as never);
  em.workbook.writeRaw(
    'Clients',
    [
      row(headersOf(ClientsTab), {
        'Client ID': 'ACME',
        Name: 'Acme Corp',
        Plan: 'Standard',
        'CSM email': 'csm@helpdesk.test',
        'Escalation matrix': 'CSM-Director-VP',
        Status: 'Active',
      }),
    ],
    2,
    1,
  );
  const th = headersOf(TicketsTab);
  const rows = [];
  for (let i = 1; i <= n; i++) {
    rows.push(
      row(th, {
        'Ticket ID': `T-${String(i).padStart(6, '0')}`,
        'Client ID': 'ACME',
        Requester: 'ann@acme.test',
        Subject: `Help ${i}`,
        Priority: PRIORITIES[i % 4],
        Status: 'Open',
        Assignee: 'sam@helpdesk.test',
        // Opened this morning, so the 10:00 sweeps measure the Sheet work, not mail (the escalation tests cover mail).
        'Received at': new Date(mt('2026-11-02T09:00') + 1_000 * (i % 3600)),
      }),
    );
  }
  em.workbook.writeRaw('Tickets', rows, 2, 1);
  return em;
}

export async function benchSweep(): Promise<void> {
  const sizes = (process.argv[3] ?? '1000,10000,50000').split(',').map(Number);
  process.stdout.write(
    '| open tickets | sweep | Sheet calls | all service calls | mails | modeled Apps Script time | host time |\n|---:|---|---:|---:|---:|---:|---:|\n',
  );
  for (const n of sizes) {
    const em = await register(n);
    em.clock.set(mt('2026-11-02T10:00'));
    for (const kind of ['first', 'steady'] as const) {
      const sentBefore = em.mailbox.outgoing.length;
      const t0 = performance.now();
      const r = em.run<string>('sweepSla');
      const host = performance.now() - t0;
      if (r.error) throw r.error;
      const sheet = Object.entries(r.calls.counts)
        .filter(([k]) => k.startsWith('SpreadsheetApp.'))
        .reduce((s, [, v]) => s + v, 0);
      const mails = em.mailbox.outgoing.length - sentBefore;
      process.stdout.write(
        `| ${n.toLocaleString('en-US')} | ${kind} | ${sheet} | ${r.calls.total} | ${mails} | ${(r.calls.modeledMs / 1000).toFixed(1)} s | ${(host / 1000).toFixed(1)} s |\n`,
      );
    }
  }
}
