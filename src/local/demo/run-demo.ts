import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { Emulator, MailboxModel, WorkbookModel } from '../emulator';
import { saveXlsx } from '../emulator/spreadsheet/xlsx';
import { formatMbox } from '../emulator/mailfiles';
import { ensureBundle } from '../bundle';
import { formatReplaySummary, replay, type ReplayResult, type RunReplayOptions } from '../cli/run-replay';
import { loadRegisterXlsx } from '../register-xlsx';
import { demoEditsFile, demoInstant, demoSpan } from './edits';
import { fillDemoRegister } from './register';
import { SUPPORT_ADDRESS } from './register-data';
import { generateMonth } from './month';
import { formatSummary, summarize } from './summary';

const ZONE = 'America/Denver';

/** The demo's files: what `run replay` reads, and what it writes. */
export interface DemoFiles {
  readonly start: string;
  readonly inbox: string;
  readonly edits: string;
  readonly register: string;
  readonly outbox: string;
}

export function demoFiles(outDir: string): DemoFiles {
  return {
    start: path.join(outDir, 'demo-start.xlsx'),
    inbox: path.join(outDir, 'demo-inbox.mbox'),
    edits: path.join(outDir, 'demo-edits.jsonl'),
    register: path.join(outDir, 'demo-register.xlsx'),
    outbox: path.join(outDir, 'outbox'),
  };
}

/** The demo's team sends from a Workspace account: Gmail's 1,500 recipients a day. */
export const DEMO_DAILY_QUOTA = 1500;

/** `run replay`'s options for the demo month (what README shows for replaying it by hand). */
export function demoReplayOptions(files: DemoFiles, month: string, seed: number): RunReplayOptions {
  const { from, to } = demoSpan(generateMonth(month, seed));
  return {
    workbook: files.register,
    inbox: files.inbox,
    from: demoInstant(from),
    to: demoInstant(to),
    outbox: files.outbox,
    edits: files.edits,
    dailyQuota: DEMO_DAILY_QUOTA,
    wait: 0,
  };
}

export interface DemoOptions {
  readonly month: string;
  readonly seed: number;
  readonly out: string;
}

/**
 * The demo's inputs: an embedded register set up by the real `setup` and filled in (saved
 * as demo-start.xlsx), a generated month of mail (demo-inbox.mbox) and of what its people
 * do (demo-edits.jsonl).
 */
export async function prepareDemo(opts: DemoOptions, say: (line: string) => void): Promise<DemoFiles> {
  const files = demoFiles(path.resolve(opts.out));
  const start = DateTime.fromISO(`${opts.month}-01T07:00:00`, { zone: ZONE });
  const workbook = new WorkbookModel({ name: 'Support Desk (demo)', timeZone: ZONE });
  const em = await new Emulator({
    workbook,
    mailbox: new MailboxModel({ address: SUPPORT_ADDRESS }),
    user: SUPPORT_ADDRESS,
    scriptTimeZone: ZONE,
    now: start.toMillis(),
  }).loadFile(ensureBundle());
  say(`Support Desk demo — ${start.toFormat('LLLL yyyy')} (${ZONE}), seed ${opts.seed}`);
  say(`  ${em.call<string>('setup')}`);
  fillDemoRegister(em);
  say('  Register filled in: 4 clients, their contacts, a London calendar, the knowledge base.');

  await mkdir(path.dirname(files.start), { recursive: true });
  await saveXlsx(workbook, files.start);
  const generated = generateMonth(opts.month, opts.seed);
  await writeFile(files.inbox, formatMbox(generated.mail));
  await writeFile(files.edits, demoEditsFile(generated));
  say(
    `  Inbox: ${generated.mail.length} mails over the month (${generated.requests.length} requests, ${generated.noise.length} pieces of noise); ${generated.edits.length} ticket edits and ${generated.hours.length} hour logs by people.`,
  );
  return files;
}

/**
 * The demo month: `run replay` of the demo's files, in this process, on a copy of the
 * start register (demo-register.xlsx) with the mail in outbox/.
 */
export async function replayDemo(
  files: DemoFiles,
  opts: DemoOptions,
  say: (line: string) => void,
  out: NodeJS.WritableStream & { isTTY?: boolean },
  quiet: boolean,
): Promise<ReplayResult> {
  // A fresh replay each time: the register copied from the start, no run state, no old mail.
  for (const f of [`${files.register}.properties.json`, `${files.register}.bak`, `${files.start}.properties.json`])
    await rm(f, { force: true });
  await rm(files.outbox, { recursive: true, force: true });
  await copyFile(files.start, files.register);
  const replayOpts = demoReplayOptions(files, opts.month, opts.seed);
  const result = await replay(replayOpts, out, quiet);
  for (const line of formatReplaySummary(result, replayOpts)) say(`  ${line}`);
  return result;
}

/** `npm run demo`: its inputs, then its month replayed, then a summary of the register. */
export async function runDemo(
  opts: DemoOptions,
  say: (line: string) => void,
  out: NodeJS.WritableStream & { isTTY?: boolean },
  quiet: boolean,
): Promise<{ files: DemoFiles; result: ReplayResult }> {
  const files = await prepareDemo(opts, say);
  const result = await replayDemo(files, opts, say, out, quiet);

  const register = await loadRegisterXlsx(files.register);
  const rows = (tab: string) => Math.max(0, register.sheetValues(tab).length - 1);
  say('');
  say('Summary');
  for (const line of formatSummary(summarize(register, opts.month))) say(line);
  say(
    `  Register: ${rows('Tickets')} tickets, ${rows('Messages')} messages, ${rows('Hours')} hour rows, ${rows('Log')} log lines; tabs ${register.sheets.map((s) => s.name).join(', ')}`,
  );
  return { files, result };
}
