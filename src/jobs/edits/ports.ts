import type { PriorityNames } from '../../core/tickets/priority-names';
import type { CellBlock, NoteBlock } from '../../register/sheet-port';
import type { ClockPort, KeyValuePort, LockPort, WorkbookPort } from '../ports';
import type { RunLogPort } from '../ports';

/**
 * One edit as the Sheets edit event describes it: the rectangle a person changed (a typed
 * cell, a paste, a fill-down) on a tab. Apps Script gives the previous content only for a
 * single cell typed over (`e.oldValue`), as text; absent when the cell was blank and for
 * any paste (one cell or many), so its absence never means "was blank".
 */
export interface TicketEdit {
  readonly sheetName: string;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  /** A single cell typed over only: what it held before, as the event gives it; absent = unknown. */
  readonly oldValue?: string;
  /** Who edited (e.user), for the Log; '' when Apps Script does not say. */
  readonly user: string;
}

/**
 * The Tickets tab as the edit handler needs it: the header and the edited rows only (a
 * typed cell on a 10,000-row register must not read 10,000 rows), and batched writes.
 */
export interface EditSheetPort {
  readonly name: string;
  /** Row 1, full width (one read). */
  readHeader(): unknown[];
  /** `count` rows from `first`, as wide as the header (one read). */
  readRows(first: number, count: number): unknown[][];
  /** Last row with content (cheap). */
  lastRow(): number;
  /** One column, rows 2…last (one read): the Ticket IDs, when a manual ticket needs a number. */
  readColumn(column: number): unknown[];
  plainTextColumns?(): boolean[];
  /** The names the Priority cells are written in (see SheetPort.priorityNames). */
  priorityNames?(): PriorityNames;
  writeBlocks(blocks: readonly CellBlock[]): void;
  writeNotes(blocks: readonly NoteBlock[]): void;
}

export interface EditPorts {
  /** For the reference tabs (Clients, Calendars, SLA Policies, Escalation…), read only when a deadline must be recomputed. */
  readonly workbook: WorkbookPort;
  readonly tickets: EditSheetPort;
  readonly clock: ClockPort;
  readonly lock: LockPort;
  readonly log: RunLogPort;
  /** Document properties: the ticket number sequence shared with the inbox check. */
  readonly state: KeyValuePort;
}
