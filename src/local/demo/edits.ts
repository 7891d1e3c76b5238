import { DateTime } from 'luxon';
import { formatEdit } from '../replay/edits-file';
import type { DemoMonth } from './month';

const ZONE = 'America/Denver';
const iso = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;

/**
 * What the demo's people do in the sheet, as `run replay`'s edits file: triage and
 * resolutions on the ticket a request opened (named by the request's Message-ID), and each
 * CSM's hours typed in at 17:30 on the day worked (a troubleshooting session names the
 * request's Message-ID as its ticket).
 */
export function demoEditsFile(month: DemoMonth): string {
  const lines: { at: number; text: string }[] = month.edits.map((e) => ({
    at: e.at,
    text: formatEdit({ tab: 'Tickets', ticket: e.requestId, set: e.set }, iso(e.at)),
  }));
  for (const h of month.hours) {
    const at = DateTime.fromISO(`${h.date}T17:30:00`, { zone: ZONE }).toMillis();
    const row: Record<string, string> = {
      Date: h.date,
      'Client ID': h.clientId,
      Person: h.person,
      ...(h.requestId ? { 'Ticket ID': h.requestId } : {}),
      Activity: h.activity,
      Hours: h.hours,
      'Required attendee': h.requiredAttendee,
      ...(h.notes ? { Notes: h.notes } : {}),
    };
    lines.push({ at, text: formatEdit({ tab: 'Hours', append: row }, iso(at)) });
  }
  // Time order; at one instant, ticket edits before hours (a stable sort keeps that). What
  // people would do after the month close (resolving the last tickets) is not the demo's.
  const { from, to } = demoSpan(month);
  return lines
    .filter((l) => l.at >= from && l.at <= to)
    .sort((a, b) => a.at - b.at)
    .map((l) => l.text)
    .join('\n')
    .concat('\n');
}

/** The demo's month ends with the month close on the 1st of the next month, 06:05 (the trigger runs 6–7 am). */
export function demoSpan(month: DemoMonth): { from: number; to: number } {
  const from = DateTime.fromMillis(month.start, { zone: ZONE }).set({ hour: 7 }).toMillis();
  const to = DateTime.fromMillis(month.end, { zone: ZONE }).set({ hour: 6, minute: 5 }).toMillis();
  return { from, to };
}

export const demoInstant = iso;
