import { ClientIdMap } from '../../core/types/client-ids';
import { DateTime } from 'luxon';
import { publicDomainNotes } from '../../register/client-domains';
import { CalendarError, calendarFromRows, type BusinessCalendar, type HolidayRow } from '../../core/calendar/index';
import { PolicyError, policyFromRow, type SlaPolicy } from '../../core/sla/index';
import type * as z from 'zod/mini';
import type { RowOf, TabSpec } from '../../register/tab-spec';
import type { Table } from '../../register/table';
import { readTable } from '../../register/table';
import { CalendarsTab, ClientsTab, HolidaysTab, SlaPoliciesTab } from '../../register/tabs';
import { SETTINGS, type Settings } from '../../register/settings/spec';
import type { WorkbookPort } from '../ports';
import { loadSettings, type LoadedSettings } from './settings';

export type ClientRecord = RowOf<typeof ClientsTab>;

/** A reference row the context could not use, with the reason (for its Problems cell and the Log). */
export interface ContextProblem {
  readonly tab: string;
  readonly rowNumber: number;
  readonly message: string;
}

/**
 * Everything needed to compute a ticket's deadlines, built from the register's reference
 * tabs. Rows that fail are left out and listed in `problems`; they never stop a run.
 */
export interface SlaContext {
  /** By Calendar ID as typed (exact). */
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  readonly policies: readonly SlaPolicy[];
  /** Valid Clients rows by Client ID. */
  readonly clients: ReadonlyMap<string, ClientRecord>;
  readonly settings: Settings;
  readonly problems: readonly ContextProblem[];
  /** What a ticket whose calendar is missing or broken counts on (fail safe, not open). */
  readonly fallback: FallbackCalendar;
}

/** The calendar of last resort and how a due note names it. */
export interface FallbackCalendar {
  readonly calendar: BusinessCalendar;
  /** e.g. "MT-8-5 (Settings → SLA fallback calendar)" or "24×7 in America/Denver". */
  readonly label: string;
}

/** The reference tabs as read (each once). Missing tabs are null. */
export interface SlaTables {
  readonly clients: Table<ClientRecord> | null;
  readonly calendars: Table<RowOf<typeof CalendarsTab>> | null;
  readonly holidays: Table<RowOf<typeof HolidaysTab>> | null;
  readonly policies: Table<RowOf<typeof SlaPoliciesTab>> | null;
}

/**
 * A Holidays Date cell as the calendar wants it. Sheets gives date cells as Date objects at
 * local midnight in the SPREADSHEET's zone (not the calendar's), so the date is read there.
 */
export function holidayDate(value: Date, spreadsheetTimeZone: string): string {
  // Every sweep reads the same holiday cells: each answer is kept (a pure function of its inputs).
  const key = `${spreadsheetTimeZone}|${value.getTime()}`;
  let day = holidayDays.get(key);
  if (day === undefined) {
    day = DateTime.fromMillis(value.getTime(), { zone: spreadsheetTimeZone, locale: 'en-US' }).toFormat('yyyy-MM-dd');
    if (holidayDays.size >= 10_000) holidayDays.clear();
    holidayDays.set(key, day);
  }
  return day;
}

const holidayDays = new Map<string, string>();

const schemaProblems = (tab: string, table: Table<unknown> | null): ContextProblem[] =>
  table ? table.problems.map((p) => ({ tab, rowNumber: p.rowNumber, message: p.message })) : [];

