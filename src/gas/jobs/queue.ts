import { inQueueOrder, queueKeys } from '../../jobs/tickets/queue-order';
import { TicketsTab } from '../../register/tabs';
import { lockOrTell } from '../../jobs/lock-policy';
import { RegisterError } from '../../register/table';
import { runJob, type Told } from '../run-job';

/**
 * Menu "Sort queue": Tickets in the seeds' order (open work first in first out within
 * priority; Resolved, then Closed below) with Range.sort, so notes, formats and dropdowns
 * travel with their rows and nothing is rewritten. Sheets cannot sort by "Critical before
 * High" itself, so the order is written as a key into a scratch column just right of the
 * data, the data rows are sorted by it in one call, and the scratch column is cleared.
 * Holds the document lock, so no job is between its re-read and its writes; jobs find rows
 * by Ticket ID, so sorting at any other time is safe too. Only the Tickets tab is touched.
 */
export function sortQueueNow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string | Told {
  return runJob(
    'queue',
    (env) =>
      lockOrTell(env.lock, 'queue', 'Sort queue', () => {
        const sheet = ss.getSheetByName(TicketsTab.name);
        if (!sheet) return 'There is no Tickets tab: run Support Desk → Set up register.';
        const lastRow = sheet.getLastRow();
        const lastCol = sheet.getLastColumn();
        if (lastRow < 3) return 'Nothing to sort: fewer than two tickets.';
        const values = sheet.getRange(1, 1, lastRow, lastCol).getValues();
        const header = values[0]!.map((h) => String(h).trim());
        const col = (h: string) => header.indexOf(h);
        const missing = ['Status', 'Priority', 'Received at'].filter((h) => col(h) < 0);
        if (missing.length)
          throw new RegisterError(
            `Sort queue: the Tickets tab has no ${missing.join(', ')} column. Run Support Desk → Set up register to restore it.`,
          );
        const keys = queueKeys(values.slice(1), { status: col('Status'), priority: col('Priority'), receivedAt: col('Received at') });
        if (inQueueOrder(keys)) {
          ss.toast('Tickets are already in queue order.', 'Support Desk', 5);
          return 'Tickets are already in queue order.';
        }
        const rows = lastRow - 1;
        const scratch = lastCol + 1;
        const added = sheet.getMaxColumns() < scratch;
        if (added) sheet.insertColumnAfter(lastCol);
        const scratchRange = sheet.getRange(2, scratch, rows, 1);
        try {
          scratchRange.setValues(keys.map((k) => [k]));
          sheet.getRange(2, 1, rows, scratch).sort({ column: scratch, ascending: true });
        } finally {
          scratchRange.clearContent();
          if (added) sheet.deleteColumn(scratch);
        }
        const open = keys.filter((k, i) => k !== '' && !['Resolved', 'Closed'].includes(String(values[i + 1]![col('Status')]))).length;
        const message = `Sorted ${keys.filter((k) => k !== '').length} tickets: ${open} open ones first, by priority and then oldest first.`;
        env.log.add('Sort queue', message);
        ss.toast(message, 'Support Desk', 5);
        return message;
      }),
    { ss, toast: true },
  );
}
