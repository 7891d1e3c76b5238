import type { ClockPort, KeyValuePort, LockPort, WorkbookPort } from '../jobs/ports';
import { sheetPort } from './sheet-port';

/** The spreadsheet the script runs for (bound, or the add-on's open document). */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Support Desk runs inside its spreadsheet: open the sheet and use the Support Desk menu.');
  return ss;
}

export function workbookPort(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): WorkbookPort {
  return {
    timeZone: ss.getSpreadsheetTimeZone(),
    tab(name) {
      const sheet = ss.getSheetByName(name);
      return sheet ? sheetPort(sheet) : null;
    },
    ensureTab(name) {
      return sheetPort(ss.getSheetByName(name) ?? ss.insertSheet(name, ss.getSheets().length));
    },
    toast(message) {
      ss.toast(message, 'Support Desk', 5);
    },
  };
}

export const systemClock: ClockPort = { now: () => Date.now() };

export function documentProperties(): KeyValuePort {
  const props = PropertiesService.getDocumentProperties();
  return {
    get: (k) => props.getProperty(k),
    set: (k, v) => void props.setProperty(k, v),
    delete: (k) => void props.deleteProperty(k),
  };
}

export function documentLock(): LockPort {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('No document lock is available: the script must be bound to the spreadsheet or installed as an add-on.');
  return { tryLock: (ms) => lock.tryLock(ms), release: () => lock.releaseLock() };
}