/** Pure: the read tables, the settings and the spreadsheet's time zone → the SLA context. */
export function buildSlaContext(tables: SlaTables, settings: Settings, spreadsheetTimeZone: string): SlaContext {
  const problems: ContextProblem[] = [
    ...schemaProblems(ClientsTab.name, tables.clients),
    ...[...publicDomainNotes(tables.clients)].map(([rowNumber, message]) => ({ tab: ClientsTab.name, rowNumber, message })),
    ...schemaProblems(CalendarsTab.name, tables.calendars),
    ...schemaProblems(HolidaysTab.name, tables.holidays),
    ...schemaProblems(SlaPoliciesTab.name, tables.policies),
  ];

  // Tickets' Client ID cells are typed by people: `canyon` finds CANYON.
  const clients = new ClientIdMap<ClientRecord>();
  for (const r of tables.clients?.rows ?? []) clients.set(r.data['Client ID'], r.data);

  // Holidays grouped by calendar; a holiday of an unknown calendar is reported, not silently ignored.
  const holidaysOf = new Map<string, { row: number; holiday: HolidayRow }[]>();
  for (const r of tables.holidays?.rows ?? []) {
    const id = r.data['Calendar ID'];
    const list = holidaysOf.get(id) ?? [];
    list.push({
      row: r.rowNumber,
      holiday: { date: holidayDate(r.data.Date, spreadsheetTimeZone), open: r.data['Open hours'], name: r.data.Name },
    });
    holidaysOf.set(id, list);
  }

  const calendars = new Map<string, BusinessCalendar>();
  for (const r of tables.calendars?.rows ?? []) {
    const d = r.data;
    const id = d['Calendar ID'];
    const holidays = holidaysOf.get(id) ?? [];
    const base = { id, timeZone: d['Time zone'], mon: d.Mon, tue: d.Tue, wed: d.Wed, thu: d.Thu, fri: d.Fri, sat: d.Sat, sun: d.Sun };
    try {
      calendars.set(
        id,
        calendarFromRows(
          base,
          holidays.map((h) => h.holiday),
        ),
      );
    } catch (e) {
      if (!(e instanceof CalendarError)) throw e;
      // A bad holiday row should not take the whole calendar down: find it and drop it.
      let weekOk = true;
      try {
        calendarFromRows(base, []);
      } catch {
        weekOk = false;
      }
      if (!weekOk) {
        problems.push({ tab: CalendarsTab.name, rowNumber: r.rowNumber, message: e.message });
        continue;
      }
      const kept: HolidayRow[] = [];
      for (const h of holidays) {
        try {
          calendarFromRows(base, [...kept, h.holiday]);
          kept.push(h.holiday);
        } catch (he) {
          problems.push({ tab: HolidaysTab.name, rowNumber: h.row, message: he instanceof Error ? he.message : String(he) });
        }
      }
      calendars.set(id, calendarFromRows(base, kept));
    }
  }
  for (const [id, list] of holidaysOf) {
    if (!tables.calendars?.byKey(id)) {
      for (const h of list)
        problems.push({ tab: HolidaysTab.name, rowNumber: h.row, message: `Calendar ID ${id} is not on the Calendars tab` });
    }
  }

  const policies: SlaPolicy[] = [];
  const seen = new Map<string, number>();
  for (const r of tables.policies?.rows ?? []) {
    const d = r.data;
    try {
      const p = policyFromRow({
        plan: d.Plan,
        priority: d.Priority,
        firstResponse: d['First response (h)'] ?? '',
        nextUpdate: d['Next update (h)'] ?? '',
        resolution: d['Resolution (h)'] ?? '',
        calendar: d.Calendar,
        atRiskPercent: d['At risk at (%)'] ?? '',
      });
      const key = `${p.plan.toLowerCase()}|${p.priority}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({
          tab: SlaPoliciesTab.name,
          rowNumber: r.rowNumber,
          message: `${p.plan}/${p.priority} is already set at row ${first}; this row is ignored`,
        });
        continue;
      }
      // Kept: tickets under it count on the fallback calendar (and new requests are held) until the calendar is fixed.
      if (p.calendarId !== null && !calendars.has(p.calendarId)) {
        problems.push({
          tab: SlaPoliciesTab.name,
          rowNumber: r.rowNumber,
          message: `Calendar ${p.calendarId} is not on the Calendars tab (or has problems): open tickets count on the SLA fallback calendar`,
        });
      }
      seen.set(key, r.rowNumber);
      policies.push(p);
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      problems.push({ tab: SlaPoliciesTab.name, rowNumber: r.rowNumber, message: e.message });
    }
  }

  return { calendars, policies, clients, settings, problems, fallback: fallbackCalendar(calendars, settings, spreadsheetTimeZone) };
}

/**
 * Settings → SLA fallback calendar (blank = the Default calendar) when it is usable, else
 * round the clock in the spreadsheet's zone: a ticket whose own calendar is broken is then
 * still counted and escalated, at worst earlier than its contract says, never not at all.
 */
export function fallbackCalendar(
  calendars: ReadonlyMap<string, BusinessCalendar>,
  settings: Pick<Settings, 'slaFallbackCalendar' | 'defaultCalendar'>,
  spreadsheetTimeZone: string,
): FallbackCalendar {
  const named = settings.slaFallbackCalendar.trim();
  const id = named !== '' ? named : settings.defaultCalendar.trim();
  const chosen = calendars.get(id);
  if (chosen)
    return {
      calendar: chosen,
      label: `${id} (Settings → ${(named !== '' ? SETTINGS.slaFallbackCalendar : SETTINGS.defaultCalendar).key})`,
    };
  const zone = spreadsheetTimeZone || 'UTC';
  const allDay = { mon: '24h', tue: '24h', wed: '24h', thu: '24h', fri: '24h', sat: '24h', sun: '24h' };
  return { calendar: calendarFromRows({ id: '24x7-fallback', timeZone: zone, ...allDay }, []), label: `24×7 in ${zone}` };
}

/** Reads a tab once (one lookup, one read), or null when it does not exist. */
export function readTabIfAny<S extends z.ZodMiniObject>(wb: WorkbookPort, spec: TabSpec<S>): Table<z.output<S>> | null {
  const port = wb.tab(spec.name);
  return port ? readTable(port, spec) : null;
}

/** Reads Settings and the four reference tabs (one read each) and builds the context. */
export function loadSlaContext(wb: WorkbookPort): SlaContext & { readonly tables: SlaTables; readonly loadedSettings: LoadedSettings } {
  const loadedSettings = loadSettings(wb);
  const tables: SlaTables = {
    clients: readTabIfAny(wb, ClientsTab),
    calendars: readTabIfAny(wb, CalendarsTab),
    holidays: readTabIfAny(wb, HolidaysTab),
    policies: readTabIfAny(wb, SlaPoliciesTab),
  };
  return { ...buildSlaContext(tables, loadedSettings.settings, wb.timeZone), tables, loadedSettings };
}

/** The calendar a client's tickets count in: its own, else Settings → Default calendar. */
export function clientCalendarId(client: ClientRecord, settings: Pick<Settings, 'defaultCalendar'>): string {
  const own = client.Calendar.trim();
  return own !== '' ? own : settings.defaultCalendar;
}
