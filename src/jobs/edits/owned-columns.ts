import type { ColumnMeta } from '../../register/tab-spec';
import { TicketsTab } from '../../register/tabs';
import { DUE_COLUMNS } from '../tickets/due-columns';

/** People's columns whose change moves the deadlines or the stamps. */
export const WATCHED = new Set(['Status', 'Priority', 'Client ID']);

/**
 * Automation-owned columns that are a pure function of the row's record columns, the
 * reference tabs and the ledger: after a paste over them they are recomputed at once,
 * exactly as the sweep would.
 */
export const RECOMPUTED = new Set<string>([...DUE_COLUMNS.map(([, h]) => h), 'SLA state', 'Escalation tier', 'Policy', 'Problems']);

export function ticketColumn(header: string): ColumnMeta | undefined {
  return (TicketsTab.columns as Record<string, ColumnMeta | undefined>)[header];
}

export const isOwned = (header: string): boolean => ticketColumn(header)?.owner === 'automation';

/** The note left on a cell that was put back. */
export function putBackNote(header: string, at: string, how: 'restored' | 'undo'): string {
  const why = ticketColumn(header)?.note ?? '';
  return how === 'restored'
    ? `Put back by Support Desk ${at}: “${header}” is filled in by the automation${why ? ` (${why})` : ''}. Change Status, Priority, Assignee or Reason instead.`
    : `Pasted over ${at}: “${header}” is filled in by the automation, and a paste of several cells does not tell the script what was here before. Use Edit → Undo (Ctrl+Z / ⌘Z) to bring it back.`;
}
