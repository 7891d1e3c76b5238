import { namesProvider } from './priority-names';
import type { ClockPort, KeyValuePort, LockPort, WorkbookPort } from '../jobs/ports';
import { sheetPort } from './sheet-port';
import { currentSpreadsheet, jobLock, stateProperties } from './document';

/** The spreadsheet the script runs for (bound, or the add-on's open document). */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = currentSpreadsheet();
  if (!ss) throw new Error('Support Desk runs inside its spreadsheet: open the sheet and use the Support Desk menu.');
  return ss;
}

export function workbookPort(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): WorkbookPort {
  const names = namesProvider(ss);
  return {
    timeZone: ss.getSpreadsheetTimeZone(),
    tab(name) {
      const sheet = ss.getSheetByName(name);
      return sheet ? sheetPort(sheet, names) : null;
    },
    ensureTab(name) {
      return sheetPort(ss.getSheetByName(name) ?? ss.insertSheet(name, ss.getSheets().length), names);
    },
    toast(message) {
      ss.toast(message, 'Support Desk', 5);
    },
  };
}

export const systemClock: ClockPort = { now: () => Date.now() };

export function documentProperties(): KeyValuePort {
  const props = stateProperties();
  return {
    get: (k) => props.getProperty(k),
    set: (k, v) => void props.setProperty(k, v),
    delete: (k) => void props.deleteProperty(k),
  };
}

export function documentLock(): LockPort {
  const lock = jobLock();
  return { tryLock: (ms) => lock.tryLock(ms), release: () => lock.releaseLock() };
}
