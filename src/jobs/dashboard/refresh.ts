import { showTime } from '../../core/time/show';
import { DateTime } from 'luxon';
import {
  dashboardLayout,
  DASHBOARD_WIDTH,
  monthShown,
  monthsEndingAt,
  openBySlaState,
  PICKER_LABEL,
  PICKER_ROW,
  slaAttainmentByPriority,
  usageByClient,
  type TicketFact,
} from '../../core/dashboard';
import { dayInZone } from '../../core/hours/month';
import { billingTabName } from '../billing/tab-layout';
import { cellValue } from '../../register/safe-text';
import { TicketsTab } from '../../register/tabs';
import { readTable } from '../../register/table';
import type { RunLogPort } from '../ports';
import { classifyHours } from '../hours/classify';
import { loadRegister } from '../hours/register-data';
import type { WorkbookPort } from '../ports';
import type { ChartPort } from './ports';

export const DASHBOARD_TAB = 'Dashboard';

export interface DashboardReport {
  readonly message: string;
  readonly openTickets: number;
  readonly clients: number;
}

const quiet: RunLogPort = { add: () => undefined };

/**
 * Rewrites the Dashboard tab: SLA attainment by priority for the last six months, open
 * tickets by SLA state, and each active client's hours this month against the contract.
 * One read per register tab, one read and one write of the Dashboard; charts are made (or
 * their ranges fixed) only when a ChartPort is given and something differs. Safe to call
 * from the sweep under its lock, or on its own.
 */
export function refreshDashboard(wb: WorkbookPort, now: number, charts?: ChartPort): DashboardReport {
  const data = loadRegister(wb, quiet, { report: false });
  const zone = data.settings.providerZone;
  const ticketsPort = wb.tab(TicketsTab.name);
  const ticketsTable = ticketsPort ? readTable(ticketsPort, TicketsTab) : null;
  const facts: TicketFact[] = ticketsTable
    ? ticketsTable.rows.map(({ data: t }) => ({
        priority: t.Priority,
        status: t.Status,
        slaState: t['SLA state'],
        receivedAt: t['Received at']?.getTime() ?? null,
      }))
    : [];

  const port = wb.ensureTab(DASHBOARD_TAB);
  const before = port.readAll();
  const today = dayInZone(now, zone);
  const picked = pickerText(before, wb.timeZone);
  const shown = monthShown(today, picked, (m) => wb.tab(billingTabName(m)) !== null);
  const month = shown.month;
  const usage = usageByClient(data.clients, classifyHours(data, today).counted, month);
  const active = data.clients.filter((c) => c.status !== 'Ended').sort((a, b) => a.name.localeCompare(b.name));
  const open = openBySlaState(facts);
  const layout = dashboardLayout({
    updated: showTime(now, zone),
    attainment: slaAttainmentByPriority(facts, monthsEndingAt(month), zone),
    priorityNames: ticketsTable?.priorityNames,
    open,
    month,
    picker: { value: picked, why: shown.problem ?? shown.why },
    hours: active.map((c) => ({ name: `${c.name} (${c.clientId})`, usage: usage.get(c.clientId)! })),
  });

  // Blank whatever an earlier, longer dashboard left below (the tab is generated; our columns only).
  const values = layout.values.map((r) => r.map((v) => cellValue(v)));
  for (let r = values.length; r < before.length; r++) values.push(new Array(DASHBOARD_WIDTH).fill(''));
  port.writeBlocks([{ row: 1, column: 1, values }]);
  charts?.ensure(DASHBOARD_TAB, layout.charts);

  const openTickets = Object.values(open).reduce((a, b) => a + b, 0);
  return {
    message: `Dashboard refreshed: ${openTickets} open ticket(s), ${active.length} client(s), SLA attainment for ${monthsEndingAt(month)[0]} to ${month}.`,
    openTickets,
    clients: active.length,
  };
}

/**
 * What the month picker (B3) holds, as text. A person typing 2026-09 may get a date if the
 * cell lost its plain-text format; read it back as the month it names in the sheet's zone.
 */
function pickerText(rows: readonly (readonly unknown[])[], sheetZone: string): string {
  const row = rows[PICKER_ROW - 1];
  if (!row || row[0] !== PICKER_LABEL) return '';
  const v = row[1];
  if (v instanceof Date) return DateTime.fromMillis(v.getTime(), { zone: sheetZone, locale: 'en-US' }).toFormat('yyyy-MM');
  return v === null || v === undefined ? '' : String(v);
}
