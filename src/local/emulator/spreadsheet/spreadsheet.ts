import { isDate } from '../realm';
import type { Env } from './env';
import { MSG } from './messages';
import type { Protection } from './protection';
import type { Range } from './range';
import { findSheet, resolveA1 } from './resolve';
import type { Sheet } from './sheet';
import type { SheetModel } from './sheet-model';
import { instantToWall, isValidZone, wallToInstant } from './zone';

/** The SheetModel behind a Sheet the product passes back in. */
function modelOf(env: Env, sheet: unknown): SheetModel | undefined {
  if (!sheet || typeof sheet !== 'object' || typeof (sheet as Sheet).getSheetId !== 'function') return undefined;
  const id = (sheet as Sheet).getSheetId();
  return env.workbook.sheetById(id);
}

/** SpreadsheetApp.Spreadsheet: the one bound spreadsheet. */
export class Spreadsheet {
  constructor(private readonly env: Env) {}

  private get wb() {
    return this.env.workbook;
  }

  getId(): string {
    this.env.call('Spreadsheet.getId', { cheap: true });
    return this.wb.id;
  }
  getName(): string {
    this.env.call('Spreadsheet.getName', { cheap: true });
    return this.wb.name;
  }
  rename(name: string): void {
    this.env.call('Spreadsheet.rename');
    this.wb.name = String(name);
  }
  getUrl(): string {
    this.env.call('Spreadsheet.getUrl', { cheap: true });
    return `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`;
  }
  getSpreadsheetLocale(): string {
    this.env.call('Spreadsheet.getSpreadsheetLocale', { cheap: true });
    return this.wb.locale;
  }
  getSpreadsheetTimeZone(): string {
    this.env.call('Spreadsheet.getSpreadsheetTimeZone', { cheap: true });
    return this.wb.timeZone;
  }
  /**
   * Sheets keeps date cells as wall-clock times, so changing the zone keeps what the
   * cells show and moves the instants they denote.
   */
  setSpreadsheetTimeZone(timeZone: string): void {
    this.env.call('Spreadsheet.setSpreadsheetTimeZone');
    const zone = String(timeZone);
    if (!isValidZone(zone)) this.env.ctx.fail(MSG.invalidTimeZone(zone));
    const from = this.wb.timeZone;
    if (from === zone) return;
    for (const sheet of this.wb.sheets)
      for (const row of sheet.rows) {
        if (!row) continue;
        row.v.forEach((v, i) => {
          if (!isDate(v)) return;
          const w = instantToWall(v.getTime(), from);
          const ms = wallToInstant(
            { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second, millisecond: w.millisecond },
            zone,
          );
          row.v[i] = new Date(ms ?? v.getTime());
        });
      }
    this.wb.timeZone = zone;
  }

  // ---- sheets ----

  getSheets(): Sheet[] {
    this.env.call('Spreadsheet.getSheets');
    return this.env.ctx.realm.toRealm(this.wb.sheets.map((s) => this.env.sheet(s)));
  }
  getNumSheets(): number {
    this.env.call('Spreadsheet.getNumSheets', { cheap: true });
    return this.wb.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    this.env.call('Spreadsheet.getSheetByName');
    const model = findSheet(this.env, String(name));
    return model ? this.env.sheet(model) : null;
  }
  getSheetById(id: number): Sheet | null {
    this.env.call('Spreadsheet.getSheetById');
    const model = this.wb.sheetById(id);
    return model ? this.env.sheet(model) : null;
  }

