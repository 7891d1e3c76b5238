/**
 * Job benchmarks in the emulator (`npm run bench -- jobs`): the inbox run over 100, 500
 * and 2,000 new threads and a 10,000-thread backlog (more than one run's search reads;
 * also alone: `npm run bench -- backlog`), a run that finds nothing new, and the size of build/Code.js
 * (the sweep has its own: `npm run bench -- sweep`). For each run: service calls
 * by method, CPU time on this machine, and the modeled Apps Script time against the
 * 6-minute limit (latency model in src/local/emulator/meter.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { DateTime } from 'luxon';
import { Emulator, MailboxModel, WorkbookModel } from '../src/local/emulator';
import { MAX_RUN_MS } from '../src/local/emulator/meter';
import { ensureBundle } from '../src/local/bundle';
import { fillDemoRegister } from '../src/local/demo/register';
import { CLIENTS, SUPPORT_ADDRESS } from '../src/local/demo/register-data';
import { rawMail } from '../src/local/demo/mail-text';
import { typeRows } from '../src/local/demo/typing';

const ZONE = 'America/Denver';
const code = readFileSync(ensureBundle(), 'utf8');

function freshDesk(now: number): Emulator {
  const em = new Emulator({
    workbook: new WorkbookModel({ name: 'Support Desk', timeZone: ZONE }),
    mailbox: new MailboxModel({ address: SUPPORT_ADDRESS, dailyQuota: 100_000 }),
    user: SUPPORT_ADDRESS,
    scriptTimeZone: ZONE,
    now,
  }).load(code);
  em.call('setup');
  fillDemoRegister(em);
  return em;
}

interface Measured {
  label: string;
  runs: number;
  cpuMs: number;
  modeledMs: number;
  maxRunModeledMs: number;
  calls: Record<string, number>;
  total: number;
  errors: string[];
}

function measure(em: Emulator, label: string, job: string, maxRuns: number, done: () => boolean): Measured {
  const m: Measured = { label, runs: 0, cpuMs: 0, modeledMs: 0, maxRunModeledMs: 0, calls: {}, total: 0, errors: [] };
  do {
    const t0 = performance.now();
    const r = em.run(job);
    m.cpuMs += performance.now() - t0;
    m.runs++;
    m.modeledMs += r.calls.modeledMs;
    m.maxRunModeledMs = Math.max(m.maxRunModeledMs, r.calls.modeledMs);
    m.total += r.calls.total;
    for (const [k, v] of Object.entries(r.calls.counts)) m.calls[k] = (m.calls[k] ?? 0) + v;
    if (r.error) m.errors.push(r.error.message);
    em.clock.advance(5 * 60_000);
  } while (!done() && m.runs < maxRuns);
  return m;
}

function report(m: Measured): void {
  const top = Object.entries(m.calls)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, v]) => `${k.replace(/^(SpreadsheetApp|GmailApp)\./, '')} ${v}`)
    .join(', ');
  const share = ((m.maxRunModeledMs / MAX_RUN_MS) * 100).toFixed(0);
  console.log(
    `${m.label.padEnd(34)} runs ${String(m.runs).padStart(2)}  calls ${String(m.total).padStart(6)}  CPU ${m.cpuMs.toFixed(0).padStart(6)} ms  modeled ${(m.modeledMs / 1000).toFixed(1).padStart(6)} s (largest run ${(m.maxRunModeledMs / 1000).toFixed(1)} s = ${share}% of 6 min)${m.errors.length ? `  ERRORS: ${m.errors[0]}` : ''}`,
  );
  console.log(`${''.padEnd(34)} ${top}; modeled per run ${(m.modeledMs / m.runs / 1000).toFixed(1)} s`);
}

/**
 * Registered requesters for `n` requests, three each: every request is its own ticket (under
 * `Tickets per sender per hour`) and every ticket is acknowledged (within `Acknowledgements
 * per sender per hour`, which also counts all of one run's acknowledgements to a sender), so
 * the bench measures a backlog of real clients' mail, not one sender's flood.
 */
function requesters(em: Emulator, n: number): { email: string; name: string }[] {
  const list = Array.from({ length: Math.ceil(n / 3) }, (_, k) => {
    const c = CLIENTS[k % CLIENTS.length]!;
    return { email: `requester${k}@${c.domain}`, name: `Requester ${k}`, clientId: c.id };
  });
  typeRows(
    em,
    'Contacts',
    list.map((p) => ({ Email: p.email, Name: p.name, 'Client ID': p.clientId, Role: 'User', 'Can open tickets': 'Yes' })),
  );
  return list;
}

async function benchIngest(n: number): Promise<void> {
  const start = DateTime.fromISO('2026-09-14T08:00:00', { zone: ZONE }).toMillis();
  const em = freshDesk(start);
  const contacts = requesters(em, n);
  for (let i = 0; i < n; i++) {
    const p = contacts[i % contacts.length]!;
    await em.mailbox.deliver(
      rawMail({
        from: `${p.name} <${p.email}>`,
        to: SUPPORT_ADDRESS,
        subject: `Request ${i}: export is failing`,
        at: start - (n - i) * 1000,
        messageId: `<bench-${i}@bench.example>`,
        body: `Request number ${i}. The export is failing with an error.`,
      }),
    );
  }
  const ticketCount = () => em.workbook.sheetValues('Tickets').length - 1;
  report(measure(em, `ingest ${n} new threads`, 'ingestInbox', 100, () => ticketCount() >= n && em.run('ingestInbox').calls.total < 40));
  report(measure(em, `ingest, nothing new (${n} tickets)`, 'ingestInbox', 1, () => true));
  // Nothing lost and nothing twice: one ledger row per request, one acknowledgement per ticket.
  const ids = (em.workbook.sheetValues('Messages') as unknown[][]).slice(1).map((r) => String(r[0]));
  const requests = ids.filter((id) => id.startsWith('<bench-')).length;
  const acks = em.mailbox.sent.map((m) => m.subject.match(/\[#(T-\d{6})\]/)?.[1]).filter((t): t is string => !!t);
  console.log(
    `${''.padEnd(34)} tickets ${ticketCount()}, requests in the ledger ${requests} (distinct ${new Set(ids).size === ids.length ? 'yes' : 'NO'}), acknowledgements ${acks.length} for ${new Set(acks).size} tickets`,
  );
}

/** A backlog five times what one run's search reads (20 pages of 100 threads). */
export async function benchBacklog(): Promise<void> {
  await benchIngest(10_000);
}

export async function benchJobs(): Promise<void> {
  console.log(`Machine: ${process.arch}, Node ${process.version}; modeled time uses the latency model in src/local/emulator/meter.ts`);
  const size = statSync('build/Code.js').size;
  console.log(`build/Code.js: ${(size / 1024).toFixed(0)} KiB (budget 400 KB)`);
  for (const n of [100, 500, 2000]) await benchIngest(n);
  await benchBacklog();
}
