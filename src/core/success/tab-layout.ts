import type { ChartSpec } from '../dashboard/layout';
import type { ClientSuccess } from './client-success';
import { explainHealth } from './health';

/**
 * The Success tab (generated, like the Dashboard): one row per active client, worst health
 * first, coloured by state, with a chart of health by client. Client and Health sit side by
 * side so the chart reads one block.
 */
export const SUCCESS_TAB = 'Success';

export const SUCCESS_HEADER = [
  'Client ID',
  'Client',
  'Health',
  'Trend',
  'Cohort',
  'CSM or pool',
  'Risk',
  'Risk owner',
  'Last touch',
  'Next touch due',
  'Touch state',
  'Kick-off',
  'Next review due',
  'Entitlement problems',
  'Health parts',
] as const;

/** Pixel widths of the Success tab's columns, in header order: each shows its whole value. */
export const SUCCESS_COLUMN_WIDTHS: readonly number[] = [95, 170, 60, 60, 95, 250, 190, 210, 90, 105, 85, 210, 250, 320, 400];

export interface SuccessRow {
  readonly clientId: string;
  readonly name: string;
  readonly cohort: string;
  readonly coveredBy: string;
  readonly success: ClientSuccess;
  /** Health at the previous day's last refresh, for the trend; null for a client new to the tab. */
  readonly previousHealth: number | null;
  readonly entitlementProblems: readonly string[];
}

const RED = '#f4cccc';
const YELLOW = '#fff2cc';
const GREEN = '#d9ead3';
const NONE = '#ffffff';

export interface SuccessLayout {
  readonly values: (string | number)[][];
  readonly backgrounds: string[][];
  readonly chart: ChartSpec;
}

function trend(now: number, before: number | null): string {
  if (before === null) return 'new';
  const d = now - before;
  return d === 0 ? '=' : d > 0 ? `▲ ${d}` : `▼ ${-d}`;
}

export function successLayout(rows: readonly SuccessRow[]): SuccessLayout {
  const sorted = [...rows].sort((a, b) => a.success.health.score - b.success.health.score || a.clientId.localeCompare(b.clientId));
  const values: (string | number)[][] = [[...SUCCESS_HEADER]];
  const backgrounds: string[][] = [SUCCESS_HEADER.map(() => NONE)];
  for (const r of sorted) {
    const s = r.success;
    const next = [...s.reviews].sort((a, b) => (a.due < b.due ? -1 : 1))[0];
    const kickoff = s.kickoff
      ? s.kickoff.state === 'Done'
        ? `Done ${s.kickoff.held}`
        : `${s.kickoff.state}: ${s.kickoff.window.from} – ${s.kickoff.window.by}`
      : '';
    values.push([
      r.clientId,
      r.name,
      s.health.score,
      trend(s.health.score, r.previousHealth),
      r.cohort,
      r.coveredBy,
      s.risks.join(', '),
      s.risks.length ? s.riskOwner : '',
      s.lastTouch ?? 'never',
      s.touch.next,
      s.touch.state,
      kickoff,
      next ? `${next.kind} ${next.due}${next.hours ? ` (${next.hours} h)` : ''} (${next.state})` : '',
      r.entitlementProblems.join('; '),
      explainHealth(s.health),
    ]);
    const state = (x: string) => (x === 'Overdue' || x === 'Missed' ? RED : x === 'Due soon' || x === 'Due' ? YELLOW : NONE);
    backgrounds.push(
      SUCCESS_HEADER.map((h) => {
        if (h === 'Health') return s.risks.length ? RED : s.health.score >= 80 ? GREEN : YELLOW;
        if (h === 'Risk') return s.risks.length ? RED : NONE;
        if (h === 'Touch state') return state(s.touch.state);
        if (h === 'Kick-off') return s.kickoff ? state(s.kickoff.state) : NONE;
        if (h === 'Next review due') return next ? state(next.state) : NONE;
        if (h === 'Entitlement problems') return r.entitlementProblems.length ? RED : NONE;
        return NONE;
      }),
    );
  }
  const chart: ChartSpec = {
    title: 'Health by client',
    kind: 'bar',
    range: { row: 1, column: 2, numRows: Math.max(sorted.length, 1) + 1, numColumns: 2 },
    anchor: { row: sorted.length + 3, column: 1 },
    axisTitle: 'Health (0–100)',
  };
  return { values, backgrounds, chart };
}
