import { allowanceFor, formatRate } from '../../core/billing';
import { formatHours } from '../../core/hours/entry';
import { currentMonth, type YearMonth } from '../../core/hours/month';
import { dueAlert, type UsageAlert } from '../../core/hours/usage';
import type { ClassifiedEntry } from '../../core/billing';
import type { KeyValuePort } from '../ports';
import type { OutgoingMail } from '../../core/notify/index';
import type { RunLogPort } from '../ports';
import type { QuotaMailer } from '../mail/quota';
import type { ClientInfo, RegisterData } from './register-data';

/** Document property holding, per month, the thresholds already alerted per client. */
export const alertStateKey = (month: YearMonth): string => `hours.usageAlerts.${month}`;

function readState(kv: KeyValuePort, key: string): Record<string, number[]> {
  try {
    const v = JSON.parse(kv.get(key) ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, number[]>) : {};
  } catch {
    return {};
  }
}

function message(alert: UsageAlert, client: ClientInfo, month: YearMonth, rateMicros: number): OutgoingMail {
  const pct = Math.floor((alert.countedMin * 100) / alert.allowanceMin);
  const subject = `[Hours] ${client.name} (${client.clientId}) passed ${alert.threshold}% of ${month}'s contracted hours`;
  const body = [
    `${client.name} (${client.clientId}) has used ${formatHours(alert.countedMin)} of ${formatHours(alert.allowanceMin)} contracted for ${month} (${pct}%).`,
    alert.threshold >= 100
      ? `Further counted time is billed as overage at ${formatRate(rateMicros)} per hour: get the client's approval before extra work.`
      : `Time above the contract is billed at ${formatRate(rateMicros)} per hour and needs the client's approval.`,
    '',
    'The Hours tab shows what counted and why.',
  ].join('\n');
  return { to: [client.csmEmail], cc: [], subject, body };
}

/**
 * Tells each CSM once per client, month and threshold (80%, 100%) that counted hours
 * passed that share of the month's allowance. The state lives in a document property and
 * is written right after each mail, so a crash can at worst repeat one mail, never skip
 * one. Near the end of the day's mail quota the alert is held as a draft (QuotaMailer) and
 * logged instead.
 */
export function sendUsageAlerts(
  data: RegisterData,
  counted: readonly ClassifiedEntry[],
  now: number,
  kv: KeyValuePort,
  mailer: QuotaMailer,
  log: RunLogPort,
): number {
  const month = currentMonth(now, data.settings.providerZone);
  const key = alertStateKey(month);
  const state = readState(kv, key);
  const usedBy = new Map<string, number>();
  for (const e of counted) if (e.counted && e.day.startsWith(month)) usedBy.set(e.clientId, (usedBy.get(e.clientId) ?? 0) + e.minutes);
  let n = 0;
  for (const client of data.clients) {
    if (client.status === 'Ended') continue;
    const allowance = allowanceFor(month, client.monthlyHours ?? 0, client.start, client.end).minutes;
    const alert = dueAlert(client.clientId, usedBy.get(client.clientId) ?? 0, allowance, state[client.clientId] ?? []);
    if (!alert) continue;
    const ids = { clientId: client.clientId };
    if (!client.csmEmail) {
      log.add('Usage alert not sent', `${client.clientId} passed ${alert.threshold}% of ${month}'s hours but has no CSM email`, ids);
    } else {
      const msg = message(alert, client, month, client.rateMicros ?? data.settings.defaultRateMicros);
      const d = mailer.deliver(msg);
      if (d.delivery === 'draft')
        log.add('Usage alert drafted', `${client.csmEmail} — ${msg.subject}: ${mailer.heldReason(d.quotaLeft)}`, ids);
      else log.add('Usage alert sent', `${client.csmEmail}: ${msg.subject}`, ids);
      n++;
    }
    state[client.clientId] = [...(state[client.clientId] ?? []), ...alert.settles];
    kv.set(key, JSON.stringify(state));
  }
  return n;
}
