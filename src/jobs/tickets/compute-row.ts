import { showTime } from '../../core/time/show';
import {
  decideTicket,
  formatRecord,
  highestTier,
  matrixFor,
  parseLedger,
  parseRecord,
  type LedgerEntry,
  type Matrices,
  type TicketDecision,
  type Tier,
} from '../../core/escalation/index';
import { describePolicy } from '../../core/sla/index';
import { DUE_COLUMNS } from './due-columns';
import { formatPaused } from './paused-cell';
import type { SlaContext } from '../shared/sla-context';
import { FALLBACK_MARK, prepareTicket, type Prepared, type TicketRecord } from './prepare';

export interface RowUpdate {
  readonly key: string;
  readonly clientId: string;
  /** Row number in the read that produced this update (for links only; writes go by key). */
  readonly rowNumber: number;
  readonly prepared: Prepared;
  readonly decision: TicketDecision | null;
  readonly ledger: readonly LedgerEntry[];
  readonly matrixName: string | null;
  /** The tiers of that matrix, for answering a client's request to escalate. */
  readonly tiers: readonly Tier[] | null;
  /** Automation-owned values as they should be now (before this run's notices). */
  readonly values: Record<string, unknown>;
  /** Notes for due cells whose time changed: how the deadline was counted. */
  readonly notes: Record<string, string>;
  /** '' = no problem (clears the cell). */
  readonly problem: string;
  readonly logs: readonly { action: string; detail: string }[];
}

const dateOrBlank = (ms: number | null) => (ms === null ? '' : new Date(ms));
const msOf = (v: unknown) => (v instanceof Date ? v.getTime() : null);

/**
 * What one ticket row should hold at `now`, computed from the row and the context; pure.
 * Used by the sweep (every open ticket) and by the edit handler (edited rows).
 */
export function computeRow(
  key: string,
  rowNumber: number,
  row: TicketRecord,
  ctx: SlaContext,
  matrices: Matrices,
  now: number,
  spreadsheetZone: string,
  /** Who made the stamp, for the Log ('the sweep', 'the edit by ann@…'). */
  by = 'the sweep',
): RowUpdate {
  const base = { key, clientId: row['Client ID'], rowNumber, matrixName: null, tiers: null, ledger: parseLedger(row.Notified) };
  const prepared = prepareTicket(row, ctx, now);
  if (!prepared.ok) return { ...base, prepared, decision: null, values: {}, notes: {}, problem: prepared.problem, logs: [] };

  const logs: { action: string; detail: string }[] = [];
  // A new policy (Priority or plan changed) recomputes from Received at: old final records no longer apply.
  const policyChanged = prepared.policyChange !== null && prepared.policyChange.from !== null;
  const record = policyChanged ? [] : parseRecord(row['SLA record']);
  const reopened = prepared.stampChanges.includes('Resolved at cleared (reopened)');
  const keptRecord = reopened ? record.filter((r) => r.target !== 'resolution') : record;
  if (prepared.policyChange) {
    logs.push({
      action: prepared.policyChange.from ? 'Policy reapplied' : 'Policy applied',
      detail:
        (prepared.policyChange.from ? `was ${describePolicy(prepared.policyChange.from)}; now ` : '') + describePolicy(prepared.policy),
    });
  }
  for (const c of prepared.stampChanges) logs.push({ action: 'Status stamp', detail: `${c} by ${by} (Status is ${row.Status})` });

  const matrix = matrixFor(matrices, prepared.client['Escalation matrix'], ctx.settings.defaultEscalationMatrix);
  const situation = {
    facts: prepared.facts,
    policy: prepared.policy,
    calendar: prepared.calendar,
    now,
    tiers: matrix?.tiers ?? null,
    ledger: base.ledger,
    record: keptRecord,
  };
  let decision = decideTicket(situation, row.Priority);

  const values: Record<string, unknown> = {
    'Resolved at': dateOrBlank(prepared.facts.resolvedAt),
    Paused: formatPaused(prepared.facts.pauses, spreadsheetZone),
    Policy: prepared.policyChange ? prepared.policyChange.text : row.Policy,
    'SLA state': decision.state ?? '',
    'SLA record': formatRecord(decision.record),
    'Escalation tier': highestTier(base.ledger) ?? '',
  };
  const notes: Record<string, string> = {};
  const changedDue = DUE_COLUMNS.some(([t, h]) => decision.dues[t] !== msOf(row[h as keyof TicketRecord]));
  // On the fallback calendar every due note says so, and leaving it rewrites them (notes are written only where they differ).
  const noteAll = prepared.fallback !== null || row.Problems.includes(FALLBACK_MARK);
  if (changedDue || noteAll) decision = { ...decideTicket({ ...situation, explain: true }, row.Priority), notices: decision.notices };
  for (const [target, header] of DUE_COLUMNS) {
    const due = decision.dues[target];
    values[header] = dateOrBlank(due);
    if (noteAll || due !== msOf(row[header as keyof TicketRecord])) {
      const explanation = decision.evaluations.find((e) => e.target === target)?.explanation ?? '';
      notes[header] = prepared.fallback && due !== null ? `${prepared.fallback.note}.\n${explanation}` : explanation;
    }
  }
  for (const r of decision.record) {
    if (!keptRecord.some((k) => k.target === r.target)) {
      logs.push({
        action: r.state === 'Met' ? 'Target met' : 'Target breached',
        detail: `${r.target} ${r.state.toLowerCase()} at ${showTime(r.atMs, prepared.calendar.timeZone)}`,
      });
    }
  }
  return {
    ...base,
    matrixName: matrix?.name ?? null,
    tiers: matrix?.tiers ?? null,
    prepared,
    decision,
    values,
    notes,
    problem: prepared.fallback?.note ?? '',
    logs,
  };
}
