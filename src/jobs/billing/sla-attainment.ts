import type { SlaAttainment } from '../../core/billing';
import { monthSpan, type YearMonth } from '../../core/hours/month';
import { NO_ATTAINMENT, withTicket } from '../../core/sla';
import type { TicketInfo } from '../hours/register-data';

/** SLA attainment of one client's tickets received in the month (provider zone), by the one definition in core/sla. */
export function slaAttainment(tickets: Iterable<TicketInfo>, clientId: string, month: YearMonth, zone: string): SlaAttainment {
  const { start, end } = monthSpan(month, zone);
  let n = 0;
  let attainment = NO_ATTAINMENT;
  for (const t of tickets) {
    if (t.clientId !== clientId || t.receivedAt === null || t.receivedAt < start || t.receivedAt >= end) continue;
    n++;
    attainment = withTicket(attainment, t.slaState);
  }
  return { tickets: n, attainment };
}