  /** insertSheet(), (name), (index), (name, index); the new sheet becomes active. */
  insertSheet(a?: unknown, b?: unknown): Sheet {
    this.env.call('Spreadsheet.insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    else if (a !== undefined && a !== null && typeof a !== 'object')
      this.env.ctx.fail(MSG.signature('SpreadsheetApp.Spreadsheet.insertSheet'));
    if (typeof b === 'number') index = b;
    if (name === undefined) {
      let n = this.wb.sheets.length + 1;
      while (findSheet(this.env, `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (findSheet(this.env, name)) this.env.ctx.fail(MSG.sheetExists(name));
    const model = this.wb.addSheet(name, index === undefined ? {} : { index });
    this.wb.active = { sheetId: model.id };
    return this.env.sheet(model);
  }
  deleteSheet(sheet: Sheet): void {
    this.env.call('Spreadsheet.deleteSheet');
    const model = modelOf(this.env, sheet);
    if (!model) return this.env.ctx.fail(MSG.noSuchSheet);
    if (this.wb.sheets.length <= 1) this.env.ctx.fail(MSG.lastSheet);
    this.wb.removeSheet(model);
  }
  getActiveSheet(): Sheet {
    this.env.call('Spreadsheet.getActiveSheet', { cheap: true });
    const model = this.wb.activeSheet();
    if (!model) return this.env.ctx.fail(MSG.noSuchSheet);
    return this.env.sheet(model);
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this.env.call('Spreadsheet.setActiveSheet');
    const model = modelOf(this.env, sheet);
    if (!model) return this.env.ctx.fail(MSG.noSuchSheet);
    this.wb.active = { sheetId: model.id };
    return this.env.sheet(model);
  }
  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    this.env.call('Spreadsheet.moveActiveSheet');
    const model = this.wb.activeSheet();
    if (!model) return;
    if (typeof pos !== 'number' || pos < 1 || pos > this.wb.sheets.length) this.env.ctx.fail(MSG.outsideSheet);
    this.wb.sheets.splice(this.wb.sheets.indexOf(model), 1);
    this.wb.sheets.splice(pos - 1, 0, model);
  }

  // ---- selection ----

  getActiveRange(): Range | null {
    this.env.call('Spreadsheet.getActiveRange', { cheap: true });
    const model = this.wb.activeSheet();
    if (!model) return null;
    const sel = this.wb.active?.sheetId === model.id ? this.wb.active.range : undefined;
    return sel ? this.env.range(model, sel.row, sel.column, sel.numRows, sel.numColumns) : this.env.range(model, 1, 1, 1, 1);
  }
  getActiveCell(): Range | null {
    this.env.call('Spreadsheet.getActiveCell', { cheap: true });
    const model = this.wb.activeSheet();
    if (!model) return null;
    const sel = this.wb.active?.sheetId === model.id ? this.wb.active.range : undefined;
    return this.env.range(model, sel?.row ?? 1, sel?.column ?? 1, 1, 1);
  }
  setActiveRange(range: Range): Range {
    this.env.call('Spreadsheet.setActiveRange');
    return range.activate();
  }
  setActiveSelection(a1: unknown): Range {
    this.env.call('Spreadsheet.setActiveSelection');
    const sheet = this.wb.activeSheet();
    if (!sheet) return this.env.ctx.fail(MSG.noSuchSheet);
    const range = typeof a1 === 'string' ? resolveA1(this.env, sheet, a1) : (a1 as Range);
    return range.activate();
  }
  getRange(a1: string): Range {
    this.env.call('Spreadsheet.getRange', { cheap: true });
    const sheet = this.wb.activeSheet();
    if (!sheet) return this.env.ctx.fail(MSG.noSuchSheet);
    return resolveA1(this.env, sheet, a1);
  }

  getProtections(type: unknown): Protection[] {
    this.env.call('Spreadsheet.getProtections');
    if (type !== 'RANGE' && type !== 'SHEET') this.env.ctx.fail(MSG.signature('SpreadsheetApp.Spreadsheet.getProtections'));
    const all = this.wb.sheets.flatMap((s) => s.protections.filter((p) => p.type === type));
    return this.env.ctx.realm.toRealm(all.map((p) => this.env.protection(p)));
  }

  // ---- ui ----

  /** Shown in the corner of the editor; recorded (a no-op where no editor is open). */
  toast(message: unknown, title?: unknown, timeoutSeconds?: number | null): void {
    this.env.call('Spreadsheet.toast');
    this.wb.ui.toasts.push({
      message: String(message ?? ''),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
      at: this.env.ctx.clock.now(),
    });
  }

  toString(): string {
    return 'Spreadsheet';
  }
}
