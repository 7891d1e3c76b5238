import page from '../../html/log-time.html';
import { lockOrTell } from '../../../jobs/lock-policy';
import { RunLog } from '../../log';
import { documentLock } from '../../ports';
import { workbookPort } from '../../ports';
import { activeSpreadsheet, currentPerson } from '../context';
import { showSidebar } from '../page';
import { logTimeForm, type LogTimeForm } from './form';
import { submitTimeEntry, type SubmitResult } from './submit';

/** Menu "Log time…". */
export function showLogTimeSidebarNow(): void {
  showSidebar('Log time', page);
}

/** google.script.run from the sidebar: clients, activities, tickets and usage to draw the form. */
export function logTimeFormNow(): LogTimeForm {
  return logTimeForm(workbookPort(activeSpreadsheet()), Date.now(), currentPerson());
}

/** google.script.run from the sidebar: validates and appends one Hours row under the document lock. */
export function submitTimeEntryNow(form: unknown): SubmitResult {
  const ss = activeSpreadsheet();
  const person = currentPerson();
  return lockOrTell(documentLock(), 'hours', 'Log time', () => {
    const log = new RunLog('hours');
    try {
      return submitTimeEntry(workbookPort(ss), Date.now(), person, form, log);
    } finally {
      log.flush(ss);
    }
  });
}
