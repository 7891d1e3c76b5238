import { isDate } from '../realm';
import { DATE_TIME_FORMAT } from './number-format';
import { SheetModel, type CellValue } from './sheet-model';
import { UiRecorder } from './ui-recorder';

export interface WorkbookOptions {
  id?: string;
  name?: string;
  timeZone?: string;
}

/**
 * The zone of a spreadsheet or script nobody set one for. Apps Script gives a new project
 * its creator's account zone, and the manifest template of a new project reads
 * America/New_York; the emulator has no account, so it takes the template's. Callers with a
 * product zone pass it.
 */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/** Deterministic ids so runs and snapshots repeat. */
function idFor(name: string): string {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let out = '1';
  for (let i = 0; i < 43; i++) {
    h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}

/** The spreadsheet behind the emulated SpreadsheetApp: host-side data, read live by the service. */
export class WorkbookModel {
  readonly id: string;
  name: string;
  timeZone: string;
  locale = 'en_US';
  readonly sheets: SheetModel[] = [];
  readonly ui = new UiRecorder();
  /** The selection: sheet id and, if any, the selected rectangle. */
  active: { sheetId: number; range?: { row: number; column: number; numRows: number; numColumns: number } } | null = null;
  private nextSheetId = 1;

  constructor(options: WorkbookOptions = {}) {
    this.name = options.name ?? 'Untitled spreadsheet';
    this.id = options.id ?? idFor(this.name);
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** Adds a sheet (at the end unless `index`, 0-based). The first sheet gets id 0 as in Sheets. */
  addSheet(name: string, options: { index?: number; rows?: number; columns?: number } = {}): SheetModel {
    if (this.sheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const id = this.sheets.length === 0 && !this.sheetById(0) ? 0 : this.freshSheetId();
    const sheet = new SheetModel(name, id, options.rows, options.columns);
    const index = Math.max(0, Math.min(options.index ?? this.sheets.length, this.sheets.length));
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  private freshSheetId(): number {
    // Real sheet ids are large random integers; a fixed sequence keeps tests repeatable.
    const id = ((this.nextSheetId++ * 1103515245 + 12345) >>> 1) % 2_000_000_000;
    return this.sheetById(id) ? this.freshSheetId() : id;
  }

  /**
   * A spreadsheet always has a sheet: a workbook built empty gets Sheet1 the first time
   * the script opens it, as a new Google Sheet does.
   */
  ensureSheet(): void {
    if (this.sheets.length === 0) this.addSheet('Sheet1');
  }

  removeSheet(sheet: SheetModel): void {
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
    if (this.active?.sheetId === sheet.id) this.active = null;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** The sheet or throws: for test set-up, where a typo should fail loudly. */
  requireSheet(name: string): SheetModel {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  activeSheet(): SheetModel | undefined {
    const id = this.active?.sheetId;
    return (id === undefined ? undefined : this.sheetById(id)) ?? this.sheets[0];
  }

  /** The tab's values from A1 to its last row and column, Dates as host Dates. */
  sheetValues(name: string): CellValue[][] {
    return this.requireSheet(name).values();
  }

  /**
   * Test set-up: writes raw values from `row`, `column` without any parsing (strings stay
   * text, Dates stay dates), growing the sheet as needed.
   */
  writeRaw(name: string, values: readonly (readonly CellValue[])[], row = 1, column = 1): void {
    const sheet = this.sheet(name) ?? this.addSheet(name);
    values.forEach((line, i) => {
      line.forEach((v, j) => {
        if (isDate(v)) {
          sheet.setValue(row + i, column + j, new Date(v.getTime()));
          if (sheet.format(row + i, column + j) === undefined) sheet.setFormat(row + i, column + j, DATE_TIME_FORMAT);
        } else sheet.setValue(row + i, column + j, v);
      });
      sheet.maxColumns = Math.max(sheet.maxColumns, column + line.length - 1);
    });
    sheet.maxRows = Math.max(sheet.maxRows, row + values.length - 1);
  }
}
