import { SETTINGS } from '../register/settings/spec';
import { SettingsTab } from '../register/tabs/settings';
import type { WorkbookModel } from './emulator/spreadsheet/workbook-model';
import { loadXlsx } from './emulator/spreadsheet/xlsx';
import type { XlsxPeek } from './emulator/spreadsheet/xlsx-read';
import { isValidZone } from './emulator/spreadsheet/zone';

/**
 * The product's zone for a register file with none declared (the CLI's `init --tz` default
 * and the old emulator default, which exported registers were read with).
 */
export const REGISTER_DEFAULT_ZONE = 'America/Denver';

/** A setting's Value as written on a Settings tab given as rows of text (header row first). */
export function settingText(rows: readonly (readonly unknown[])[] | undefined, key: string): string | undefined {
  if (!rows?.length) return undefined;
  const header = rows[0]!.map((h) => String(h ?? '').trim());
  const k = header.indexOf(SettingsTab.key ?? 'Key');
  const v = header.indexOf('Value');
  if (k < 0 || v < 0) return undefined;
  const row = rows.slice(1).find((r) => String(r[k] ?? '').trim() === key);
  const value = row === undefined ? '' : String(row[v] ?? '').trim();
  return value || undefined;
}

/**
 * The zone a register .xlsx is read in (loadXlsx's timeZone): an .xlsx carries none, so it
 * is the register's own Provider time zone when it is one, else REGISTER_DEFAULT_ZONE (the
 * Settings check of the next run names a bad value).
 */
export function registerTimeZone(file: XlsxPeek): string {
  const zone = settingText(file.sheetText(SettingsTab.name), SETTINGS.providerZone.key);
  return zone && isValidZone(zone) ? zone : REGISTER_DEFAULT_ZONE;
}

/** Loads a register .xlsx in the register's own zone (what the CLI, the scripts and the tests read registers with). */
export function loadRegisterXlsx(file: string): Promise<WorkbookModel> {
  return loadXlsx(file, { timeZone: registerTimeZone });
}
