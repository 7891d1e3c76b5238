import type { ClassifiedEntry, UnbilledRow } from '../../core/billing';
import type { HoursEntry } from '../../core/hours/entry';
import { monthOfDay, workDay, type IsoDay, type YearMonth } from '../../core/hours/month';
import { activityIndex, decide } from '../../core/hours/rules';
import { validateEntries } from '../../core/hours/validate';
import { sowProblem } from '../../core/billing/sow';
import { SETTINGS } from '../../register/settings/spec';
import type { CellWrite } from '../../register/table';
import type { RegisterData } from './register-data';

export interface Classified {
  readonly counted: readonly ClassifiedEntry[];
  /** Rows that cannot be counted: schema problems and rule problems alike. */
  readonly unusable: readonly UnbilledRow[];
}

/** Validates every Hours row and applies the Activities rules to the valid ones. */
export function classifyHours(data: RegisterData, today: IsoDay): Classified {
  const activity = activityIndex(data.activities);
  const starts = new Map(data.clients.map((c) => [c.clientId, c.start]));
  const problems = validateEntries(data.entries, {
    clientIds: new Set(data.clients.map((c) => c.clientId)),
    clientProblem: (id) => data.invalidClients.get(id),
    contractStart: (id) => starts.get(id) ?? null,
    hasActivity: (name) => activity(name) !== undefined,
    ticket: (id) => data.tickets.get(id.toUpperCase()),
    today,
    monthLimitMin: data.settings.plausible.monthMin,
    monthLimitSetting: SETTINGS.plausibleMonthHours.key,
  });
  const counted: ClassifiedEntry[] = [];
  const unusable: UnbilledRow[] = [];
  for (const e of data.entries) {
    const p = problems.get(e.rowNumber);
    if (p) {
      unusable.push({
        rowNumber: e.rowNumber,
        clientId: e.clientId,
        day: e.day,
        person: e.person,
        activity: e.activity,
        problem: p.join('; '),
      });
      continue;
    }
    if (e.sowId) {
      const sow = data.sows.get(e.sowId);
      const broken = data.invalidSows.get(e.sowId);
      const problem = broken ? `SOW ${e.sowId}: its row in the SOWs tab has a problem (${broken})` : sowProblem(sow, e.sowId, e.clientId);
      if (problem) {
        unusable.push({ rowNumber: e.rowNumber, clientId: e.clientId, day: e.day, person: e.person, activity: e.activity, problem });
        continue;
      }
      // Billed on the SOW's own lines (buildStatement), never against contracted hours.
      counted.push({
        ...e,
        counted: false,
        reason: `SOW ${sow!.sowId} (${sow!.status}): time and materials, billed in full on its own line, not against contracted hours`,
      });
      continue;
    }
    const ticket = e.ticketId ? (data.tickets.get(e.ticketId) ?? null) : null;
    counted.push({ ...e, ...decide(e, activity(e.activity)!, ticket) });
  }
  // Rows the schema refused still belong to a month when their Date cell is a date.
  const { raw, columnOf } = data.hours;
  for (const p of data.hours.problems) {
    const cells = raw[p.rowNumber - 1] ?? [];
    const at = columnOf.get('Date');
    const d = at === undefined ? undefined : cells[at];
    const day =
      d instanceof Date && !Number.isNaN(d.getTime()) ? workDay(d.getTime(), data.settings.sheetZone, data.settings.providerZone) : null;
    const text = (h: string) => {
      const c = columnOf.get(h);
      return c === undefined ? '' : String(cells[c] ?? '').trim();
    };
    unusable.push({
      rowNumber: p.rowNumber,
      clientId: text('Client ID'),
      day,
      person: text('Person'),
      activity: text('Activity'),
      problem: p.message,
    });
  }
  unusable.sort((a, b) => a.rowNumber - b.rowNumber);
  return { counted, unusable };
}

export const NOT_COUNTED = 'Not counted: see Problems';

/**
 * Counted / Reason / Problems for every Hours row. Rows of a final month keep the Counted
 * and Reason they were billed with (a later change to them is billed as an adjustment);
 * a row added to a final month afterwards gets its classification written once.
 */
export function hoursWrites(data: RegisterData, c: Classified, finalMonths: ReadonlySet<string>): CellWrite[] {
  const writes: CellWrite[] = [];
  const { raw, columnOf } = data.hours;
  const countedCol = columnOf.get('Counted');
  const frozen = (e: HoursEntry) => {
    if (!finalMonths.has(monthOfDay(e.day) as YearMonth)) return false;
    const v = countedCol === undefined ? '' : raw[e.rowNumber - 1]?.[countedCol];
    return v !== '' && v !== undefined && v !== null;
  };
  for (const e of c.counted) {
    if (!frozen(e)) {
      writes.push({ rowNumber: e.rowNumber, header: 'Counted', value: e.counted ? e.minutes / 60 : 0 });
      writes.push({ rowNumber: e.rowNumber, header: 'Reason', value: e.reason });
    }
    writes.push({ rowNumber: e.rowNumber, header: 'Problems', value: '' });
  }
  for (const u of c.unusable) {
    writes.push({ rowNumber: u.rowNumber, header: 'Counted', value: '' });
    writes.push({ rowNumber: u.rowNumber, header: 'Reason', value: NOT_COUNTED });
    writes.push({ rowNumber: u.rowNumber, header: 'Problems', value: u.problem });
  }
  return writes;
}
