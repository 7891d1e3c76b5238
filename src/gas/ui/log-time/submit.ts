import { DateTime } from 'luxon';
import { formatHours, type HoursEntry } from '../../../core/hours/entry';
import { dayInZone, workDay } from '../../../core/hours/month';
import { activityIndex, decide } from '../../../core/hours/rules';
import { validateEntries } from '../../../core/hours/validate';
import type { RunLogPort } from '../../../jobs/ports';
import { loadRegister } from '../../../jobs/hours/register-data';
import type { WorkbookPort } from '../../../jobs/ports';
import { HoursTab } from '../../../register/tabs';
import { appendRows } from '../../../register/table';
import { quietLog, usageFor } from './form';
import type { ClientUsage } from '../../../core/dashboard/usage';

/** The form's fields, as the sidebar sends them (everything a string; the server decides). */
export const FIELDS = ['client', 'ticket', 'activity', 'hours', 'date', 'required', 'notes'] as const;
export type Field = (typeof FIELDS)[number];

export type SubmitResult =
  | {
      readonly ok: true;
      readonly row: number;
      readonly counted: boolean;
      readonly reason: string;
      readonly message: string;
      readonly usage: ClientUsage | null;
    }
  | {
      readonly ok: false;
      /** Errors by field, shown next to it; `form` is for what belongs to no single field. */
      readonly errors: Partial<Record<Field | 'form', string>>;
      readonly message: string;
    };

/** The Hours column each field fills; the schema's messages name the column. */
const COLUMN_OF: Record<Field, string> = {
  client: 'Client ID',
  ticket: 'Ticket ID',
  activity: 'Activity',
  hours: 'Hours',
  date: 'Date',
  required: 'Required attendee',
  notes: 'Notes',
};

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A date-only cell: local midnight of that day in the spreadsheet's zone, as Sheets stores a typed date. */
function dateCell(text: string, sheetZone: string): Date | '' | null {
  const t = text.trim();
  if (t === '') return '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return null;
  const d = DateTime.fromISO(t, { zone: sheetZone });
  return d.isValid ? new Date(d.toMillis()) : null;
}

/** Which field a register check is about, from the column its message starts with. */
function fieldOfMessage(message: string): Field | 'form' {
  if (message.startsWith('Client ID')) return 'client';
  if (message.startsWith('Activity')) return 'activity';
  if (message.startsWith('Ticket')) return 'ticket';
  if (message.startsWith('Date')) return 'date';
  if (/more than 24 h in one day/.test(message)) return 'hours';
  return 'form';
}

function failure(errors: Partial<Record<Field | 'form', string>>): SubmitResult {
  const n = Object.keys(errors).length;
  return { ok: false, errors, message: `Nothing was logged: ${n === 1 ? 'one field needs' : `${n} fields need`} attention.` };
}

/**
 * Validates one time entry exactly as the Hours tab does (its zod schema, then the same
 * register checks the hours job applies: known client, activity and ticket, the ticket is
 * the client's, not in the future, at most 24 h per person and day) and appends it as one
 * row. Counted and Reason are filled with the rule's decision, as the hours check would.
 * The caller holds the document lock, so the read here is the fresh one the append uses.
 */
