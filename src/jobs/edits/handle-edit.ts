import { STANDARD_PRIORITY_NAMES } from '../../core/tickets/priority-names';
import { showTime } from '../../core/time/show';
import type { Matrices } from '../../core/escalation/index';
import { applyPlan, planWrites, readTable, type CellWrite, type Table } from '../../register/table';
import type { SheetPort } from '../../register/sheet-port';
import { TicketsTab } from '../../register/tabs';
import { headersOf } from '../../register/tab-spec';
import { requireColumns } from '../../register/required-columns';
import { loadMatrices } from '../shared/matrices';
import { loadSlaContext, type SlaContext } from '../shared/sla-context';
import { computeRow } from '../tickets/compute-row';
import type { TicketRecord } from '../tickets/prepare';
import { describeMoves, dueMoves } from '../tickets/due-moves';
import { valueFromEventText } from './event-value';
import { isOwned, putBackNote, RECOMPUTED, ticketColumn, WATCHED } from './owned-columns';
import { isBlankAt, isManualRow, MANUAL_DEFAULTED, MANUAL_TYPED, ManualNumbers, startManual, startsTicket } from './manual-ticket';
import type { EditPorts, TicketEdit } from './ports';
import { lockOrSkip } from '../lock-policy';
import { closedStamps } from './closed-stamps';
import { isBlankRow, sameCell } from '../../register/cell-equality';

export interface EditReport {
  readonly outcome: 'ignored' | 'busy' | 'done';
  /** Owned cells put back to their exact previous value (single-cell edits). */
  readonly restored: number;
  /** Tickets whose stamps, deadlines and SLA state were recomputed. */
  readonly recomputed: number;
  /** Owned cells a multi-cell paste overwrote with no way to know the old value: noted, Undo brings them back. */
  readonly unrecoverable: number;
  /** Edited tickets that cannot be evaluated (their Problems cell says why). */
  readonly problems: number;
  readonly message: string;
  /** What the person at the sheet was told (toast), '' for nothing. */
  readonly toast: string;
}

const EMPTY: readonly unknown[] = Object.freeze([]);

const report = (outcome: EditReport['outcome'], message: string, extra: Partial<EditReport> = {}): EditReport => ({
  outcome,
  restored: 0,
  recomputed: 0,
  unrecoverable: 0,
  problems: 0,
  message,
  toast: '',
  ...extra,
});

/**
 * The installable edit trigger's job. One pass over the edited rectangle,
 * however many rows a paste or fill-down covers: one read of the header and one of the
 * edited rows, under the document lock, and batched writes of owned columns only.
 *
 * - Status / Priority / Client ID changed: the row's stamps are reconciled at the moment
 *   of the edit (Resolved at, Waiting-on-customer pauses in Paused; a reopen clears
 *   Resolved at) and every deadline is recomputed from Received at, exactly as the sweep
 *   computes them (computeRow); moved deadlines are logged old → new.
 * - An automation-owned cell typed over (single cell): put back from `e.oldValue`, with a
 *   note on the cell and a toast saying why. A single cell without `oldValue` (pasted, or
 *   blank before: Apps Script does not tell these apart) is handled as a paste, never blanked.
 * - Owned cells pasted over (several cells: Apps Script gives no old values): the
 *   computed columns (due times, SLA state, tier, Policy, Problems) are recomputed now;
 *   record columns (IDs, message stamps, ledgers) cannot be known, so each gets a note
 *   and the toast asks for Undo, which restores them exactly. Nothing is guessed.
 *
 * No mail is sent here: the Resolved notice and escalations go out with the next sweep,
 * which leaves a mistaken Resolved a few minutes to be undone before the customer hears.
 */
