import { buildMatrices, type Matrices } from '../../core/escalation/index';
import type { Table } from '../../register/table';
import type { RowOf } from '../../register/tab-spec';
import { EscalationTab } from '../../register/tabs';
import type { WorkbookPort } from '../ports';
import { readTabIfAny } from './sla-context';

/**
 * The Escalation tab (one read) and the named matrices built from it. Used by the sweep
 * and by the jobs that recompute a ticket's SLA columns outside it (edits, reapply), so
 * they all see the same escalation tiers.
 */
export function loadMatrices(wb: WorkbookPort): { table: Table<RowOf<typeof EscalationTab>> | null; matrices: Matrices } {
  const table = readTabIfAny(wb, EscalationTab);
  const matrices = buildMatrices(
    (table?.rows ?? []).map((r) => ({
      rowNumber: r.rowNumber,
      matrix: r.data.Matrix,
      tier: r.data.Tier ?? 0,
      title: r.data.Title,
      name: r.data.Name,
      email: r.data.Email,
      when: r.data.When,
    })),
  );
  return { table, matrices };
}
