import { LogTab } from '../register/tabs';
import { cellValue } from '../register/safe-text';
import { extendTab, GROW_ROWS } from './extend-tab';

export interface LogEntry {
  readonly job: string;
  readonly action: string;
  readonly ticketId?: string;
  readonly clientId?: string;
  readonly detail?: string;
}

/**
 * Collects a run's log lines and appends them to the Log tab in one write at the end, so
 * logging costs one call per run however much happens. Also mirrored to console, which
 * Apps Script sends to Cloud Logging (exceptionLogging STACKDRIVER).
 */
export class RunLog {
  private readonly entries: { at: Date; entry: LogEntry }[] = [];
  constructor(private readonly job: string) {}

  add(action: string, detail = '', ids: { ticketId?: string; clientId?: string } = {}): void {
    this.entries.push({ at: new Date(), entry: { job: this.job, action, detail, ...ids } });
    console.log(`[${this.job}] ${action}${ids.ticketId ? ' ' + ids.ticketId : ''}: ${detail}`);
  }

  get size(): number {
    return this.entries.length;
  }

  flush(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
    if (this.entries.length === 0) return;
    const sheet = spreadsheet.getSheetByName(LogTab.name);
    if (!sheet) return; // setup has not run; console still has the lines
    const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0]!.map(String);
    const col = (h: string) => header.indexOf(h);
    const rows = this.entries.map(({ at, entry }) => {
      const line: unknown[] = new Array(header.length).fill('');
      const put = (h: string, v: unknown) => {
        const c = col(h);
        if (c >= 0) line[c] = cellValue(v);
      };
      put('At', at);
      put('Job', entry.job);
      put('Action', entry.action);
      put('Ticket ID', entry.ticketId ?? '');
      put('Client ID', entry.clientId ?? '');
      put('Detail', entry.detail ?? '');
      return line;
    });
    const first = sheet.getLastRow() + 1;
    const max = sheet.getMaxRows();
    if (first + rows.length - 1 > max) {
      sheet.insertRowsAfter(max, Math.max(first + rows.length - 1 - max, GROW_ROWS));
      extendTab(sheet, max + 1);
    }
    sheet.getRange(first, 1, rows.length, header.length).setValues(rows);
    this.entries.length = 0;
  }
}