export function handleTicketEdit(ports: EditPorts, edit: TicketEdit): EditReport {
  if (edit.sheetName !== TicketsTab.name) return report('ignored', `An edit on ${edit.sheetName}: nothing to do.`);
  const first = Math.max(2, edit.row);
  const last = edit.row + edit.numRows - 1;
  if (last < first) return report('ignored', 'An edit of the header row: nothing to do.');

  const header = ports.tickets.readHeader().map((h) => String(h ?? '').trim());
  const edited: { col: number; header: string }[] = [];
  for (let c = edit.column; c < edit.column + edit.numColumns; c++) edited.push({ col: c - 1, header: header[c - 1] ?? '' });
  const owned = edited.filter((e) => isOwned(e.header));
  const watched = edited.filter((e) => WATCHED.has(e.header));
  if (owned.length === 0 && watched.length === 0) return report('ignored', 'No column the automation watches was edited.');

  return lockOrSkip(
    ports.lock,
    'edit',
    () => handleLocked(ports, edit, header, owned, watched, first, last),
    () => {
      const toast = 'Support Desk is busy (another job is running): your edit is kept, and the next SLA sweep updates the ticket.';
      ports.workbook.toast(toast);
      ports.log.add('Edit deferred', `rows ${first}–${last}: the document lock was busy; the next sweep reconciles them`);
      return report('busy', toast, { toast });
    },
  );
}

