import type { TargetName } from '../sla/index';

/**
 * The SLA record cell: when each target became final. Met and Breached are final for a
 * target (docs/design.md, Rules: Escalation): once recorded here, later sweeps keep them even if the facts shift;
 * only a Priority or Client change (which recomputes from Received at) or a reopen (for
 * resolution) clears them. Next update recurs with every staff message, so only its
 * first breach is recorded.
 *
 *   first response: Met 2026-11-02T17:05:00Z
 *   resolution: Breached 2026-11-04T00:00:00Z
 */
export interface TargetRecord {
  readonly target: TargetName;
  readonly state: 'Met' | 'Breached';
  readonly atMs: number;
}

const TARGETS: readonly TargetName[] = ['first response', 'next update', 'resolution'];
const LINE = /^(first response|next update|resolution): (Met|Breached) (\S+)$/;

export function parseRecord(cell: string): TargetRecord[] {
  const out: TargetRecord[] = [];
  for (const raw of cell.split('\n')) {
    const m = LINE.exec(raw.trim());
    if (!m) continue;
    const at = Date.parse(m[3]!);
    if (Number.isNaN(at) || out.some((r) => r.target === m[1])) continue;
    out.push({ target: m[1] as TargetName, state: m[2] as 'Met' | 'Breached', atMs: at });
  }
  return out;
}

export function formatRecord(records: readonly TargetRecord[]): string {
  return [...records]
    .sort((a, b) => TARGETS.indexOf(a.target) - TARGETS.indexOf(b.target))
    .map((r) => `${r.target}: ${r.state} ${new Date(r.atMs).toISOString().replace('.000Z', 'Z')}`)
    .join('\n');
}
