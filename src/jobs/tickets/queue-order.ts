import { PRIORITIES } from '../../core/types/vocab';
import { isBlankRow } from '../../register/cell-equality';

/** Where a status goes in the queue: open work first, then Resolved, then Closed. */
function group(status: string): number {
  if (status === 'Resolved') return 1;
  if (status === 'Closed') return 2;
  return 0; // New, Open, Waiting on …, and anything unreadable (people should see it)
}

const priorityRank = (p: string) => {
  const i = PRIORITIES.indexOf(p as (typeof PRIORITIES)[number]);
  return i < 0 ? PRIORITIES.length : i;
};

const msOf = (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.getTime() : Number.POSITIVE_INFINITY);

export interface QueueColumns {
  /** 0-based columns of Status, Priority and Received at. */
  readonly status: number;
  readonly priority: number;
  readonly receivedAt: number;
}

/**
 * The seeds' queue rule — "first in first out within their prioritization" — as a sort key
 * per data row: open tickets by priority (Critical, High, Medium, Low, then anything
 * unreadable) and, within a priority, by Received at (oldest first); then Resolved, then
 * Closed, each in the same order. Ties keep their current order. Blank rows get '' and
 * stay at the bottom. Keys are fixed-width text ("q000001"), so they sort the same
 * whatever number format the helper column has.
 */
export function queueKeys(rows: readonly (readonly unknown[])[], cols: QueueColumns): string[] {
  const order = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !isBlankRow(r))
    .sort(
      (a, b) =>
        group(String(a.r[cols.status] ?? '')) - group(String(b.r[cols.status] ?? '')) ||
        priorityRank(String(a.r[cols.priority] ?? '')) - priorityRank(String(b.r[cols.priority] ?? '')) ||
        msOf(a.r[cols.receivedAt]) - msOf(b.r[cols.receivedAt]) ||
        a.i - b.i,
    );
  const keys: string[] = rows.map(() => '');
  const width = Math.max(6, String(order.length).length);
  order.forEach(({ i }, pos) => (keys[i] = `q${String(pos + 1).padStart(width, '0')}`));
  return keys;
}

/** Whether the rows are already in queue order (then sorting would change nothing). */
export function inQueueOrder(keys: readonly string[]): boolean {
  let prev = '';
  let seenBlank = false;
  for (const k of keys) {
    if (k === '') {
      seenBlank = true;
      continue;
    }
    if (seenBlank || k < prev) return false;
    prev = k;
  }
  return true;
}
