/**
 * `npm run demo`: the product doing its real job on an embedded register, in the Apps
 * Script emulator, with no Google account. It runs the real entry points of
 * build/Code.js on a simulated clock and writes the resulting register and mail.
 */
import { Command, InvalidArgumentError } from 'commander';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { Emulator, WorkbookModel, MailboxModel } from './emulator';
import { saveXlsx } from './emulator/spreadsheet/xlsx';
import { formatMbox, writeOutbox } from './emulator/mailfiles';
import { ensureBundle } from './bundle';
import { fillDemoRegister } from './demo/register';
import { SUPPORT_ADDRESS } from './demo/register-data';
import { generateMonth } from './demo/month';
import { simulateMonth } from './demo/simulate';
import { formatSummary, summarize } from './demo/summary';

const ZONE = 'America/Denver';

function month(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError('use YYYY-MM, e.g. 2026-11');
  return value;
}

function seed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('use a whole number');
  return n;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('demo')
    .description(
      'Run Support Desk for a simulated month on an embedded register and inbox, then write out/demo-register.xlsx and out/outbox/*.eml.',
    )
    .option('--month <YYYY-MM>', 'the month to simulate (September 2026 puts the Friday-evening outage before Labor Day)', month, '2026-09')
    .option('--seed <n>', 'seed for the generated mail and hours (same seed, same month)', seed, 1)
    .option('--out <dir>', 'output folder', 'out')
    .option('--quiet', 'no progress lines')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str.split('\n')[0]!.replace(/^error: /, 'demo: ') + '\n') });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const opts = program.opts<{ month: string; seed: number; out: string; quiet?: boolean }>();
  const say = (line: string) => opts.quiet || process.stdout.write(`${line}\n`);
  const started = performance.now();

  const start = DateTime.fromISO(`${opts.month}-01T07:00:00`, { zone: ZONE });
  const workbook = new WorkbookModel({ name: 'Support Desk (demo)', timeZone: ZONE });
  const mailbox = new MailboxModel({ address: SUPPORT_ADDRESS, dailyQuota: 1500 });
  const em = await new Emulator({ workbook, mailbox, user: SUPPORT_ADDRESS, scriptTimeZone: ZONE, now: start.toMillis() }).loadFile(
    ensureBundle(),
  );

  say(`Support Desk demo — ${start.toFormat('LLLL yyyy')} (${ZONE}), seed ${opts.seed}`);
  say(`  ${em.call<string>('setup')}`);
  fillDemoRegister(em);
  say('  Register filled in: 4 clients, their contacts, a London calendar, the knowledge base.');
  say(`  ${em.call<string>('installTriggers')}`);

  // The register as it stands before the month, and the month's mail as an mbox: what a
  // reader needs to replay the month with the CLI (`run ingest`, `run sweep`) by hand.
  const outDir = path.resolve(opts.out);
  await mkdir(outDir, { recursive: true });
  const startXlsx = path.join(outDir, 'demo-start.xlsx');
  await saveXlsx(workbook, startXlsx);
  await rm(`${startXlsx}.properties.json`, { force: true });
  const generated = generateMonth(opts.month, opts.seed);
  const inbox = path.join(outDir, 'demo-inbox.mbox');
  await writeFile(inbox, formatMbox(generated.mail));
  say(
    `  Inbox: ${generated.mail.length} mails over the month (${generated.requests.length} requests, ${generated.noise.length} pieces of noise); ${generated.hours.length} hour logs.`,
  );
  const stats = await simulateMonth(em, generated, say);
  say(
    `  Ran ingestInbox ${stats.ingestRuns}×, sweepSla ${stats.sweepRuns}×, checkHours hourly, then runMonthlyBilling; ${stats.edits} edits by people, ${stats.hoursRows} hour rows typed.`,
  );
  if (stats.failedRuns.length) {
    say(
      `  ${stats.failedRuns.length} runs failed; first: ${stats.failedRuns[0]!.job} at ${new Date(stats.failedRuns[0]!.at).toISOString()}: ${stats.failedRuns[0]!.message}`,
    );
  }

  const xlsx = path.join(outDir, 'demo-register.xlsx');
  await saveXlsx(workbook, xlsx);
  const outbox = path.join(outDir, 'outbox');
  await rm(outbox, { recursive: true, force: true });
  const mails = await writeOutbox(mailbox, outbox);

  const rows = (tab: string) => Math.max(0, workbook.sheetValues(tab).length - 1);
  say('');
  say('Summary');
  for (const line of formatSummary(summarize(workbook, opts.month))) say(line);
  say(
    `  Register: ${rows('Tickets')} tickets, ${rows('Messages')} messages, ${rows('Hours')} hour rows, ${rows('Log')} log lines; tabs ${workbook.sheets.map((s) => s.name).join(', ')}`,
  );
  const rel = (f: string) => path.relative(process.cwd(), f);
  say(`  Wrote ${rel(xlsx)} and ${mails.length} mail(s) to ${rel(outbox)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  say(`  To replay the month with the CLI: ${rel(startXlsx)} (the register before the month) and ${rel(inbox)} (its mail); see README.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
