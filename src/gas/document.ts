/**
 * Which spreadsheet an execution works on, and where its state and lock live, in both
 * install modes.
 *
 * Bound to the sheet, every execution runs in its container: the active spreadsheet, the
 * document lock and the document properties are always there.
 *
 * As an Editor add-on, a time-driven trigger runs outside any document: there is no active
 * spreadsheet, and LockService.getDocumentLock() / PropertiesService.getDocumentProperties()
 * return null ("null if the script is neither published as an add-on nor bound to a file";
 * the emulator models this, a real account confirms it: docs/first-deploy.md). So:
 *  - Install automation stores, in the installer's user properties, the spreadsheet id for
 *    the trigger it creates (keyed by the trigger's unique id, which the event object
 *    carries as `triggerUid`); the trigger opens it with SpreadsheetApp.openById — hence
 *    the add-on manifest's `spreadsheets` scope instead of `spreadsheets.currentonly`.
 *  - Job state (checkpoints, last runs) lives in the installer's user properties, namespaced
 *    by spreadsheet id, in menus and triggers alike, so both see the same checkpoints.
 *  - Jobs take the user lock (so the installer's trigger and their own menu runs never
 *    overlap) and, where there is one, the document lock too.
 */
const SHEET_FOR_TRIGGER = 'automation.spreadsheetFor.';

let opened: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
/** How the project is installed does not change while it runs: asked once per execution. */
let addOn: boolean | undefined;

export function isAddOn(): boolean {
  addOn ??= ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
  return addOn;
}

/** The spreadsheet this execution works on: the active one, or the one a trigger opened. */
export function currentSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  return SpreadsheetApp.getActiveSpreadsheet() ?? opened;
}

/**
 * For a trigger run: opens the spreadsheet the trigger was installed for when the execution
 * has no active one (an add-on's time-driven trigger). A trigger whose spreadsheet is not
 * recorded fails with what to do, so Apps Script mails its owner.
 */
export function openForTrigger(e: unknown): void {
  if (SpreadsheetApp.getActiveSpreadsheet()) return;
  const uid = e && typeof (e as { triggerUid?: unknown }).triggerUid === 'string' ? (e as { triggerUid: string }).triggerUid : '';
  const id = uid ? PropertiesService.getUserProperties().getProperty(SHEET_FOR_TRIGGER + uid) : null;
  if (!id)
    throw new Error(
      'Support Desk automation: this trigger does not know its spreadsheet. Open the sheet and use Support Desk → Install automation again.',
    );
  opened = SpreadsheetApp.openById(id);
}

export function rememberTriggerSpreadsheet(trigger: GoogleAppsScript.Script.Trigger, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  PropertiesService.getUserProperties().setProperty(SHEET_FOR_TRIGGER + trigger.getUniqueId(), ss.getId());
}

export function forgetTriggerSpreadsheet(triggerUid: string): void {
  PropertiesService.getUserProperties().deleteProperty(SHEET_FOR_TRIGGER + triggerUid);
}

/** The part of Properties the jobs use. */
export interface StateProperties {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): void;
  deleteProperty(key: string): void;
  getProperties(): Record<string, string>;
}

/** Where job state lives: document properties when bound, the installer's user properties per spreadsheet in an add-on. */
export function stateProperties(): StateProperties {
  if (!isAddOn()) {
    const doc = PropertiesService.getDocumentProperties();
    return {
      getProperty: (k) => doc.getProperty(k),
      setProperty: (k, v) => void doc.setProperty(k, v),
      deleteProperty: (k) => void doc.deleteProperty(k),
      getProperties: () => doc.getProperties(),
    };
  }
  const ss = currentSpreadsheet();
  if (!ss) throw new Error('Support Desk runs inside its spreadsheet: open the sheet and use the Support Desk menu.');
  const user = PropertiesService.getUserProperties();
  const prefix = `${ss.getId()}:`;
  return {
    getProperty: (k) => user.getProperty(prefix + k),
    setProperty: (k, v) => void user.setProperty(prefix + k, v),
    deleteProperty: (k) => void user.deleteProperty(prefix + k),
    getProperties: () => {
      const all = user.getProperties();
      const out: Record<string, string> = {};
      for (const k of Object.keys(all)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = all[k]!;
      return out;
    },
  };
}

/** The lock a job takes: the document lock when bound; in an add-on the user lock, plus the document lock where there is a document. */
export function jobLock(): { tryLock(ms: number): boolean; releaseLock(): void } {
  const doc = LockService.getDocumentLock();
  if (!isAddOn()) {
    if (!doc) throw new Error('No document lock is available: the script must be bound to the spreadsheet or installed as an add-on.');
    return doc;
  }
  const user = LockService.getUserLock();
  return {
    tryLock(ms) {
      if (!user.tryLock(ms)) return false;
      if (doc && !doc.tryLock(ms)) {
        user.releaseLock();
        return false;
      }
      return true;
    },
    releaseLock() {
      doc?.releaseLock();
      user.releaseLock();
    },
  };
}
