import { paceFor, readLedger, skipsThisTime, usedInLastDay, withRun, type Pace } from '../core/time/daily-run-time';
import { stateProperties } from './document';
import { RunLog } from './log';
import { currentSpreadsheet } from './document';

/**
 * The scheduled jobs' share of the account's daily trigger run time (Apps Script Quotas:
 * "Triggers total runtime" 90 min/day on a consumer account, 6 h on Google Workspace).
 * Each trigger run adds its run time to a rolling 24-hour ledger (one property write); a
 * trigger run first reads the ledger with the rest of the job state (one read) and, past
 * 75 % of the quota, runs only every 2nd time (every 4th past 90 %), so the day's last
 * minutes are spread out instead of spent before evening — escalations come later, never
 * not at all. A change of pace is said once in the Log. Menu runs are never held back and
 * do not count: the quota is for triggers.
 */
const LEDGER = 'runtime.ledger';
const PACE = 'runtime.pace';
const SCHEDULE = 'runtime.schedule';
const LAST_RUN = 'lastRun.';

export const CONSUMER_QUOTA_MIN = 90;
export const WORKSPACE_QUOTA_MIN = 360;

interface Schedule {
  /** The account's daily trigger run time, minutes. */
  readonly quotaMin: number;
  /** Each job's trigger interval, ms. */
  readonly every: Readonly<Record<string, number>>;
}

/** Whether Apps Script called us from a trigger (its event carries the trigger's id); a menu passes nothing. */
export function isTriggerRun(e: unknown): boolean {
  return !!e && typeof e === 'object' && typeof (e as { triggerUid?: unknown }).triggerUid === 'string';
}

/** Consumer accounts are @gmail.com / @googlemail.com; any other is a Workspace domain. */
export function quotaForAccount(email: string): number {
  return /@(gmail|googlemail)\.com$/i.test(email.trim()) ? CONSUMER_QUOTA_MIN : WORKSPACE_QUOTA_MIN;
}

/** Install automation records the account's quota and the jobs' intervals here. */
export function recordSchedule(email: string, every: Readonly<Record<string, number>>): void {
  const s: Schedule = { quotaMin: quotaForAccount(email), every };
  stateProperties().setProperty(SCHEDULE, JSON.stringify(s));
}

function readSchedule(text: string | undefined): Schedule {
  try {
    const v = JSON.parse(text ?? '') as Partial<Schedule>;
    if (typeof v.quotaMin === 'number' && v.every && typeof v.every === 'object') return v as Schedule;
  } catch {
    // not recorded (installed by an older version): the consumer quota, the lower of the two
  }
  return { quotaMin: CONSUMER_QUOTA_MIN, every: {} };
}

function lastRunAt(all: Readonly<Record<string, string>>, job: string): number | null {
  try {
    const at = (JSON.parse(all[LAST_RUN + job] ?? '') as { at?: unknown }).at;
    return typeof at === 'number' ? at : null;
  } catch {
    return null;
  }
}

const minutes = (ms: number) => Math.round(ms / 60_000);

function announce(pace: Pace, before: string | undefined, props: ReturnType<typeof stateProperties>): void {
  const now = String(pace.every);
  if ((before ?? '1') === now) return;
  props.setProperty(PACE, now);
  const ss = currentSpreadsheet();
  if (!ss) return;
  const log = new RunLog('pace');
  log.add(
    pace.every > 1 ? 'Backing off' : 'Back to schedule',
    pace.every > 1
      ? `${minutes(pace.usedMs)} of the account's ${minutes(pace.quotaMs)} min of trigger run time used in the last 24 h: the inbox check and the SLA sweep now run every ${pace.every === 2 ? '2nd' : `${pace.every}th`} time until it falls below ${pace.every === 2 ? '75' : '90'} %.`
      : `${minutes(pace.usedMs)} of ${minutes(pace.quotaMs)} min of trigger run time used in the last 24 h: every scheduled run again.`,
  );
  log.flush(ss);
}

/**
 * Runs a scheduled job from its trigger at the pace the day's run time allows, and adds
 * its run time to the ledger; from a menu it just runs. Returns the job's message, or why
 * it did not run this time.
 */
export function paced(job: string, e: unknown, run: () => string): string {
  if (!isTriggerRun(e)) return run();
  const props = stateProperties();
  const all = props.getProperties();
  const start = Date.now();
  const schedule = readSchedule(all[SCHEDULE]);
  const ledger = readLedger(all[LEDGER] ?? null);
  const pace = paceFor(usedInLastDay(ledger, start), schedule.quotaMin * 60_000);
  announce(pace, all[PACE], props);
  const every = schedule.every[job];
  if (every && skipsThisTime(pace, lastRunAt(all, job), start, every))
    return `Not run this time: backing off (${minutes(pace.usedMs)} of ${schedule.quotaMin} min of trigger run time used in the last 24 h).`;
  try {
    return run();
  } finally {
    try {
      props.setProperty(LEDGER, JSON.stringify(withRun(ledger, Date.now(), Date.now() - start)));
    } catch {
      // The ledger is a courtesy to the quota: it must never turn a job's result into a failure.
    }
  }
}
