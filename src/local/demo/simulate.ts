import { DateTime } from 'luxon';
import type { Emulator } from '../emulator';
import type { DemoEdit, DemoHours, DemoMonth } from './month';
import { sheetOf, typeRows } from './typing';

const MINUTE = 60_000;
const ZONE = 'America/Denver';

export interface SimulationStats {
  ingestRuns: number;
  sweepRuns: number;
  failedRuns: { job: string; at: number; message: string }[];
  edits: number;
  editsSkipped: number;
  hoursRows: number;
  modeledMs: number;
  serviceCalls: number;
}

type Progress = (line: string) => void;

/** Finds the ticket opened by a request, through the Messages ledger, as a person would look it up. */
function ticketOfRequest(em: Emulator, requestId: string): string | null {
  const rows = em.workbook.sheetValues('Messages');
  const h = rows[0]!.map(String);
  const row = rows.find((r) => String(r[h.indexOf('Message ID')]) === requestId);
  const id = row ? String(row[h.indexOf('Ticket ID')]) : '';
  return id === '' ? null : id;
}

/**
 * A person edits ticket cells. With an installable edit handler in the bundle, the edit
 * goes through the emulator's edit event (as in Sheets); without one, the cells are typed
 * and the next sweep picks the change up.
 */
function applyEdit(em: Emulator, edit: DemoEdit): boolean {
  const ticketId = ticketOfRequest(em, edit.requestId);
  if (!ticketId) return false;
  const sheet = sheetOf(em, 'Tickets');
  const values = sheet.getDataRange().getValues();
  const header = values[0]!.map(String);
  const r = values.findIndex((row) => String(row[header.indexOf('Ticket ID')]) === ticketId);
  if (r < 1) return false;
  const withEvents = em as unknown as { edit?: (tab: string, a1: string, values: unknown[][]) => unknown };
  for (const [column, value] of Object.entries(edit.set)) {
    const c = header.indexOf(column);
    if (c < 0) continue;
    if (typeof withEvents.edit === 'function') {
      const a1 = sheet.getRange(r + 1, c + 1).getA1Notation();
      withEvents.edit('Tickets', a1, [[value]]);
    } else {
      sheet.getRange(r + 1, c + 1).setValue(value);
    }
  }
  return true;
}

function typeHours(em: Emulator, entries: readonly DemoHours[]): void {
  typeRows(
    em,
    'Hours',
    entries.map((h) => ({
      Date: h.date,
      'Client ID': h.clientId,
      Person: h.person,
      'Ticket ID': h.requestId ? (ticketOfRequest(em, h.requestId) ?? '') : '',
      Activity: h.activity,
      Hours: h.hours,
      'Required attendee': h.requiredAttendee,
      Notes: h.notes,
    })),
  );
}

/**
 * Runs the month on the emulated clock: the inbox trigger every 5 minutes, the SLA sweep
 * every 10 and the hours check hourly (as installed for a bound script), people's edits and hour logs at their
 * moments, and the monthly billing trigger on the 1st of the next month.
 */
export async function simulateMonth(em: Emulator, month: DemoMonth, progress: Progress): Promise<SimulationStats> {
  const stats: SimulationStats = {
    ingestRuns: 0,
    sweepRuns: 0,
    failedRuns: [],
    edits: 0,
    editsSkipped: 0,
    hoursRows: 0,
    modeledMs: 0,
    serviceCalls: 0,
  };
  for (const m of month.mail) await em.mailbox.deliver(m.raw, { at: m.at });

  const edits = [...month.edits];
  // CSMs log a day's hours at the end of that day (17:30 local).
  const hoursByDay = new Map<number, DemoHours[]>();
  for (const h of month.hours) {
    const at = DateTime.fromISO(`${h.date}T17:30:00`, { zone: ZONE }).toMillis();
    hoursByDay.set(at, [...(hoursByDay.get(at) ?? []), h]);
  }
  const hourTimes = [...hoursByDay.keys()].sort((a, b) => a - b);

  const run = (job: string, at: number) => {
    const r = em.run(job);
    stats.modeledMs += r.calls.modeledMs;
    stats.serviceCalls += r.calls.total;
    if (r.error) stats.failedRuns.push({ job, at, message: r.error.message });
  };

  const step = 5 * MINUTE;
  const billingAt = DateTime.fromMillis(month.end, { zone: ZONE }).set({ hour: 6, minute: 5 }).toMillis();
  let lastDay = '';
  for (let t = month.start; t <= billingAt; t += step) {
    em.clock.set(Math.max(t, em.clock.now()));
    while (edits.length && edits[0]!.at <= t) {
      const e = edits.shift()!;
      if (applyEdit(em, e)) stats.edits++;
      else stats.editsSkipped++;
    }
    while (hourTimes.length && hourTimes[0]! <= t) {
      const entries = hoursByDay.get(hourTimes.shift()!)!;
      typeHours(em, entries);
      stats.hoursRows += entries.length;
    }
    run('ingestInbox', t);
    stats.ingestRuns++;
    const tick = (t - month.start) / step;
    if (tick % 2 === 0) {
      run('sweepSla', t);
      stats.sweepRuns++;
    }
    if (tick % 12 === 0) run('checkHours', t);
    const day = DateTime.fromMillis(t, { zone: ZONE }).toISODate()!;
    if (day !== lastDay && DateTime.fromMillis(t, { zone: ZONE }).weekday === 1) {
      progress(`  … week of ${day}: ${Math.max(0, em.workbook.sheetValues('Tickets').length - 1)} tickets so far`);
    }
    lastDay = day;
  }
  em.clock.set(Math.max(billingAt, em.clock.now()));
  run('runMonthlyBilling', billingAt);
  return stats;
}
