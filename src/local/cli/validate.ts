import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { WorkbookModel } from '../emulator';
import { ALL_TABS } from '../../register/tabs';
import { UsageError } from './usage-error';

/**
 * Checks every `run …` makes before it changes anything, each a one-line UsageError
 * (exit 2) worded the same for every command.
 */

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;

/** `--account`: the mailbox the automation runs as must be an address (it is the From of every mail). */
export function requireAddress(value: string, option: string): string {
  const v = value.trim();
  if (!ADDRESS.test(v)) throw new UsageError(`${option} "${value}" is not a mail address, e.g. support@example.com`);
  return v;
}

/**
 * Every fixed tab is there. A job would otherwise stop on its first missing tab with the
 * sheet's advice (a menu the CLI has not got) after part of the work; the CLI's own
 * `setup` command is what restores tabs here.
 */
export function requireRegisterTabs(workbook: WorkbookModel, file: string): void {
  const have = new Set(workbook.sheets.map((s) => s.name));
  const missing = ALL_TABS.map((t) => t.name).filter((n) => !have.has(n));
  if (missing.length === 0) return;
  const what = missing.length === 1 ? `${missing[0]} tab` : `the tabs ${missing.join(', ')}`;
  throw new UsageError(
    `--workbook ${file} has no ${what}: run \`support-desk setup --workbook ${file}\` to restore ${missing.length === 1 ? 'it' : 'them'}`,
  );
}

/** The run state's key for the instant the CLI last ran a job at (its `--at`), kept out of the emulator's properties. */
export const CLI_LAST_RUN_KEY = 'cli.lastRunAt';

/**
 * When the last run happened (epoch ms), if the run state says: the `--at` the CLI last
 * ran at, else (a run state from before it was kept) the latest job end recorded for
 * About (`lastRun.<job>`), which is a little after that job's start.
 */
export function lastRunAt(properties: Record<string, string>): number | null {
  const mine = Date.parse(properties[CLI_LAST_RUN_KEY] ?? '');
  if (Number.isFinite(mine)) return mine;
  let last: number | null = null;
  for (const [key, raw] of Object.entries(properties)) {
    if (!key.startsWith('lastRun.')) continue;
    try {
      const at = (JSON.parse(raw) as { at?: unknown }).at;
      if (typeof at === 'number' && Number.isFinite(at) && (last === null || at > last)) last = at;
    } catch {
      // A hand-edited entry says nothing about when the job ran.
    }
  }
  return last;
}

/**
 * `--at` must not be before the last run: a run in the past would date notices and
 * escalations before mail already sent, and move the ingest checkpoint backwards.
 * `--force` is for a deliberate re-run.
 */
export function requireNotBeforeLastRun(propertiesFile: string, at: number, force: boolean | undefined): void {
  if (force || !existsSync(propertiesFile)) return;
  let saved: Record<string, string>;
  try {
    saved = JSON.parse(readFileSync(propertiesFile, 'utf8')) as Record<string, string>;
  } catch (e) {
    throw new UsageError(`${propertiesFile} (the run state) cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const last = lastRunAt(saved);
  if (last !== null && at < last) {
    throw new UsageError(
      `--at ${new Date(at).toISOString()} is before the last run (${new Date(last).toISOString()}); pass --force to run in the past anyway`,
    );
  }
}

/** `--inbox` exists and can be read (a folder: listed). */
export function requireInbox(inbox: string): void {
  if (!existsSync(inbox)) throw new UsageError(`--inbox ${inbox} does not exist (an mbox file or a folder of .eml files)`);
  try {
    accessSync(inbox, statSync(inbox).isDirectory() ? constants.R_OK | constants.X_OK : constants.R_OK);
  } catch {
    throw new UsageError(`--inbox ${inbox} cannot be read`);
  }
}

/**
 * An inbox with nothing in it: an empty (or blank) mbox, or a folder with no .eml. A
 * rotated inbox is normal for cron, so this is "No new mail", not an error; the run then
 * saves nothing, so its checkpoint does not move past mail added later with older dates.
 */
export function inboxIsEmpty(inbox: string): boolean {
  if (statSync(inbox).isDirectory()) return !readdirSync(inbox).some((n) => n.toLowerCase().endsWith('.eml'));
  return readFileSync(inbox, 'latin1').trim() === '';
}