export function submitTimeEntry(wb: WorkbookPort, now: number, person: string, form: unknown, log: RunLogPort): SubmitResult {
  if (!form || typeof form !== 'object') return failure({ form: 'The form sent nothing: reload the sidebar and try again.' });
  const f = form as Record<string, unknown>;
  const data = loadRegister(wb, quietLog, { report: false });
  const errors: Partial<Record<Field | 'form', string>> = {};

  const date = dateCell(str(f.date), data.settings.sheetZone);
  if (date === null) errors.date = 'Date must be a day like 2026-11-02';
  const record = {
    Date: date ?? '',
    'Client ID': str(f.client).trim(),
    Person: person,
    'Ticket ID': str(f.ticket).trim().toUpperCase(),
    Activity: str(f.activity).trim(),
    Hours: str(f.hours).trim(),
    'Required attendee': str(f.required).trim() || 'Yes',
    Counted: '',
    Reason: '',
    Notes: str(f.notes),
    Problems: '',
  };
  const parsed = HoursTab.schema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? '');
      const field = (Object.keys(COLUMN_OF) as Field[]).find((k) => COLUMN_OF[k] === column);
      const message = column && !issue.message.startsWith(column) ? `${column} ${issue.message}` : issue.message;
      if (field) errors[field] ??= message;
      else errors.form ??= column === 'Person' ? 'Your account has no address: sign in to Google to log time.' : message;
    }
  }
  if (Object.keys(errors).length > 0) return failure(errors);
  const row = parsed.data!;

  const day = workDay(row.Date.getTime(), data.settings.sheetZone, data.settings.providerZone);
  const entry: HoursEntry = {
    rowNumber: 0, // not in the sheet yet
    day,
    clientId: row['Client ID'],
    person,
    ticketId: row['Ticket ID'],
    activity: row.Activity,
    minutes: Math.round(row.Hours * 60),
    required: row['Required attendee'],
  };
  const activity = activityIndex(data.activities);
  const sameDay = data.entries.filter((e) => e.day === day && e.person.trim().toLowerCase() === person.trim().toLowerCase());
  const problems = validateEntries([...sameDay, entry], {
    clientIds: new Set(data.clients.map((c) => c.clientId)),
    hasActivity: (name) => activity(name) !== undefined,
    ticket: (id) => data.tickets.get(id.toUpperCase()),
    contractStart: (id) => data.clients.find((c) => c.clientId === id)?.start ?? null,
    today: dayInZone(now, data.settings.providerZone),
  }).get(0);
  for (const p of problems ?? []) {
    const field = fieldOfMessage(p);
    errors[field] = errors[field] ? `${errors[field]}; ${p}` : p;
  }
  if (Object.keys(errors).length > 0) return failure(errors);

  const ticket = entry.ticketId ? (data.tickets.get(entry.ticketId) ?? null) : null;
  const decision = decide(entry, activity(entry.activity)!, ticket);
  const port = wb.tab(HoursTab.name)!; // loadRegister read it a moment ago
  const rowNumber = appendRows(port, data.hours, [
    {
      Date: row.Date,
      'Client ID': entry.clientId,
      Person: person,
      'Ticket ID': entry.ticketId,
      Activity: activity(entry.activity)!.activity, // the Activities tab's spelling
      Hours: record.Hours,
      'Required attendee': entry.required ? 'Yes' : 'No',
      Counted: decision.counted ? entry.minutes / 60 : 0,
      Reason: decision.reason,
      Notes: row.Notes,
    },
  ]);
  const ids = { clientId: entry.clientId, ...(entry.ticketId ? { ticketId: entry.ticketId } : {}) };
  const what = `${formatHours(entry.minutes)} of ${activity(entry.activity)!.activity} for ${entry.clientId}${entry.ticketId ? ` (${entry.ticketId})` : ''} on ${day}`;
  log.add(
    'Time logged',
    `${person}: ${what}, Hours row ${rowNumber}; ${decision.counted ? 'counted' : 'not counted'}: ${decision.reason}`,
    ids,
  );

  // The usage bar after this entry: what was read under the lock plus the new row (no second read).
  const usage = usageFor({ ...data, entries: [...data.entries, { ...entry, rowNumber }] }, now).get(entry.clientId) ?? null;
  return {
    ok: true,
    row: rowNumber,
    counted: decision.counted,
    reason: decision.reason,
    message: `Logged ${what} (row ${rowNumber}). ${decision.counted ? 'Counts toward the contract.' : `Not counted: ${decision.reason}.`}`,
    usage,
  };
}
