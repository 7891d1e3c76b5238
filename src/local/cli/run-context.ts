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

/** An ISO instant option, or a usage error naming it. */
export function parseInstant(value: string, option: string, example = '2026-11-30T17:00:00-07:00'): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError(`${option} "${value}" is not an ISO date-time, e.g. ${example}`);
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
 * Saves the workbook (and, unless told not to, the document properties); writes the
 * outbox. Returns the .eml files. `appendOutbox` keeps what earlier runs wrote there.
 */
export async function closeRun(run: RunContext, outbox: string, opts: { properties?: boolean; appendOutbox?: boolean } = {}): Promise<string[]> {
  await saveXlsx(run.workbook, run.workbookFile);
  if (opts.properties !== false) {
    await writeFile(propertiesFile(run.workbookFile), JSON.stringify(Object.fromEntries(run.em.properties.document.data), null, 2) + '\n');
  }
  return writeOutbox(run.em.mailbox, outbox, { append: opts.appendOutbox === true });
}
