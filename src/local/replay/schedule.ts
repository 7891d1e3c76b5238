import { DateTime } from 'luxon';
import type { TriggerRecord } from '../emulator/services/script-app';

const MINUTE = 60_000;

/** A clock trigger as installed, and when it fires. */
export interface Firing {
  readonly at: number;
  readonly handler: string;
}

/**
 * The minute past `atHour` a day-of-month trigger fires at. Apps Script runs it some time
 * in that hour; the replay picks one fixed minute so a replay repeats.
 */
export const MONTHLY_MINUTE = 5;

/**
 * When the installed clock triggers fire between `from` and `to` (both included), in
 * time order; at one instant in the order they were installed (ingest before sweep, as
 * `installTriggers` creates them). An every-N-minutes trigger fires at `from` and every N
 * minutes after; a day-of-month trigger at `atHour`:05 of that day in the spreadsheet's zone.
 */
export function firings(triggers: readonly TriggerRecord[], from: number, to: number, zone: string): Firing[] {
  const out: (Firing & { order: number })[] = [];
  triggers.forEach((t, order) => {
    if (t.eventType !== 'CLOCK') return;
    if (t.monthDay !== undefined) {
      let d = DateTime.fromMillis(from, { zone }).startOf('month');
      for (; d.toMillis() <= to; d = d.plus({ months: 1 })) {
        if (t.monthDay > d.daysInMonth!) continue;
        const at = d.set({ day: t.monthDay, hour: t.atHour ?? 0, minute: MONTHLY_MINUTE }).toMillis();
        if (at >= from && at <= to) out.push({ at, handler: t.handler, order });
      }
      return;
    }
    const every = (t.everyMinutes ?? 0) * MINUTE;
    if (every <= 0) return;
    for (let at = from; at <= to; at += every) out.push({ at, handler: t.handler, order });
  });
  return out.sort((a, b) => a.at - b.at || a.order - b.order).map(({ at, handler }) => ({ at, handler }));
}
