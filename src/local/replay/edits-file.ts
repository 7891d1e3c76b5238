/**
 * The edits file of `run replay`: JSON lines of what people do in the sheet, each applied
 * at its time through the real edit trigger (see apply-edit.ts).
 *
 *   {"at":"2026-09-08T10:00:00-06:00","tab":"Tickets","ticket":"T-000004","set":{"Status":"Resolved"}}
 *   {"at":"2026-09-08T17:30:00-06:00","tab":"Hours","append":{"Date":"2026-09-08","Client ID":"CANYON","Hours":"1.5","Ticket ID":"<id@x>"}}
 *
 * `ticket` (and an Hours row's `Ticket ID`) is a Ticket ID or the Message-ID (`<…>`) of
 * any message on that ticket, looked up in Messages when the edit is applied. A line that
 * cannot be read is a problem with its line number; the others are still applied.
 */

export type CellText = string | number | boolean;

interface EditBase {
  /** 1-based line number in the file, for reports. */
  readonly line: number;
  readonly at: number;
}
export interface TicketEdit extends EditBase {
  readonly tab: 'Tickets';
  readonly ticket: string;
  readonly set: Readonly<Record<string, CellText>>;
}
export interface HoursAppend extends EditBase {
  readonly tab: 'Hours';
  readonly append: Readonly<Record<string, CellText>>;
}
export type ReplayEdit = TicketEdit | HoursAppend;

export interface EditProblem {
  readonly line: number;
  readonly message: string;
}

/** An instant with its UTC offset, as `--from`/`--to` take them. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function cells(value: unknown, field: string): Record<string, CellText> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`"${field}" must be an object of column: value`);
  const out: Record<string, CellText> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
      throw new Error(`"${field}"."${k}" must be text, a number or true/false`);
    out[k] = v;
  }
  if (Object.keys(out).length === 0) throw new Error(`"${field}" names no column`);
  return out;
}

function parseLine(text: string, line: number): ReplayEdit {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    throw new Error('not a JSON object');
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Error('not a JSON object');
  const rec = o as Record<string, unknown>;
  const at = typeof rec['at'] === 'string' && ISO_INSTANT.test(rec['at']) ? Date.parse(rec['at']) : Number.NaN;
  if (Number.isNaN(at)) throw new Error(`"at" must be an ISO date-time with its UTC offset, e.g. 2026-09-08T10:00:00-06:00`);
  if (rec['tab'] === 'Tickets') {
    if (typeof rec['ticket'] !== 'string' || rec['ticket'].trim() === '')
      throw new Error('"ticket" must be a Ticket ID (T-…) or a Message-ID (<…>)');
    return { line, at, tab: 'Tickets', ticket: rec['ticket'].trim(), set: cells(rec['set'], 'set') };
  }
  if (rec['tab'] === 'Hours') return { line, at, tab: 'Hours', append: cells(rec['append'], 'append') };
  throw new Error(`"tab" must be "Tickets" (with "ticket" and "set") or "Hours" (with "append"), not ${JSON.stringify(rec['tab'])}`);
}

/** Every line of the file, in time order (a stable sort: equal times keep file order); blank lines are skipped. */
export function parseEditsFile(text: string): { edits: ReplayEdit[]; problems: EditProblem[] } {
  const edits: ReplayEdit[] = [];
  const problems: EditProblem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      try {
        edits.push(parseLine(raw, i + 1));
      } catch (e) {
        problems.push({ line: i + 1, message: e instanceof Error ? e.message : String(e) });
      }
    });
  edits.sort((a, b) => a.at - b.at);
  return { edits, problems };
}

/** One edit as a line of the file (what the demo writes for its people). */
export function formatEdit(edit: Omit<TicketEdit, 'line' | 'at'> | Omit<HoursAppend, 'line' | 'at'>, at: string): string {
  return JSON.stringify({ at, ...edit });
}
