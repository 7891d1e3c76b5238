/**
 * The edit handler's part for Final billing tabs (issue 13, defect 4). The tab only shows
 * what was billed (the final list and the figures are in document properties), yet a
 * changed cell would mislead whoever reads it: a typed change is put back from the event's
 * old value with a note; a Status cell is always put back to Final; a paste (no old value in
 * Apps Script) gets a note asking for Undo, and the Log says so.
 */
import type { YearMonth } from '../../core/hours/month';
import type { KeyValuePort, RunLogPort } from '../ports';
import { finalMonths } from './final-months';
import { BILLING_TAB } from './tab-layout';

export interface FinalTabPort {
  readAll(): unknown[][];
  /** The cell's number format ('@' = plain text). */
  formatOf(row: number, column: number): string;
  write(row: number, column: number, value: unknown): void;
  note(row: number, column: number, text: string): void;
}

export interface FinalTabEdit {
  readonly sheetName: string;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  /** Only for a single cell typed over a non-blank one (Apps Script leaves it out otherwise). */
  readonly oldValue?: string;
  readonly user: string;
}

export interface FinalTabEditReport {
  readonly outcome: 'ignored' | 'done';
  readonly restored: number;
  readonly message: string;
  readonly toast: string;
}

const ignored = (message: string): FinalTabEditReport => ({ outcome: 'ignored', restored: 0, message, toast: '' });

/** The event's old text as the cell held it: a number cell gets its number back, a text cell its text. */
function cellOf(text: string, format: string): unknown {
  if (format === '@' || text.trim() === '') return text;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

export function handleFinalTabEdit(
  ports: { readonly tab: FinalTabPort; readonly kv: KeyValuePort; readonly log: RunLogPort },
  edit: FinalTabEdit,
): FinalTabEditReport {
  const m = BILLING_TAB.exec(edit.sheetName);
  if (!m) return ignored(`An edit on ${edit.sheetName}: nothing to do.`);
  const month = m[1] as YearMonth;
  if (!finalMonths(ports.kv, () => []).has(month)) return ignored(`${edit.sheetName} is not final: edits are allowed.`);

  const note = `${edit.sheetName} is final: this cell was put back. The month is billed as it was closed; to bill it again, use Support Desk → Reopen month… (with a reason).`;
  const who = edit.user || 'someone';
  const raw = ports.tab.readAll();
  const header = (raw[0] ?? []).map((h) => String(h ?? '').trim());
  const statusCol = header.indexOf('Status') + 1;
  const totalRow = raw.findIndex((r, i) => i > 0 && String(r[0] ?? '').trim() === 'Total') + 1;
  const isStatus = (r: number, c: number) => statusCol > 0 && c === statusCol && r >= 2 && totalRow > 0 && r <= totalRow;

  let restored = 0;
  const single = edit.numRows === 1 && edit.numColumns === 1;
  if (single && edit.oldValue !== undefined) {
    ports.tab.write(edit.row, edit.column, cellOf(edit.oldValue, ports.tab.formatOf(edit.row, edit.column)));
    ports.tab.note(edit.row, edit.column, note);
    restored = 1;
  } else {
    for (let r = edit.row; r < edit.row + edit.numRows; r++)
      for (let c = edit.column; c < edit.column + edit.numColumns; c++)
        if (isStatus(r, c) && String(raw[r - 1]?.[c - 1] ?? '') !== 'Final') {
          ports.tab.write(r, c, 'Final');
          restored++;
        }
    ports.tab.note(
      edit.row,
      edit.column,
      `${edit.sheetName} is final: this change is not billing and nothing was re-billed. Undo (Ctrl+Z) puts it back; to bill the month again, use Support Desk → Reopen month… (with a reason).`,
    );
  }
  const all = edit.numRows * edit.numColumns;
  const kept = all - restored;
  const message =
    `${who} edited ${edit.sheetName} (final): ${restored} cell(s) put back` +
    (kept > 0 ? `, ${kept} cell(s) could not be (a paste gives no old values): Undo puts them back` : '') +
    '. The month stays final; nothing is re-billed.';
  ports.log.add('Final tab edited', message);
  const toast =
    kept > 0
      ? `${edit.sheetName} is final: press Undo (Ctrl+Z) to put the pasted cells back.`
      : `${edit.sheetName} is final: your change was put back.`;
  return { outcome: 'done', restored, message, toast };
}
