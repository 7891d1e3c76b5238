import type { ChartSpec } from '../../core/dashboard';

/**
 * Native charts on a tab. Apps Script's adapter is src/gas/ui/dashboard.ts; a chart draws
 * whatever its range holds, so charts are only touched when missing or when a range
 * changes size (a client added), never on an ordinary refresh.
 */
export interface ChartPort {
  /** Makes the tab's charts match `specs` (by title): inserts missing ones, updates changed ranges, removes duplicates. */
  ensure(tab: string, specs: readonly ChartSpec[]): { inserted: number; updated: number; removed: number };
}
