import * as z from 'zod/mini';
import type { Matrices } from '../../core/escalation/index';
import { headersOf } from '../../register/tab-spec';
import { TicketsTab } from '../../register/tabs';
import type { ClientRecord, SlaContext } from '../shared/sla-context';
import { computeRow, type RowUpdate } from './compute-row';
import type { TicketRecord } from './prepare';

/**
 * A new ticket has not been escalated and no matrix can have fired within the run that opened
 * it, so the row is computed without tiers (escalation is the sweep's business).
 */
const NO_MATRICES: Matrices = { byName: new Map(), problems: [] };

/**
 * The row a new ticket's cells read back as: every Tickets column, blank unless given, parsed
 * by the tab's own schema — exactly what the sweep will see on its next read.
 */
export function readBackNewRow(cells: Readonly<Record<string, unknown>>): TicketRecord | string {
  const full: Record<string, unknown> = {};
  for (const h of headersOf(TicketsTab)) full[h] = cells[h] ?? '';
  const parsed = z.safeParse(TicketsTab.schema, full);
  if (parsed.success) return parsed.data as TicketRecord;
  return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/**
 * The automation-owned values of a ticket being opened, by the same computation the sweep and
 * the edit handler run on every existing row — so the row ingest writes and a sweep of the same
 * ticket at the same `now` are identical by construction.
 */
export function computeNewTicket(
  cells: Readonly<Record<string, unknown>>,
  client: ClientRecord,
  ctx: Omit<SlaContext, 'clients'>,
  now: number,
  spreadsheetZone: string,
): RowUpdate | { readonly problem: string } {
  const row = readBackNewRow(cells);
  if (typeof row === 'string') return { problem: row };
  const only: SlaContext = { ...ctx, clients: new Map([[row['Client ID'], client]]) };
  return computeRow(row['Ticket ID'], 0, row, only, NO_MATRICES, now, spreadsheetZone, 'the new ticket');
}
