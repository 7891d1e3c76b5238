import type { ClientRecord } from '../shared/sla-context';
import type { Deadlines } from './deadlines';
import type { WorkTicket } from './ticket-book';

/** The cells a new ticket's SLA computation produces (everything else on its row is what the run's messages wrote). */
const COMPUTED = ['First response due', 'Next update due', 'Resolution due', 'SLA state', 'SLA record', 'Escalation tier'] as const;

/**
 * States from the whole batch: a ticket opened by this run had its SLA cells computed when
 * its first message was read; later messages of the same run (a staff reply in a backlog)
 * changed its row. Recomputed here from the row as it will be written, at the run's `now`,
 * so a request answered in time reads Met, never a Breached that only the next sweep undoes.
 */
export function settleOpened(
  opened: readonly WorkTicket[],
  clients: ReadonlyMap<string, ClientRecord>,
  deadlines: () => Deadlines,
  now: number,
): void {
  for (const t of opened) {
    if (t.changed.size === 0 || !t.row || !t.notes) continue;
    const client = clients.get(t.clientId);
    if (!client) continue;
    const cells: Record<string, unknown> = { ...t.row };
    for (const h of COMPUTED) delete cells[h];
    const due = deadlines().forNewTicket(client, cells, now);
    // Cannot happen for a ticket that opened this run (same context); keep what it opened with.
    if (due.problem) continue;
    Object.assign(t.row, due.values);
    for (const [h, note] of Object.entries(due.notes)) t.notes[h] = note;
  }
}
