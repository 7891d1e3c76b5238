import { dayInZone, monthOfDay } from '../../../core/hours/month';
import { classifyHours } from '../../../jobs/hours/classify';
import { loadRegister, type RegisterData } from '../../../jobs/hours/register-data';
import type { RunLogPort } from '../../../jobs/ports';
import type { WorkbookPort } from '../../../jobs/ports';
import { TicketsTab } from '../../../register/tabs';
import { readTable } from '../../../register/table';
import { usageByClient, type ClientUsage } from '../../../core/dashboard/usage';

/**
 * What the Log time sidebar needs to draw its form, in one round trip. Plain JSON only:
 * google.script.run turns a return value holding a Date into null.
 */
export interface LogTimeForm {
  readonly person: string;
  /** Today in the provider's zone (YYYY-MM-DD): the date field's default. */
  readonly today: string;
  readonly month: string;
  readonly clients: readonly { id: string; name: string; usage: ClientUsage | null }[];
  readonly activities: readonly { name: string; counts: string; rule: string }[];
  /** Open tickets, and tickets received or resolved in the last 30 days, newest first. */
  readonly tickets: readonly { id: string; clientId: string; label: string; status: string }[];
}

/** Tickets closed longer ago than this are no longer offered (time is rarely logged on them). */
const RECENT_MS = 30 * 24 * 3600 * 1000;
const DONE = new Set(['Resolved', 'Closed']);

/** Swallows the job log: building a form must not write to the Log tab. */
export const quietLog: RunLogPort = { add: () => undefined };

export function usageFor(data: RegisterData, now: number): Map<string, ClientUsage> {
  const today = dayInZone(now, data.settings.providerZone);
  return usageByClient(data.clients, classifyHours(data, today).counted, monthOfDay(today));
}

export function logTimeForm(wb: WorkbookPort, now: number, person: string): LogTimeForm {
  const data = loadRegister(wb, quietLog, { report: false });
  const today = dayInZone(now, data.settings.providerZone);
  const usage = usageFor(data, now);
  const clients = data.clients
    .filter((c) => c.status !== 'Ended')
    .map((c) => ({ id: c.clientId, name: c.name, usage: usage.get(c.clientId) ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));

  // Subjects and statuses are not in RegisterData: one more read of Tickets, for the form only.
  const ticketsPort = wb.tab(TicketsTab.name);
  const tickets = ticketsPort
    ? readTable(ticketsPort, TicketsTab)
        .rows.map((r) => r.data)
        .filter((t) => {
          if (!DONE.has(t.Status)) return true;
          const last = Math.max(t['Resolved at']?.getTime() ?? 0, t['Received at']?.getTime() ?? 0);
          return now - last <= RECENT_MS;
        })
        .sort((a, b) => (b['Received at']?.getTime() ?? 0) - (a['Received at']?.getTime() ?? 0))
        .map((t) => ({
          id: t['Ticket ID'],
          clientId: t['Client ID'],
          status: t.Status,
          label: `${t['Ticket ID']} · ${t.Subject || '(no subject)'}${DONE.has(t.Status) ? ` (${t.Status})` : ''}`,
        }))
    : [];
  return {
    person,
    today,
    month: monthOfDay(today),
    clients,
    activities: data.activities.map((a) => ({ name: a.activity, counts: a.counts, rule: a.rule })),
    tickets,
  };
}
