import type { LockPort } from './ports';

/**
 * One writer per document: every job that writes the register holds the document lock
 * (bound script and add-on alike), and this file is the one place that says how long each
 * waits and what happens when another job still holds it.
 *
 * - Triggers run again in minutes, so when busy they **skip**: nothing is written, the
 *   caller says so in its own words (a Log line, a toast), and the next run catches up.
 *   The inbox waits only briefly (it runs every few minutes); the sweep longer; an edit
 *   as long as Apps Script lets an edit trigger wait, since the person is watching.
 * - What a person asked for from the menu, or a monthly job whose failure must show in
 *   About, **tells**: it waits, then fails with a message that says to try again.
 */
const SKIP_WHEN_BUSY = { ingest: 5_000, sweep: 20_000, edit: 30_000 } as const;
const TELL_WHEN_BUSY = {
  reapply: 30_000,
  queue: 30_000,
  setup: 30_000,
  triggers: 30_000,
  hours: 30_000,
  billing: 30_000,
  dashboard: 30_000,
} as const;

export type SkippingJob = keyof typeof SKIP_WHEN_BUSY;
export type TellingJob = keyof typeof TELL_WHEN_BUSY;

/** A job that could not get the lock, with what to tell the person who asked. */
export class BusyError extends Error {}

/** Runs `fn` under the lock, or `skipped()` (and writes nothing) when another job holds it. */
export function lockOrSkip<T>(lock: LockPort, job: SkippingJob, fn: () => T, skipped: () => T): T {
  if (!lock.tryLock(SKIP_WHEN_BUSY[job])) return skipped();
  try {
    return fn();
  } finally {
    lock.release();
  }
}

/** Runs `fn` under the lock; throws BusyError naming `what` when another job holds it. */
export function lockOrTell<T>(lock: LockPort, job: TellingJob, what: string, fn: () => T): T {
  if (!lock.tryLock(TELL_WHEN_BUSY[job])) throw new BusyError(`${what}: another Support Desk job is still running; try again in a minute.`);
  try {
    return fn();
  } finally {
    lock.release();
  }
}
