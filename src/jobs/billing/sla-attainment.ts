import type { SlaAttainment } from '../../core/billing';
import { monthSpan, type YearMonth } from '../../core/hours/month';
import type { TicketInfo } from '../hours/register-data';

/** SLA attainment of one client's tickets received in the month (provider zone). */
export function slaAttainment(tickets: Iterable<TicketInfo>, clientId: string, month: YearMonth, zone: string): SlaAttainment {
  const { start, end } = monthSpan(month, zone);
  let n = 0;
  let judged = 0;
  let breached = 0;
  for (const t of tickets) {
    if (t.clientId !== clientId || t.receivedAt === null || t.receivedAt < start || t.receivedAt >= end) continue;
    n++;
    if (t.slaState) judged++;
    if (t.slaState === 'Breached') breached++;
  }
  return { tickets: n, judged, breached };
}
