import { syncProblems } from '../../register/problems-column';
import { readSettings, type SettingProblem } from '../../register/settings/read';
import type { Settings } from '../../register/settings/spec';
import type { RowOf } from '../../register/tab-spec';
import { readTable, type Table } from '../../register/table';
import { SettingsTab } from '../../register/tabs';
import type { WorkbookPort } from '../ports';
import type { RunLogPort } from '../ports';

export type SettingsTable = Table<RowOf<typeof SettingsTab>>;

export interface LoadedSettings {
  readonly settings: Settings;
  /** Rows whose Value could not be used (the default applies), and unknown or repeated keys. */
  readonly problems: readonly SettingProblem[];
  /** The tab as read, or null when there is none (every default applies). */
  readonly table: SettingsTable | null;
}

/**
 * The settings from the Settings tab as read. Jobs do not know who they run as, so a blank
 * Support address stays blank (setup fills it in); the spreadsheet's zone is the default
 * Provider time zone.
 */
export function settingsFromTable(table: SettingsTable | null, spreadsheetTimeZone: string): LoadedSettings {
  const rows = (table?.rows ?? []).map((r) => ({ rowNumber: r.rowNumber, key: r.data.Key, value: r.data.Value }));
  const { settings, problems } = readSettings(rows, { account: '', spreadsheetTimeZone });
  return { settings, problems, table };
}

/** Reads the Settings tab once (when there is one). */
export function loadSettings(wb: WorkbookPort): LoadedSettings {
  const port = wb.tab(SettingsTab.name);
  return settingsFromTable(port ? readTable(port, SettingsTab) : null, wb.timeZone);
}

/**
 * Shows each problem on its Settings row (Problems column) and logs it the first time it
 * appears, so a typo is said once where people look, not every run. Writes only cells that
 * change. Without a Problems column (a register set up by an older version) the problems
 * are logged on every run that calls this, with a hint to run setup.
 */
export function reportSettingProblems(wb: WorkbookPort, loaded: LoadedSettings, log: RunLogPort): void {
  const { table, problems } = loaded;
  if (!table) return;
  const line = (p: { rowNumber: number; message: string }) => `Settings row ${p.rowNumber}${keyOf(table, p.rowNumber)}: ${p.message}`;
  if (!table.columnOf.has('Problems')) {
    for (const p of problems) log.add('Setting problem', `${line(p)} (run Support Desk → Set up register to show it on the Settings tab)`);
    return;
  }
  const messages = new Map<number, string>();
  for (const p of problems) messages.set(p.rowNumber, messages.has(p.rowNumber) ? `${messages.get(p.rowNumber)}; ${p.message}` : p.message);
  for (const p of syncProblems(() => wb.tab(SettingsTab.name), table, messages)) log.add('Setting problem', line(p));
}

function keyOf(table: SettingsTable, rowNumber: number): string {
  const c = table.columnOf.get('Key');
  const key = c === undefined ? '' : String(table.raw[rowNumber - 1]?.[c] ?? '').trim();
  return key ? ` (${key})` : '';
}
