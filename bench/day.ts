/**
 * A day of triggers against the daily quotas (`npm run bench -- day`): a bound install's
 * schedule (ingestInbox every 5 min, sweepSla every 10 min, checkHours hourly) over 24
 * hours, for a desk with 20 new tickets a day and one with 200, each after a year of
 * history (closed tickets and their ledger rows). The Meter sums every execution's modeled
 * run time and its Gmail read/write calls (src/local/emulator/meter.ts, DAILY_QUOTAS), which
 * are compared with the consumer (90 min, 20,000) and Workspace (6 h, 50,000) quotas.
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { DAILY_QUOTAS, Emulator, MailboxModel, WorkbookModel } from '../src/local/emulator';
import { ensureBundle } from '../src/local/bundle';
import { fillDemoRegister } from '../src/local/demo/register';
import { CLIENTS, SUPPORT_ADDRESS } from '../src/local/demo/register-data';
import { rawMail } from '../src/local/demo/mail-text';
import { headersOf } from '../src/register/tab-spec';
import { MessagesTab, TicketsTab } from '../src/register/tabs';

const ZONE = 'America/Denver';
const code = readFileSync(ensureBundle(), 'utf8');
const DAY = DateTime.fromISO('2026-09-15T00:00:00', { zone: ZONE }).toMillis();

export function desk(perDay: number): Emulator {
  const em = new Emulator({
    workbook: new WorkbookModel({ name: 'Support Desk', timeZone: ZONE }),
    mailbox: new MailboxModel({ address: SUPPORT_ADDRESS, dailyQuota: 1_500 }),
    user: SUPPORT_ADDRESS,
    scriptTimeZone: ZONE,
    now: DAY - 3_600_000,
  }).load(code);
  em.call('setup');
  fillDemoRegister(em);
  // A year of history: perDay tickets a day, all closed, each with its request and one reply in the ledger.
  const clients = CLIENTS.map((c) => c.id);
  const th = headersOf(TicketsTab);
  const mh = headersOf(MessagesTab);
  const tickets: unknown[][] = [];
  const messages: unknown[][] = [];
  const n = perDay * 365;
  for (let i = 0; i < n; i++) {
    const at = DAY - (n - i) * (86_400_000 / perDay);
    const id = `T-${String(i + 1).padStart(6, '0')}`;
    const t: Record<string, unknown> = {
      'Ticket ID': id,
      'Client ID': clients[i % clients.length],
      Requester: 'history@client.example',
      Subject: `Old request ${i}`,
      Priority: 'Medium',
      Status: 'Closed',
      'Received at': new Date(at),
      'Resolved at': new Date(at + 3_600_000),
    };
    tickets.push(th.map((h) => t[h] ?? ''));
    for (const [k, kind] of [
      ['req', 'customer'],
      ['rep', 'staff'],
    ] as const) {
      const m: Record<string, unknown> = {
        'Message ID': `<${k}-${i}@history.example>`,
        'Ticket ID': id,
        From: 'history@client.example',
        Date: new Date(at),
        Kind: kind,
        Action: 'history',
      };
      messages.push(mh.map((h) => m[h] ?? ''));
    }
  }
  em.workbook.writeRaw('Tickets', tickets as never, 2, 1);
  em.workbook.writeRaw('Messages', messages as never, 2, 1);
  return em;
}

export async function mailTheDay(em: Emulator, perDay: number): Promise<void> {
  const contacts = CLIENTS.flatMap((c) => c.contacts.filter((p) => p.canOpen));
  // New requests spread over business hours (08:00–17:00), each from a registered contact.
  for (let i = 0; i < perDay; i++) {
    const p = contacts[i % contacts.length]!;
    const at = DAY + 8 * 3_600_000 + Math.floor(((i + 0.5) / perDay) * 9 * 3_600_000);
    await em.mailbox.deliver(
      rawMail({
        from: `${p.name} <${p.email}>`,
        to: SUPPORT_ADDRESS,
        subject: `Today ${i}: the export fails`,
        at,
        messageId: `<day-${i}@client.example>`,
        body: `Request ${i} of the day.`,
      }),
      { at },
    );
  }
}

export async function oneDay(perDay: number): Promise<void> {
  const t0 = performance.now();
  const em = desk(perDay);
  await mailTheDay(em, perDay);
  // The installed triggers fire, with their event objects, so each run also keeps the
  // run-time ledger and paces itself as the deployed script does (src/gas/pace.ts).
  em.call('installTriggers');
  const triggerOf = (handler: string) => em.triggers.triggers.find((t) => t.handler === handler)!.id;
  const ids = { ingestInbox: triggerOf('ingestInbox'), sweepSla: triggerOf('sweepSla'), checkHours: triggerOf('checkHours') };
  em.clock.set(DAY);
  em.meter.startDay();
  const errors: string[] = [];
  let held = 0;
  for (let minute = 0; minute < 24 * 60; minute += 5) {
    em.clock.set(DAY + minute * 60_000);
    const due: (keyof typeof ids)[] = [
      'ingestInbox',
      ...(minute % 10 === 0 ? (['sweepSla'] as const) : []),
      ...(minute % 60 === 0 ? (['checkHours'] as const) : []),
    ];
    for (const job of due) {
      const r = em.fire(ids[job]);
      if (r.error) errors.push(`${job}: ${r.error.message}`);
      else if (/^Not run this time: backing off/.test(String(r.value))) held++;
    }
  }
  const d = em.meter.day();
  const mins = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
  const pct = (x: number, of: number) => `${((x / of) * 100).toFixed(0)}%`;
  const [header, ...ticketRows] = em.workbook.sheetValues('Tickets') as unknown[][];
  const subject = (header as string[]).indexOf('Subject');
  const opened = ticketRows.filter((r) => String(r[subject] ?? '').startsWith('Today ')).length;
  console.log(
    `\n${perDay} tickets/day after a year (${perDay * 365} tickets, ${perDay * 730} ledger rows); ${d.executions} executions; ${opened} of ${perDay} opened today`,
  );
  for (const [ep, v] of Object.entries(d.byEntryPoint))
    console.log(
      `  ${ep.padEnd(12)} ${String(v.runs).padStart(4)} runs  ${mins(v.ms).padStart(10)}  (${(v.ms / v.runs / 1000).toFixed(1)} s a run)`,
    );
  console.log(
    `  total run time ${mins(d.runMs)}: ${pct(d.runMs, DAILY_QUOTAS.consumer.triggerRuntimeMs)} of consumer 90 min, ${pct(d.runMs, DAILY_QUOTAS.workspace.triggerRuntimeMs)} of Workspace 6 h`,
  );
  console.log(
    `  Gmail read/write ≤ ${d.gmailReadWrite}: ${pct(d.gmailReadWrite, DAILY_QUOTAS.consumer.gmailReadWrite)} of consumer 20,000, ${pct(d.gmailReadWrite, DAILY_QUOTAS.workspace.gmailReadWrite)} of Workspace 50,000`,
  );
  console.log(
    `  runs held back by the pace: ${held}; errors: ${errors.length ? errors.slice(0, 3).join(' | ') : 'none'}; bench CPU ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
}

/** `npm run bench -- day [tickets/day ...]` (default 20 and 200). */
export async function benchDay(): Promise<void> {
  console.log('A day of bound-install triggers (ingest 5 min, sweep 10 min, hours hourly), modeled time from src/local/emulator/meter.ts');
  const sizes = process.argv
    .slice(3)
    .map(Number)
    .filter((n) => n > 0);
  for (const n of sizes.length ? sizes : [20, 200]) await oneDay(n);
}
