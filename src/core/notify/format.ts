import { DateTime } from 'luxon';

/** An instant as people in `zone` read it: `Mon 2 Nov 2026, 10:15 MST`. */
export function localTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone, locale: 'en-US' }).toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}

/** Business minutes as hours: `45 min`, `1.5 h`. */
export function businessSpan(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return `${m} min`;
  return `${Math.round(m / 6) / 10} h`;
}

/** The one line on where a target stands: due when, and how late or how much is left. */
export function standing(ev: { dueMs: number | null; remainingMinutes: number; percentUsed: number; state: string }, zone: string): string {
  if (ev.dueMs === null) return 'due: not yet known (the clock is paused while waiting on the customer)';
  const due = localTime(ev.dueMs, zone);
  if (ev.remainingMinutes < 0 || ev.state === 'Breached') return `due ${due} — ${businessSpan(-ev.remainingMinutes)} business time late`;
  return `due ${due} — ${businessSpan(ev.remainingMinutes)} business time left (${ev.percentUsed}% used)`;
}
