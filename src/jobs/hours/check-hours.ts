import { dayInZone, type YearMonth } from '../../core/hours/month';
import { applyPlan, planWrites, type CellWrite } from '../../register/table';
import type { ClockPort, KeyValuePort, WorkbookPort } from '../ports';
import type { RunLogPort } from '../ports';
import type { MailPort } from '../mail/port';
import { classifyHours, hoursWrites, type Classified } from './classify';
import { loadRegister, type RegisterData } from './register-data';
import { sendUsageAlerts } from './usage-alerts';
import { QuotaMailer } from '../mail/quota';

/** Months whose billing is final, as the billing job last recorded them (see FINAL_MONTHS_KEY). */
export const FINAL_MONTHS_KEY = 'billing.finalMonths';

export function knownFinalMonths(kv: KeyValuePort): Set<YearMonth> {
  try {
    const v = JSON.parse(kv.get(FINAL_MONTHS_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as YearMonth[]) : []);
  } catch {
    return new Set();
  }
}

/** Writes Counted / Reason / Problems in as few range writes as the layout allows. */
export function writeHoursColumns(
  wb: WorkbookPort,
  data: RegisterData,
  c: Classified,
  finalMonths: ReadonlySet<string>,
  log: RunLogPort,
): number {
  const present = (w: CellWrite) => !data.hours.missing.includes(w.header);
  const missing = ['Counted', 'Reason', 'Problems'].filter((h) => data.hours.missing.includes(h));
  if (missing.length)
    log.add('Hours columns missing', `The Hours tab has no ${missing.join(', ')} column: run Support Desk → Set up register to restore it`);
  const plan = planWrites(data.hours, hoursWrites(data, c, finalMonths).filter(present));
  const port = wb.tab('Hours');
  if (port) applyPlan(port, plan);
  return plan.blocks.length;
}

export interface CheckHoursPorts {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  readonly kv: KeyValuePort;
  readonly mail: MailPort;
  readonly log: RunLogPort;
}

/**
 * The hours sweep: validates the Hours tab, writes Counted / Reason / Problems, and sends
 * the usage alerts of the current month. Run under the document lock.
 */
export function checkHours(p: CheckHoursPorts): string {
  const data = loadRegister(p.workbook, p.log, { job: { name: 'hours', label: 'hours check' } });
  const today = dayInZone(p.clock.now(), data.settings.providerZone);
  const c = classifyHours(data, today);
  writeHoursColumns(p.workbook, data, c, knownFinalMonths(p.kv), p.log);
  const alerts = sendUsageAlerts(data, c.counted, p.clock.now(), p.kv, new QuotaMailer(p.mail, data.settings.mailQuotaReserve), p.log);
  const message = `Hours checked: ${c.counted.length} rows usable, ${c.unusable.length} with problems; ${alerts} usage alert(s).`;
  if (c.unusable.length || alerts) p.log.add('Hours checked', message);
  return message;
}
