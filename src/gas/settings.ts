import { loadSettings, type LoadedSettings } from '../jobs/shared/settings';
import { workbookPort } from './ports';

/** The Settings tab, read in one call and parsed by the settings spec. */
export function settingsOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): LoadedSettings {
  const loaded = loadSettings(workbookPort(ss));
  if (!loaded.table) throw new Error('The register is not set up yet: run Support Desk → Set up register.');
  return loaded;
}
