import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Emulator, MailboxModel, type WorkbookModel } from '../emulator';
import { writeOutbox } from '../emulator/mailfiles';
import { xlsxBuffer } from '../emulator/spreadsheet/xlsx';
import { commitFiles, recoverCommit, type StagedFile } from './commit';
import { markSaved, runStarted } from './interrupt';
import { lockWorkbook } from './lock';
import { ensureBundle } from '../bundle';
import { UsageError } from './usage-error';
import { SETTINGS } from '../../register/settings/spec';
import { SettingsTab } from '../../register/tabs/settings';
import { loadRegisterXlsx, settingText } from '../register-xlsx';
import { CLI_LAST_RUN_KEY, requireNotBeforeLastRun, requireRegisterTabs } from './validate';

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
  /** The instant the run happens at (`--at`). */
  readonly now: number;
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
  if (!ISO_INSTANT.test(text))
    throw new UsageError(`${option} "${value}" is not an ISO date-time with a UTC offset, e.g. ${example} or 2026-12-01T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March: the calendar date must exist as written.
  const [y, mo, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    throw new UsageError(`${option} "${value}": ${text.slice(0, 10)} is not a calendar date`);
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new UsageError(`${option} "${value}" is not a valid date-time, e.g. ${example}`);
  return t;
}

export async function loadRegister(file: string): Promise<{ workbook: WorkbookModel; account: string }> {
  const workbook = await loadRegisterXlsx(file);
  // The account the run acts as is the register's support inbox (the emulator has no default for it).
  const account = settingText(workbook.sheet(SettingsTab.name)?.values(), SETTINGS.supportAddress.key) ?? 'support@example.com';
  return { workbook, account };
}

/** Document properties live with the document: `<workbook>.properties.json`. */
export const propertiesFile = (workbookFile: string) => `${workbookFile}.properties.json`;

export async function openRun(
  opts: { workbookFile: string; now: number; mailbox?: (account: string) => MailboxModel | Promise<MailboxModel>; properties?: boolean },
  loaded?: { workbook: WorkbookModel; account: string },
): Promise<RunContext> {
  const { workbook, account } = loaded ?? (await loadRegister(opts.workbookFile));
  const mailbox = opts.mailbox ? await opts.mailbox(account) : new MailboxModel({ address: account });
  const em = await new Emulator({ workbook, mailbox, user: account, now: opts.now, scriptTimeZone: workbook.timeZone }).loadFile(
    ensureBundle(),
  );
  if (opts.properties !== false) {
    const file = propertiesFile(opts.workbookFile);
    if (existsSync(file)) {
      const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      // The CLI's own bookkeeping is not a document property the script could see.
      for (const [k, v] of Object.entries(saved)) if (k !== CLI_LAST_RUN_KEY) em.properties.document.data.set(k, v);
    }
  }
  return { em, workbook, account, workbookFile: opts.workbookFile, now: opts.now };
}

const OUTBOX_NAME = /^(\d{4,})-(sent|draft)-[a-z0-9-]*\.eml$/;
/** An invoice PDF written beside its .eml (same number and prefix). */
const OUTBOX_PDF = /^(\d{4,})-(sent|draft)-[a-z0-9-]*\.pdf$/;

/**
 * This run's mail as files to commit, numbered after what earlier runs left in the outbox
 * (each run has a fresh mailbox, so nothing there is this run's to replace: a sweep after
 * an ingest into the same folder keeps the ingest's acknowledgements). The emulator writes
 * them to a scratch folder first; only their bytes and names are kept.
 */
async function stageOutbox(run: RunContext, outbox: string): Promise<StagedFile[]> {
  await mkdir(outbox, { recursive: true });
  let base = 0;
  for (const name of await readdir(outbox)) {
    const m = OUTBOX_NAME.exec(name);
    if (m) base = Math.max(base, Number(m[1]));
  }
  const scratch = path.join(outbox, `.outbox-staging.tmp-${process.pid}`);
  await rm(scratch, { recursive: true, force: true });
  try {
    const files = await writeOutbox(run.em.mailbox, scratch);
    const pdfs = (await readdir(scratch)).filter((n) => OUTBOX_PDF.test(n)).map((n) => path.join(scratch, n));
    const staged: StagedFile[] = [];
    for (const file of [...files, ...pdfs]) {
      const name = path.basename(file);
      const m = (OUTBOX_NAME.exec(name) ?? OUTBOX_PDF.exec(name))!;
      const renamed = `${String(base + Number(m[1])).padStart(4, '0')}${name.slice(m[1]!.length)}`;
      staged.push({ target: path.join(outbox, renamed), data: await readFile(file) });
    }
    return staged;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Before a run reads anything (holding the lock): finish or drop what a killed run left. */
export function recoverRun(workbookFile: string, outbox?: string): void {
  recoverCommit(workbookFile, outbox && existsSync(outbox) ? [outbox] : []);
}

/**
 * Saves the run as one commit (see commit.ts): this run's mail into the outbox, then the
 * document properties (unless told not to), then the workbook, the old one kept as
 * `<workbook>.bak`. Returns the .eml files written.
 */
export async function closeRun(run: RunContext, outbox: string, opts: { properties?: boolean } = {}): Promise<string[]> {
  const mail = await stageOutbox(run, outbox);
  const files: StagedFile[] = [...mail];
  if (opts.properties !== false) {
    const state = { ...Object.fromEntries(run.em.properties.document.data), [CLI_LAST_RUN_KEY]: new Date(run.now).toISOString() };
    files.push({ target: propertiesFile(run.workbookFile), data: JSON.stringify(state, null, 2) + '\n' });
  }
  files.push({ target: run.workbookFile, data: await xlsxBuffer(run.workbook) });
  commitFiles(run.workbookFile, files);
  markSaved();
  return mail.map((f) => f.target).filter((f) => f.endsWith('.eml'));
}

/** The outbox must be a folder (made when missing) before anything runs: mail the run sends must have somewhere to go. */
export async function prepareOutbox(dir: string): Promise<void> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--outbox ${dir} is a file, not a folder`);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`--outbox ${dir} cannot be made: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * What every `run <job>` does before its job: the outbox checked, the workbook locked
 * (waiting up to `wait` seconds for another run), a killed run's commit finished, the
 * register read and checked to have every tab, and `at` checked against the run state's
 * last run (unless `force`), with the same one-line usage errors for every command. The
 * caller runs its job and must call `release` (also on failure). `setup` passes
 * `register: false` (restoring tabs is its job) and no outbox.
 */
export async function beginRun(opts: {
  workbookFile: string;
  outbox?: string;
  wait: number;
  at?: number;
  force?: boolean;
  register?: boolean;
}): Promise<{ loaded: { workbook: WorkbookModel; account: string }; release: () => Promise<void> }> {
  requireWorkbook(opts.workbookFile);
  if (opts.outbox !== undefined) await prepareOutbox(opts.outbox);
  runStarted();
  const release = await lockWorkbook(opts.workbookFile, opts.wait);
  try {
    recoverRun(opts.workbookFile, opts.outbox);
    let loaded: { workbook: WorkbookModel; account: string };
    try {
      loaded = await loadRegister(opts.workbookFile);
    } catch (e) {
      throw new UsageError(
        `--workbook ${opts.workbookFile} cannot be read as an .xlsx register: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      );
    }
    if (opts.register !== false) requireRegisterTabs(loaded.workbook, opts.workbookFile);
    if (opts.at !== undefined) requireNotBeforeLastRun(propertiesFile(opts.workbookFile), opts.at, opts.force);
    return { loaded, release };
  } catch (e) {
    await release();
    throw e;
  }
}
