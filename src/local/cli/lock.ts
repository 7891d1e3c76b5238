import lockfile from 'proper-lockfile';
import { UsageError } from './usage-error';

import { BusyError } from './busy-error';

/** Default `--wait`: long enough for a month's billing or a big ingest ahead of us to finish. */
export const DEFAULT_WAIT_SECONDS = 180;

/**
 * One run at a time on a workbook: proper-lockfile's `<file>.lock` folder, refreshed while
 * we run, so a lock left by a killed process goes stale after 10 s and the next run takes
 * it over. A second run polls until `waitSeconds` and then gives up with a BusyError.
 * Returns the release; proper-lockfile also releases on process exit.
 */
export async function lockWorkbook(file: string, waitSeconds: number = DEFAULT_WAIT_SECONDS): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    try {
      return await lockfile.lock(file, {
        realpath: false,
        stale: 10_000,
        update: 2_000,
        // Our own lock was taken over (the machine slept past `stale`): stop rather than save over another run.
        onCompromised: (err) => {
          process.stderr.write(`support-desk: lost the lock on ${file} (${err.message}); nothing more is saved\n`);
          process.exit(75);
        },
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
      if (Date.now() >= deadline)
        throw new BusyError(`${file} is in use by another run (waited ${waitSeconds} s); try again later or raise --wait`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** `--wait <seconds>`: a non-negative number. */
export function parseWait(value: string | undefined): number {
  if (value === undefined) return DEFAULT_WAIT_SECONDS;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n)) throw new UsageError(`--wait "${value}" is not a number of seconds`);
  return n;
}
