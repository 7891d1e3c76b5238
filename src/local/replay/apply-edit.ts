import type { Emulator } from '../emulator';
import type { CellText, HoursAppend, ReplayEdit, TicketEdit } from './edits-file';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sheetOf(em: Emulator, tab: string): Sheet | null {
  const app = em.realm.context['SpreadsheetApp'] as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return app.getActiveSpreadsheet().getSheetByName(tab);
}

const MESSAGE_ID = /^<[^<>\s]+>$/;

/**
 * A ticket as a person names it: its Ticket ID as it stands in Tickets, or the Message-ID
 * of any message on it, through the Messages ledger (where every message ingest saw is
 * written with its ticket).
 */
function resolveTicket(em: Emulator, ref: string): string {
  if (!MESSAGE_ID.test(ref)) return ref;
  const rows = em.workbook.sheetValues('Messages');
  const h = (rows[0] ?? []).map(String);
  const [mc, tc] = [h.indexOf('Message ID'), h.indexOf('Ticket ID')];
  if (mc < 0 || tc < 0) throw new Error('the Messages tab has no Message ID / Ticket ID columns');
  const row = rows.find((r, i) => i > 0 && String(r[mc]).toLowerCase() === ref.toLowerCase());
  if (!row) throw new Error(`no message ${ref} in Messages (not yet ingested?)`);
  const id = String(row[tc] ?? '');
  if (id === '') throw new Error(`message ${ref} is on no ticket`);
  return id;
}

function header(sheet: Sheet): string[] {
  const width = sheet.getLastColumn();
  return width ? sheet.getRange(1, 1, 1, width).getDisplayValues()[0]!.map(String) : [];
}

/** The edit trigger's failures are the product's: said, like a failed trigger run. */
function triggerErrors(result: ReturnType<Emulator['edit']>): string[] {
  return result.installed.filter((i) => i.result.error).map((i) => `${i.handler}: ${i.result.error!.message}`);
}

/** Each cell of `set` typed into the ticket's row, one edit event per cell, as a person types. */
function applyTicketEdit(em: Emulator, edit: TicketEdit): string[] {
  const sheet = sheetOf(em, 'Tickets');
  if (!sheet) throw new Error('the register has no Tickets tab');
  const id = resolveTicket(em, edit.ticket);
  const h = header(sheet);
  const idc = h.indexOf('Ticket ID');
  const values = sheet.getDataRange().getValues();
  const r = values.findIndex((row, i) => i > 0 && String(row[idc]) === id);
  if (r < 1) throw new Error(`no ticket ${id} in Tickets`);
  const missing = Object.keys(edit.set).filter((c) => !h.includes(c));
  if (missing.length) throw new Error(`Tickets has no column ${missing.map((c) => `"${c}"`).join(', ')}`);
  const errors: string[] = [];
  for (const [column, value] of Object.entries(edit.set)) {
    const a1 = sheet.getRange(r + 1, h.indexOf(column) + 1).getA1Notation();
    errors.push(...triggerErrors(em.edit('Tickets', a1, [[value]])));
  }
  return errors;
}

/** The row pasted below the last one (one edit event, as a row pasted from a timesheet). */
function applyHoursAppend(em: Emulator, edit: HoursAppend): string[] {
  const sheet = sheetOf(em, 'Hours');
  if (!sheet) throw new Error('the register has no Hours tab');
  const h = header(sheet);
  const missing = Object.keys(edit.append).filter((c) => !h.includes(c));
  if (missing.length) throw new Error(`Hours has no column ${missing.map((c) => `"${c}"`).join(', ')}`);
  const line: CellText[] = h.map(() => '');
  for (const [column, value] of Object.entries(edit.append)) {
    const text = column === 'Ticket ID' && typeof value === 'string' && value.trim() !== '' ? resolveTicket(em, value.trim()) : value;
    line[h.indexOf(column)] = text;
  }
  const row = sheet.getLastRow() + 1;
  if (row > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
  return triggerErrors(em.edit('Hours', sheet.getRange(row, 1).getA1Notation(), [line]));
}

/**
 * Applies one edit through the emulator's edit event (the sheet's dropdowns and the
 * installed edit trigger as in Sheets). Throws when it cannot be applied (no such ticket,
 * column or tab; a value a dropdown rejects); returns the edit trigger's failures.
 */
export function applyEdit(em: Emulator, edit: ReplayEdit): string[] {
  return edit.tab === 'Tickets' ? applyTicketEdit(em, edit) : applyHoursAppend(em, edit);
}
