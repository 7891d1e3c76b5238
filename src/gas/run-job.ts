import type { ClockPort, KeyValuePort, LockPort, RunBudget, WorkbookPort } from '../jobs/ports';
import { BusyError } from '../jobs/lock-policy';
import { RegisterError } from '../register/table';
import { RunLog } from './log';
import { runBudget } from './execution';
import { activeSpreadsheet, documentLock, documentProperties, systemClock, workbookPort } from './ports';

/** The services a job runs on, built once per run over the real Apps Script services. */
export interface JobEnv {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly workbook: WorkbookPort;
  readonly log: RunLog;
  readonly lock: LockPort;
  readonly state: KeyValuePort;
  readonly clock: ClockPort;
  readonly budget: RunBudget;
}

/** A run that stopped on a problem in the register, having said so in the Log (and to the person, if any). */
export class Told {
  constructor(readonly message: string) {}
}

/**
 * Runs one job the same way for every entry point: its ports over the real services, its
 * Log lines appended in one write when it ends — also when it fails. A RegisterError (a
 * missing tab, a setting to fix) is the user's to fix, not a crash: it is logged as
 * Failed, shown to the person at the sheet when `toast`, and returned as Told, so a
 * trigger does not fail (and mail its owner) every few minutes over it. Anything else is
 * logged and thrown, so Apps Script records the failure. Locks are the job's own
 * (src/jobs/lock-policy.ts).
 */
export function runJob<T>(
  job: string,
  body: (env: JobEnv) => T,
  opts: { ss?: GoogleAppsScript.Spreadsheet.Spreadsheet; toast?: boolean } = {},
): T | Told {
  const ss = opts.ss ?? activeSpreadsheet();
  const log = new RunLog(job);
  const env: JobEnv = {
    ss,
    workbook: workbookPort(ss),
    log,
    get lock() {
      return documentLock();
    },
    state: documentProperties(),
    clock: systemClock,
    budget: runBudget(),
  };
  try {
    return body(env);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.add(e instanceof BusyError ? 'Not run' : 'Failed', message);
    if (!(e instanceof RegisterError)) throw e;
    if (opts.toast) ss.toast(message, 'Support Desk', 10);
    return new Told(message);
  } finally {
    log.flush(ss);
  }
}

/** The one-line result of a run, for menus, About and the CLI. */
export function resultText(value: unknown): string {
  if (value instanceof Told) return value.message;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'message' in value) return String((value as { message: unknown }).message);
  return String(value);
}
