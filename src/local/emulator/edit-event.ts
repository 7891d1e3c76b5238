import type { Emulator, RunResult } from './index';
import { isDate } from './realm';
import type { Range } from './spreadsheet/range';
import type { SpreadsheetApp } from './spreadsheet/app';
import { instantToWallAsUtc } from './spreadsheet/zone';

export interface EditOptions {
  /** Who edits (e.user); default the emulator's account. */
  readonly user?: string;
  /**
   * The values are pasted (clipboard), not typed: Apps Script then gives no value/oldValue,
   * even when the paste covers one cell.
   */
  readonly paste?: boolean;
}

export interface EditResult {
  /** The simple `onEdit` run, when the project has one (authMode LIMITED, no triggerUid). */
  readonly simple?: RunResult<unknown>;
  /** Each installed ON_EDIT trigger's run (authMode FULL, with its triggerUid). */
  readonly installed: { readonly handler: string; readonly triggerUid: string; readonly result: RunResult<unknown> }[];
}

const SERIAL_EPOCH_WALL = Date.UTC(1899, 11, 30);

/**
 * A cell's content as the edit event's value/oldValue carry it: text; numbers as their
 * digits; booleans TRUE/FALSE; dates as the Sheets serial number (days since 1899-12-30 in
 * the spreadsheet's zone); blank → absent.
 */
export function eventText(v: unknown, zone: string): string | undefined {
  if (v === '' || v === null || v === undefined) return undefined;
  if (isDate(v)) return String((instantToWallAsUtc(v.getTime(), zone) - SERIAL_EPOCH_WALL) / 86_400_000);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * A person edits the sheet: `values` are written at `a1` through the emulated
 * SpreadsheetApp as typed input (strings parsed as Sheets parses typing, dropdown
 * validation enforced — a rejected value throws and fires nothing), then the edit
 * triggers fire as in Sheets: the simple `onEdit` and every installed ON_EDIT trigger,
 * each as its own execution, with the event object Apps Script builds (range, source,
 * user, authMode, triggerUid; value and oldValue only for a single-cell edit). A single
 * cell `a1` with a larger grid is a paste starting there; a multi-row grid is a paste or
 * fill-down.
 */
export function deliverEdit(em: Emulator, sheetName: string, a1: string, values: unknown, opts: EditOptions = {}): EditResult {
  const grid: unknown[][] = Array.isArray(values) && values.every((l) => Array.isArray(l)) ? (values as unknown[][]) : [[values]];
  if (grid.length === 0 || grid[0]!.length === 0) throw new Error('em.edit: no values to type');
  const app = em.realm.context['SpreadsheetApp'] as SpreadsheetApp;
  const ss = app.getActiveSpreadsheet()!;
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`em.edit: no sheet named ${sheetName}`);
  let range = sheet.getRange(a1) as Range;
  const single = (r: Range) => r.getNumRows() === 1 && r.getNumColumns() === 1;
  if (single(range) && (grid.length > 1 || grid[0]!.length > 1)) {
    range = sheet.getRange(range.getRow(), range.getColumn(), grid.length, grid[0]!.length) as Range;
  }
  const model = em.workbook.requireSheet(sheetName);
  const zone = em.workbook.timeZone;
  const isSingle = single(range);
  const oldValue = isSingle ? eventText(model.value(range.getRow(), range.getColumn()), zone) : undefined;

  range.setValues(em.realm.toRealm(grid));

  const newValue = isSingle ? eventText(model.value(range.getRow(), range.getColumn()), zone) : undefined;
  const email = (opts.user ?? em.ctx.user).toLowerCase();
  const user = { getEmail: () => email, getNickname: () => email.split('@')[0] ?? email, toString: () => email };
  const base: Record<string, unknown> = { range, source: ss, user };
  if (isSingle && !opts.paste) {
    if (newValue !== undefined) base['value'] = newValue;
    if (oldValue !== undefined) base['oldValue'] = oldValue;
  }

  const simple = em.entryPoints().includes('onEdit') ? em.run('onEdit', { ...base, authMode: 'LIMITED' }) : undefined;
  const installed = em.triggers.triggers
    .filter((t) => t.eventType === 'ON_EDIT')
    .filter((t) => t.documentId === em.workbook.id)
    // An installable trigger runs as its owner, whoever edits.
    .map((t) => ({
      handler: t.handler,
      triggerUid: t.id,
      result: em.runAs(t.owner, t.handler, { ...base, authMode: 'FULL', triggerUid: t.id }),
    }));
  return simple ? { simple, installed } : { installed };
}
