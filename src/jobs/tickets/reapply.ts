import { decodePolicy, describePolicy } from '../../core/sla/index';
import { applyPlan, planWrites, readTable, writesByKey } from '../../register/table';
import { TicketsTab } from '../../register/tabs';
import { requireColumns } from '../../register/required-columns';
import type { ClockPort, LockPort, WorkbookPort } from '../ports';
import type { RunLogPort } from '../ports';
import { loadMatrices } from '../shared/matrices';
import { loadSlaContext } from '../shared/sla-context';
import { computeRow, type RowUpdate } from './compute-row';
import { describeMoves, dueMoves } from './due-moves';
import { lockOrTell } from '../lock-policy';

export interface ReapplyPorts {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  readonly lock: LockPort;
  readonly log: RunLogPort;
}

export interface ReapplyReport {
  readonly outcome: 'done' | 'not set up';
  /** Open tickets looked at. */
  readonly open: number;
  /** Tickets now recorded under a different policy. */
  readonly policyChanged: number;
  /** Tickets whose due cells moved (policy or calendar changes). */
  readonly moved: number;
  readonly problems: number;
  readonly message: string;
}

const DONE = new Set(['Resolved', 'Closed']);

const notRun = (outcome: ReapplyReport['outcome'], message: string): ReapplyReport => ({
  outcome,
  open: 0,
  policyChanged: 0,
  moved: 0,
  problems: 0,
  message,
});

/**
 * "Reapply policies": a ticket keeps the policy it was opened under (the
 * Policy cell) until someone decides otherwise; this is that decision. Every open ticket
 * (not Resolved or Closed) is recomputed under the current SLA Policies and calendars as
 * if its policy had been looked up today: the new policy is recorded on the row, the due
 * cells that move are logged old → new, and a ticket whose policy changed forgets its old
 * final Met/Breached records (they were measured against other targets) — the escalation
 * ledger is kept, so no tier hears twice. Reads each tab once, writes by Ticket ID after a
 * re-read, only what changed.
 */
export function runReapply(ports: ReapplyPorts): ReapplyReport {
  return lockOrTell(ports.lock, 'reapply', 'Reapply SLA policies', () => reapplyLocked(ports));
}

function reapplyLocked(ports: ReapplyPorts): ReapplyReport {
  const { workbook, log } = ports;
  const port = workbook.tab(TicketsTab.name);
  if (!port) return notRun('not set up', 'There is no Tickets tab: run Support Desk → Set up register.');
  const now = ports.clock.now();
  const tickets = readTable(port, TicketsTab);
  requireColumns(tickets, 'reapply', 'reapply');
  const open = tickets.rows.filter((r) => !DONE.has(r.data.Status));
  const ctx = loadSlaContext(workbook);
  const { matrices } = loadMatrices(workbook);

  const updates: { key: string; values: Record<string, unknown>; notes?: Record<string, string> }[] = [];
  let policyChanged = 0;
  let moved = 0;
  let problems = 0;
  for (const r of open) {
    const row = r.data;
    const id = row['Ticket ID'];
    // As if opened today: no recorded policy, so the current one is looked up.
    let u: RowUpdate = computeRow(id, r.rowNumber, { ...row, Policy: '' }, ctx, matrices, now, workbook.timeZone, 'Reapply policies');
    if (!u.prepared.ok) {
      problems++;
      log.add('Policy not reapplied', u.problem, { ticketId: id, clientId: row['Client ID'] });
      continue;
    }
    const newText = String(u.values['Policy'] ?? '');
    const changed = newText !== row.Policy.trim();
    if (changed && row['SLA record'].trim() !== '') {
      u = computeRow(id, r.rowNumber, { ...row, Policy: '', 'SLA record': '' }, ctx, matrices, now, workbook.timeZone, 'Reapply policies');
      if (!u.prepared.ok) continue;
    }
    const values = { ...u.values, Policy: changed ? newText : row.Policy };
    const moves = dueMoves(row as unknown as Record<string, unknown>, values);
    if (changed) {
      policyChanged++;
      const was = decodePolicy(row.Policy);
      log.add('Policy reapplied', `${was ? `was ${describePolicy(was)}; now ` : 'now '}${describePolicy(u.prepared.policy)}`, {
        ticketId: id,
        clientId: row['Client ID'],
      });
    }
    if (moves.length) {
      moved++;
      log.add('Deadlines moved', `${describeMoves(moves, u.prepared.calendar.timeZone)}${changed ? '' : ' (calendar or holiday change)'}`, {
        ticketId: id,
        clientId: row['Client ID'],
      });
    }
    for (const l of u.logs)
      if (l.action === 'Status stamp' || l.action.startsWith('Target'))
        log.add(l.action, l.detail, { ticketId: id, clientId: row['Client ID'] });
    const notes = Object.keys(u.notes).length ? u.notes : undefined;
    updates.push(notes ? { key: id, values, notes } : { key: id, values });
  }

  // Re-read and write by Ticket ID: the sheet may have been sorted meanwhile.
  const fresh = readTable(port, TicketsTab);
  const { writes } = writesByKey(fresh, updates);
  applyPlan(port, planWrites(fresh, writes));

  const message =
    open.length === 0
      ? 'No open tickets: nothing to reapply.'
      : [
          `Reapplied the current SLA policies to ${open.length} open ticket(s)`,
          `${policyChanged} now under a different policy`,
          `${moved} with deadlines moved`,
          problems ? `${problems} could not be evaluated (see their Problems cells after the next sweep)` : '',
        ]
          .filter(Boolean)
          .join('; ') + '.';
  log.add('Reapply policies', message);
  return { outcome: 'done', open: open.length, policyChanged, moved, problems, message };
}
