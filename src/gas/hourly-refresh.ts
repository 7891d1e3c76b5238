import { lockOrTell } from '../jobs/lock-policy';
import { stateProperties } from './document';
import { RunLog } from './log';
import { documentLock } from './ports';

const HOUR_MS = 60 * 60 * 1000;

/**
 * A generated tab refreshed from a frequent trigger at most hourly (or at once when the tab
 * is missing): the Dashboard after a sweep, client success after the hour check. It runs
 * under the document lock; a failure is logged under `job`, never fails the trigger's own job.
 */
export function refreshHourlyIfDue(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  o: {
    readonly stamp: string;
    readonly tab: string;
    readonly job: string;
    readonly what: string;
    readonly run: (log: RunLog, now: number) => void;
  },
): void {
  const props = stateProperties();
  const last = Number(props.getProperty(o.stamp) ?? 0);
  const now = Date.now();
  if (now - last < HOUR_MS && ss.getSheetByName(o.tab)) return;
  const log = new RunLog(o.job);
  try {
    lockOrTell(documentLock(), 'dashboard', o.what, () => {
      o.run(log, now);
      props.setProperty(o.stamp, String(now));
    });
  } catch (e) {
    log.add('Failed', e instanceof Error ? e.message : String(e));
  } finally {
    log.flush(ss);
  }
}

/**
 * The same refresh asked for by a person (a menu item or an entry point): under the lock,
 * its message logged as Refreshed (and toasted when `toast`); a failure is logged and thrown.
 */
export function refreshNow(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  o: { readonly job: string; readonly what: string; readonly toast?: boolean; readonly run: (log: RunLog) => string },
): string {
  return lockOrTell(documentLock(), 'dashboard', o.what, () => {
    const log = new RunLog(o.job);
    try {
      const message = o.run(log);
      log.add('Refreshed', message);
      if (o.toast) ss.toast(message, 'Support Desk', 5);
      return message;
    } catch (e) {
      log.add('Failed', e instanceof Error ? e.message : String(e));
      throw e;
    } finally {
      log.flush(ss);
    }
  });
}
