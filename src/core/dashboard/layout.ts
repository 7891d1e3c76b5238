import { priorityName, STANDARD_PRIORITY_NAMES, type PriorityNames } from '../tickets/priority-names';
import { PRIORITIES } from '../types/vocab';
import { OPEN_STATES, type MonthAttainment, type OpenState } from './sla';
import type { ClientUsage } from './usage';

/** A rectangle of the Dashboard tab (1-based). */
export interface Block {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export type ChartKind = 'column' | 'pie' | 'bar';

/** A native chart over a block of the tab; `title` identifies it across refreshes. */
export interface ChartSpec {
  readonly title: string;
  readonly kind: ChartKind;
  readonly range: Block;
  /** Where its top-left corner sits. */
  readonly anchor: { readonly row: number; readonly column: number };
  readonly axisTitle?: string;
}

export interface DashboardInput {
  readonly updated: string;
  readonly attainment: readonly MonthAttainment[];
  /** The team's names of the levels, for the attainment columns (Settings → Priority names). */
  readonly priorityNames?: PriorityNames;
  readonly open: Readonly<Record<OpenState, number>>;
  readonly month: string;
  /** The month picker: what it holds (kept across refreshes) and why this month is shown. */
  readonly picker: { readonly value: string; readonly why: string };
  readonly hours: readonly { readonly name: string; readonly usage: ClientUsage }[];
}

export const DASHBOARD_WIDTH = 5;
/** Pixel widths of the Dashboard's columns: client names with their IDs and the headers like `Contracted h` uncut. */
export const DASHBOARD_COLUMN_WIDTHS: readonly number[] = [260, 110, 110, 110, 110];
/** Row 3: the one cell of the Dashboard a person types in (B3); the refresh keeps it. */
export const PICKER_LABEL = 'Month shown';
export const PICKER_ROW = 3;
/** Charts sit to the right of the tables. */
const CHART_COLUMN = DASHBOARD_WIDTH + 2;

/**
 * The Dashboard tab as values (rows × 5 columns; '' = blank) and the charts drawn over
 * them. Each table starts with its header row, which the charts use as series names.
 * Blank (not 0) where a month has no judged tickets, so the chart shows a gap, not a fall.
 */
export function dashboardLayout(input: DashboardInput): { values: (string | number)[][]; charts: ChartSpec[] } {
  const rows: (string | number)[][] = [];
  const line = (...cells: (string | number)[]) => {
    rows.push([...cells, ...new Array(DASHBOARD_WIDTH - cells.length).fill('')]);
    return rows.length;
  };
  line('Support Desk dashboard');
  line(`Updated ${input.updated}. Refreshed by each SLA sweep and by Support Desk → Refresh dashboard; edits here are overwritten.`);
  line(PICKER_LABEL, input.picker.value, input.picker.why);
  line();

  line('SLA attainment by priority: % of tickets that met every target, of those settled (Met or Breached), by month received');
  const names = input.priorityNames ?? STANDARD_PRIORITY_NAMES;
  const attHeader = line('Month', ...PRIORITIES.map((p) => `${priorityName(names, p)} %`));
  for (const m of input.attainment) line(m.month, ...PRIORITIES.map((p) => m.byPriority[p].percent ?? ''));
  const attainment: Block = { row: attHeader, column: 1, numRows: input.attainment.length + 1, numColumns: 1 + PRIORITIES.length };
  line();

  line('Open tickets by SLA state');
  const openHeader = line('SLA state', 'Open tickets');
  for (const s of OPEN_STATES) line(s, input.open[s]);
  const open: Block = { row: openHeader, column: 1, numRows: OPEN_STATES.length + 1, numColumns: 2 };
  line();

  line(`Hours in ${input.month}: counted toward the contract vs contracted`);
  const hoursHeader = line('Client', 'Contracted h', 'Counted h', 'Logged h', 'Used %');
  for (const c of input.hours) line(c.name, c.usage.contractedHours, c.usage.countedHours, c.usage.loggedHours, c.usage.percent ?? '');
  if (input.hours.length === 0) line('(no active clients)');
  const hours: Block = { row: hoursHeader, column: 1, numRows: Math.max(1, input.hours.length) + 1, numColumns: 3 };
  line();
  line('Client success: health, risk and its owner, touches, kick-offs and reviews per client are on the Success tab (refreshed hourly).');

  return {
    values: rows,
    charts: [
      {
        title: 'SLA attainment by priority (% met)',
        kind: 'column',
        range: attainment,
        anchor: { row: 1, column: CHART_COLUMN },
        axisTitle: '% met',
      },
      { title: 'Open tickets by SLA state', kind: 'pie', range: open, anchor: { row: 21, column: CHART_COLUMN } },
      {
        title: `Hours this month: counted vs contracted`,
        kind: 'bar',
        range: hours,
        anchor: { row: 41, column: CHART_COLUMN },
        axisTitle: 'hours',
      },
    ],
  };
}
