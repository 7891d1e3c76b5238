import { resultText, Told } from './run-job';
import { type StateProperties, stateProperties } from './document';

/**
 * The last run of each scheduled job and its one-line result, for About. The Log tab is not
 * enough: a run that finds nothing to do writes no Log line (it must stay cheap), so About
 * would say "not run yet" of a job whose trigger fires every five minutes. One document
 * property per job, overwritten each run: one setProperty (~60 ms) per run.
 */
const PREFIX = 'lastRun.';
/** Far below the 9 KB property limit; About shows one clipped line anyway. */
const MAX_RESULT = 500;

export interface RecordedRun {
  readonly at: number;
  readonly ok: boolean;
  readonly result: string;
}

function save(job: string, run: RecordedRun): void {
  try {
    stateProperties().setProperty(PREFIX + job, JSON.stringify(run));
  } catch {
    // Recording is a courtesy to About: it must never turn a job's result into a failure.
  }
}

/**
 * Runs `fn` as job `job` and records when it ended and how: its message, or its error (a
 * run that stopped on a register problem, Told, is recorded as failed too).
 */
export function recordRun<T>(job: string, fn: () => T): string {
  try {
    const value = fn();
    const text = resultText(value);
    save(job, { at: Date.now(), ok: !(value instanceof Told), result: text.slice(0, MAX_RESULT) });
    return text;
  } catch (e) {
    save(job, { at: Date.now(), ok: false, result: (e instanceof Error ? e.message : String(e)).slice(0, MAX_RESULT) });
    throw e;
  }
}

/** Every recorded run by job; unreadable entries (hand-edited, older versions) are skipped. */
export function recordedRuns(props: StateProperties = stateProperties()): Map<string, RecordedRun> {
  const out = new Map<string, RecordedRun>();
  const all = props.getProperties();
  for (const key of Object.keys(all)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const r = JSON.parse(all[key]!) as Partial<RecordedRun>;
      if (typeof r.at === 'number' && typeof r.ok === 'boolean' && typeof r.result === 'string')
        out.set(key.slice(PREFIX.length), { at: r.at, ok: r.ok, result: r.result });
    } catch {
      // skip
    }
  }
  return out;
}