function handleLocked(
  ports: EditPorts,
  edit: TicketEdit,
  header: readonly string[],
  owned: readonly { col: number; header: string }[],
  watched: readonly { col: number; header: string }[],
  first: number,
  editLast: number,
): EditReport {
  const { log } = ports;
  // A renamed or deleted column the computation needs stops the handler before any write.
  requireColumns({ spec: TicketsTab, missing: headersOf(TicketsTab).filter((h) => !header.includes(h)) }, 'edit', 'edit handler');
  const now = ports.clock.now();
  const zone = ports.workbook.timeZone;
  const single = edit.numRows === 1 && edit.numColumns === 1;
  const last = Math.min(editLast, Math.max(ports.tickets.lastRow(), first));
  const read = ports.tickets.readRows(first, last - first + 1);

  // The table as the sheet holds it now (rows outside the edit left blank, so row numbers
  // stay the sheet's), and a patched copy with what the row should hold before computing.
  const actual: (readonly unknown[])[] = Array.from({ length: last }, () => EMPTY);
  actual[0] = header;
  read.forEach((line, i) => (actual[first - 1 + i] = line));
  const patched = actual.map((line, i) => (i >= first - 1 ? [...line] : line));

  const at = showTime(now, zone);
  const writes: CellWrite[] = [];
  const recompute = new Set<number>();
  const restoredCells: { row: number; header: string }[] = [];
  const undoCells: { row: number; header: string }[] = [];
  const clearedRows: number[] = [];
  const numbers = new ManualNumbers(ports.state, () => ports.tickets.readColumn(header.indexOf('Ticket ID') + 1));
  const opened: { row: number; id: string; typedReceived: boolean }[] = [];
  for (let r = first; r <= last; r++) {
    const line = patched[r - 1] as unknown[];
    if (isBlankRow(line)) {
      if (owned.length) clearedRows.push(r);
      continue;
    }
    // A ticket taken by phone or chat: a person typed a new row. It gets a number and a Received at.
    if (startsTicket(line, header)) {
      const start = startManual(line, header, numbers.next(), now);
      for (const [h, v] of Object.entries(start.cells)) writes.push({ rowNumber: r, header: h, value: v });
      opened.push({ row: r, id: start.id, typedReceived: start.typedReceived });
      recompute.add(r);
    }
    // A row still being entered (no Ticket ID yet) counts as manual too: what is typed there is kept.
    const manual = isManualRow(line, header) || (isBlankAt(line, header, 'Ticket ID') && isBlankAt(line, header, 'Thread ID'));
    for (const e of owned) {
      if (manual && MANUAL_TYPED.has(e.header)) {
        // The person's to type on a manual ticket: kept, and the deadlines follow it.
        recompute.add(r);
        continue;
      }
      // Without oldValue (a paste, even of one cell, or a cell that was blank) the previous
      // content is unknowable: never write a blank over it; treat it as a paste below.
      if (single && edit.oldValue !== undefined) {
        const value = valueFromEventText(edit.oldValue, ticketColumn(e.header)?.format, zone);
        if (sameCell(line[e.col], value)) continue;
        line[e.col] = value;
        writes.push({ rowNumber: r, header: e.header, value, note: putBackNote(e.header, at, 'restored') });
        restoredCells.push({ row: r, header: e.header });
      } else if (RECOMPUTED.has(e.header)) {
        line[e.col] = '';
        recompute.add(r);
      } else {
        writes.push({ rowNumber: r, header: e.header, value: actual[r - 1]![e.col], note: putBackNote(e.header, at, 'undo') });
        undoCells.push({ row: r, header: e.header });
      }
    }
    if (watched.length) recompute.add(r);
  }

  let plain: boolean[] | undefined;
  const plainText = () => (plain ??= ports.tickets.plainTextColumns?.() ?? []);
  const asPort = (raw: readonly (readonly unknown[])[]): SheetPort => ({
    name: TicketsTab.name,
    readAll: () => raw as unknown[][],
    plainTextColumns: plainText,
    priorityNames: () => ports.tickets.priorityNames?.() ?? STANDARD_PRIORITY_NAMES,
    writeBlocks: (b) => ports.tickets.writeBlocks(b),
    writeNotes: (n) => ports.tickets.writeNotes(n),
    append: () => {
      throw new Error('the edit handler never appends');
    },
  });
  const table = readTable(asPort(patched), TicketsTab);
  const idOf = (r: number) => String(actual[r - 1]?.[header.indexOf('Ticket ID')] ?? '') || `row ${r}`;

  // Recompute the edited tickets as the sweep would, now.
  let ctx: SlaContext | null = null;
  let matrices: Matrices | null = null;
  let recomputed = 0;
  let problems = 0;
  const moved: string[] = [];
  const by = edit.user ? `the edit by ${edit.user}` : 'an edit';
  const hasProblems = header.includes('Problems');
  for (const p of table.problems) {
    if (!recompute.has(p.rowNumber)) continue;
    problems++;
    if (hasProblems) writes.push({ rowNumber: p.rowNumber, header: 'Problems', value: p.message });
    log.add('Edit not applied', `row ${p.rowNumber}: ${p.message}`, { ticketId: idOf(p.rowNumber) });
  }
  for (const row of table.rows) {
    if (!recompute.has(row.rowNumber)) continue;
    ctx ??= loadSlaContext(ports.workbook);
    matrices ??= loadMatrices(ports.workbook).matrices;
    const data = row.data as TicketRecord;
    const id = data['Ticket ID'];
    const u = computeRow(id, row.rowNumber, data, ctx, matrices, now, zone, by);
    if (hasProblems) writes.push({ rowNumber: row.rowNumber, header: 'Problems', value: u.problem });
    if (!u.prepared.ok) {
      problems++;
      log.add('Edit not applied', u.problem, { ticketId: id, clientId: data['Client ID'] });
      continue;
    }
    recomputed++;
    if (watched.some((w) => w.header === 'Status'))
      for (const w of closedStamps(data, header, edit.user, now)) writes.push({ rowNumber: row.rowNumber, ...w });
    for (const [h, v] of Object.entries(u.values)) {
      const note = u.notes[h];
      writes.push(
        note === undefined ? { rowNumber: row.rowNumber, header: h, value: v } : { rowNumber: row.rowNumber, header: h, value: v, note },
      );
    }
    if (
      single &&
      watched.length &&
      edit.oldValue !== undefined &&
      !sameCell(edit.oldValue, data[watched[0]!.header as keyof TicketRecord])
    ) {
      log.add(
        `${watched[0]!.header} changed`,
        `${edit.oldValue || '(blank)'} → ${String(data[watched[0]!.header as keyof TicketRecord] ?? '')}${edit.user ? ` by ${edit.user}` : ''}`,
        { ticketId: id, clientId: data['Client ID'] },
      );
    }
    for (const l of u.logs) log.add(l.action, l.detail, { ticketId: id, clientId: data['Client ID'] });
    const before: Record<string, unknown> = {};
    for (const h of Object.keys(u.values)) before[h] = actual[row.rowNumber - 1]?.[header.indexOf(h)];
    const moves = dueMoves(before, u.values);
    // A ticket started by this edit had no deadlines to move: its Manual ticket line says it.
    if (moves.length && !opened.some((o) => o.row === row.rowNumber)) {
      const text = describeMoves(moves, u.prepared.calendar.timeZone);
      log.add('Deadlines moved', text, { ticketId: id, clientId: data['Client ID'] });
      moved.push(`${id}: ${text}`);
    }
  }

  for (const c of restoredCells)
    log.add(
      'Put back',
      `${c.header} on row ${c.row}: filled in by the automation; the previous value is back${edit.user ? ` (typed by ${edit.user})` : ''}`,
      { ticketId: idOf(c.row) },
    );
  for (const c of undoCells)
    log.add(
      'Pasted over',
      `${c.header} on row ${c.row}: filled in by the automation; a multi-cell paste gives no previous value — Undo restores it`,
      { ticketId: idOf(c.row) },
    );
  if (clearedRows.length)
    log.add(
      'Rows cleared',
      `rows ${clearedRows.join(', ')} were emptied by hand; their tickets are no longer on the register (Undo brings them back)`,
    );

  for (const o of opened) {
    const received = patched[o.row - 1]![header.indexOf('Received at')] as Date;
    log.add(
      'Manual ticket',
      `${o.id} started on row ${o.row}${edit.user ? ` by ${edit.user}` : ''}; Received at ${o.typedReceived ? 'kept as typed' : 'stamped'}: ${showTime(received.getTime(), zone)}`,
      { ticketId: o.id },
    );
  }

  // A manual ticket's blank Status, Priority and Reason are filled with their defaults (people's columns, left blank).
  const plan = planWrites({ ...(table as Table<unknown>), raw: actual }, writes, opened.length ? MANUAL_DEFAULTED : []);
  applyPlan(asPort(actual), plan);
  numbers.save();

  const toastParts: string[] = [];
  if (restoredCells.length) {
    const cols = [...new Set(restoredCells.map((c) => c.header))].join(', ');
    toastParts.push(`Put back ${cols} on ${idOf(restoredCells[0]!.row)}: Support Desk fills in that column (see the cell's note).`);
  }
  if (undoCells.length) {
    const cols = [...new Set(undoCells.map((c) => c.header))].join(', ');
    toastParts.push(
      `${undoCells.length} cell(s) of ${cols} were pasted over; they are filled in by Support Desk — press Undo (Ctrl+Z / ⌘Z) to bring them back.`,
    );
  }
  if (opened.length)
    toastParts.push(
      `New ticket${opened.length === 1 ? '' : 's'} ${opened.map((o) => o.id).join(', ')}: numbered, Received at set, deadlines counted.`,
    );
  if (problems) toastParts.push(`${problems} edited row(s) cannot be evaluated: see their Problems cells.`);
  if (moved.length === 1) toastParts.push(`Deadlines moved — ${moved[0]}.`);
  else if (moved.length > 1) toastParts.push(`Deadlines moved on ${moved.length} tickets (see the Log).`);
  const toast = toastParts.join(' ');
  if (toast) ports.workbook.toast(toast);

  const message = [
    `Edit of rows ${first}–${last}`,
    opened.length ? `${opened.length} manual ticket(s) started` : '',
    recomputed ? `${recomputed} ticket(s) recomputed` : '',
    restoredCells.length ? `${restoredCells.length} cell(s) put back` : '',
    undoCells.length ? `${undoCells.length} pasted-over cell(s) noted` : '',
    problems ? `${problems} with problems` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return report('done', `${message}.`, { restored: restoredCells.length, recomputed, unrecoverable: undoCells.length, problems, toast });
}
