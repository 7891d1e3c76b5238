import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { Emulator, MailboxModel, type WorkbookModel } from '../emulator';
import { writeOutbox } from '../emulator/gmail';
import { loadXlsx, saveXlsx } from '../emulator/spreadsheet/xlsx';
import { ensureBundle } from '../bundle';
import { UsageError } from './usage-error';

/**
 * What every `run <job>` command shares: the exported register loaded into the emulator
 * with build/Code.js, running as the Settings' support address, and afterwards the
 * workbook saved in place, the document properties kept beside it and the mail written
 * to the outbox.
 */
export interface RunContext {
  readonly em: Emulator;
  readonly workbook: WorkbookModel;
  readonly account: string;
  readonly workbookFile: string;
}

/** The workbook must exist; `init` makes one. */
export function requireWorkbook(file: string): void {
  if (!existsSync(file)) throw new UsageError(`${file} does not exist (make one with \`init\`)`);
}

/** Only a full ISO date-time with its offset: `Date.parse` alone takes "1" or a zone-less time in the machine's zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant option (`--at`, `--now`), or a usage error naming it. The offset is required:
 * a run "at 13:05" means a different instant in every zone, and guessing one would move
 * deadlines and month boundaries by hours without a word.
 */
export function parseInstant(value: string, option: string, example = '2026-11-30T17:00:00-07:00'): number {
  const text = value.trim();
  if (!ISO_INSTANT.test(text)) throw new UsageError(`${option} "${value}" is not an ISO date-time with a UTC offset, e.g. ${example} or 2026-12-01T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March: the calendar date must exist as written.
  const [y, mo, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new UsageError(`${option} "${value}": ${text.slice(0, 10)} is not a calendar date`);
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new UsageError(`${option} "${value}" is not a valid date-time, e.g. ${example}`);
  return t;
}

export async function loadRegister(file: string): Promise<{ workbook: WorkbookModel; account: string }> {
  const workbook = await loadXlsx(file);
  const settings = workbook.sheet('Settings')?.values() ?? [];
  const account = String(settings.find((r) => r[0] === 'Support address')?.[1] ?? '').trim() || 'support@example.com';
  return { workbook, account };
}

/** Document properties live with the document: `<workbook>.properties.json`. */
const propertiesFile = (workbookFile: string) => `${workbookFile}.properties.json`;

export async function openRun(
  opts: { workbookFile: string; now: number; mailbox?: (account: string) => MailboxModel | Promise<MailboxModel>; properties?: boolean },
  loaded?: { workbook: WorkbookModel; account: string },
): Promise<RunContext> {
  const { workbook, account } = loaded ?? (await loadRegister(opts.workbookFile));
  const mailbox = opts.mailbox ? await opts.mailbox(account) : new MailboxModel({ address: account });
  const em = await new Emulator({ workbook, mailbox, user: account, now: opts.now, scriptTimeZone: workbook.timeZone }).loadFile(ensureBundle());
  if (opts.properties !== false) {
    const file = propertiesFile(opts.workbookFile);
    if (existsSync(file)) {
      const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      for (const [k, v] of Object.entries(saved)) em.properties.document.data.set(k, v);
    }
  }
  return { em, workbook, account, workbookFile: opts.workbookFile };
}

/**
 * Saves the workbook (and, unless told not to, the document properties); writes this
 * run's mail to the outbox after what earlier runs left there (each run has a fresh
 * mailbox, so nothing there is this run's to replace: a sweep after an ingest into the
 * same folder keeps the ingest's acknowledgements). Returns the .eml files written.
 */
export async function closeRun(run: RunContext, outbox: string, opts: { properties?: boolean } = {}): Promise<string[]> {
  await saveXlsx(run.workbook, run.workbookFile);
  if (opts.properties !== false) {
    await writeFile(propertiesFile(run.workbookFile), JSON.stringify(Object.fromEntries(run.em.properties.document.data), null, 2) + '\n');
  }
  return writeOutbox(run.em.mailbox, outbox, { append: true });
}
