/**
 * Trigger run time over the last 24 hours, and how far the scheduled jobs should back off
 * as it nears the account's daily quota (Apps Script Quotas: "Triggers total runtime",
 * 90 min/day for a consumer account, 6 h for Google Workspace). Google's quotas are counted
 * over a rolling day, so the ledger keeps the run time per hour for the last 24 hours
 * rather than a total since midnight.
 */
export interface RunTimeLedger {
  /** Run time in ms, by hour since the epoch (Math.floor(ms / 3.6e6)). */
  readonly hours: Readonly<Record<string, number>>;
}

const HOUR = 3_600_000;
export const EMPTY_LEDGER: RunTimeLedger = { hours: {} };

/** The ledger with a run of `ms` that ended at `at`, without the hours older than a day. */
export function withRun(ledger: RunTimeLedger, at: number, ms: number): RunTimeLedger {
  const now = Math.floor(at / HOUR);
  const hours: Record<string, number> = {};
  for (const [h, v] of Object.entries(ledger.hours)) if (Number(h) > now - 24 && Number(h) <= now) hours[h] = v;
  hours[String(now)] = (hours[String(now)] ?? 0) + Math.max(0, Math.round(ms));
  return { hours };
}

/** Run time of the 24 hours before `now`. */
export function usedInLastDay(ledger: RunTimeLedger, now: number): number {
  const hour = Math.floor(now / HOUR);
  let sum = 0;
  for (const [h, v] of Object.entries(ledger.hours)) if (Number(h) > hour - 24 && Number(h) <= hour) sum += v;
  return sum;
}

/** A stored ledger; anything unreadable is an empty one (the budget then starts afresh). */
export function readLedger(text: string | null): RunTimeLedger {
  if (!text) return EMPTY_LEDGER;
  try {
    const v = JSON.parse(text) as { hours?: unknown };
    if (!v || typeof v.hours !== 'object' || v.hours === null) return EMPTY_LEDGER;
    const hours: Record<string, number> = {};
    for (const [h, ms] of Object.entries(v.hours as Record<string, unknown>))
      if (/^\d+$/.test(h) && typeof ms === 'number' && ms >= 0) hours[h] = ms;
    return { hours };
  } catch {
    return EMPTY_LEDGER;
  }
}

export interface Pace {
  /** Run every `every`-th scheduled time: 1 = every time. */
  readonly every: number;
  readonly usedMs: number;
  readonly quotaMs: number;
}

/**
 * How often a scheduled job runs at this use of the daily quota: every time below 75 %,
 * every 2nd time to 90 %, every 4th time above (so at most a quarter of the normal rate
 * runs while the last 10 % lasts, and escalations still go out, late but not lost).
 */
export function paceFor(usedMs: number, quotaMs: number): Pace {
  const share = quotaMs > 0 ? usedMs / quotaMs : 0;
  return { every: share < 0.75 ? 1 : share < 0.9 ? 2 : 4, usedMs, quotaMs };
}

/**
 * Whether a job whose schedule fires every `intervalMs` skips this time: when backing off,
 * it runs only once `every` intervals have passed since its last run (a minute's slack, as
 * triggers do not fire to the second).
 */
export function skipsThisTime(pace: Pace, lastRunAt: number | null, now: number, intervalMs: number): boolean {
  if (pace.every <= 1 || lastRunAt === null) return false;
  return now - lastRunAt < pace.every * intervalMs - 60_000;
}
