import { SettingsTab } from '../register/tabs';
import { readTable } from '../register/table';
import { sheetPort } from './sheet-port';

/** The Settings tab as a key → value map, read in one call. */
export function readSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, string> {
  const sheet = ss.getSheetByName(SettingsTab.name);
  if (!sheet) throw new Error('The register is not set up yet: run Support Desk → Set up register.');
  const table = readTable(sheetPort(sheet), SettingsTab);
  return new Map(table.rows.map((r) => [r.data.Key, r.data.Value]));
}
