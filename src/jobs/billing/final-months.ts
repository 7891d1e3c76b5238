/**
 * Which months are final, and what each billed (issue 13, defect 4: Final is final). Kept in
 * document properties, where a person cannot change them by typing: the Status cells of a
 * billing tab only show it. Only the month close with an explicit reopen (who and why, logged)
 * takes a month off the list.
 */
import { billedLinesPrint, type BilledClientMonth, type BilledMonth, type Cents, type MonthStatement } from '../../core/billing';
import type { YearMonth } from '../../core/hours/month';
import { FINAL_MONTHS_KEY } from '../hours/check-hours';
import type { KeyValuePort } from '../ports';

export interface FinalRecord {
  readonly month: YearMonth;
  /** ISO instant of the close, and who closed it ('' when the run could not tell). */
  readonly closedAt: string;
  readonly by: string;
  readonly dueCents: Cents;
  /** clientId → [contracted min, rate (micro-dollars), counted min, overage amount (cents)] as billed. */
  readonly clients: Readonly<Record<string, readonly [number, number, number, number]>>;
  /** billedLinesPrint of the Hours lines billed: the tab must still show these to be used for adjustments. */
  readonly linesPrint: string;
}

export interface Reopening {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
  /** What the month had been closed with. */
  readonly was: FinalRecord | null;
}

export const finalRecordKey = (m: YearMonth): string => `billing.final.${m}`;
export const reopeningsKey = (m: YearMonth): string => `billing.reopened.${m}`;

function json<T>(kv: KeyValuePort, key: string, fallback: T): T {
  const raw = kv.get(key);
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/**
 * The final months. A register closed before this list was kept has none stored: then the
 * tabs that say Final are taken once, and stored; from then on the list alone decides.
 */
export function finalMonths(kv: KeyValuePort, tabsSayingFinal: () => readonly YearMonth[]): Set<YearMonth> {
  if (kv.get(FINAL_MONTHS_KEY) === null) {
    const found = [...tabsSayingFinal()].sort();
    if (found.length) kv.set(FINAL_MONTHS_KEY, JSON.stringify(found));
    return new Set(found);
  }
  const v = json<unknown>(kv, FINAL_MONTHS_KEY, []);
  return new Set(Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as YearMonth[]) : []);
}

function saveMonths(kv: KeyValuePort, months: ReadonlySet<YearMonth>): void {
  kv.set(FINAL_MONTHS_KEY, JSON.stringify([...months].sort()));
}

export function readFinalRecord(kv: KeyValuePort, month: YearMonth): FinalRecord | null {
  return json<FinalRecord | null>(kv, finalRecordKey(month), null);
}

/** The Hours lines of a statement in the form the billing tab reads back. */
export function billedOf(s: MonthStatement): BilledMonth {
  const clients = new Map<string, BilledClientMonth>();
  for (const r of s.rows)
    clients.set(r.clientId, {
      clientId: r.clientId,
      allowanceMin: r.allowanceMin,
      rateMicros: r.rateMicros,
      countedMin: r.countedMin,
      amountCents: r.overageCents,
    });
  const lines = s.lines
    .filter((l) => l.kind === 'Hours')
    .map((l) => ({
      clientId: l.clientId,
      day: l.day,
      person: l.person,
      ticketId: l.ticketId,
      activity: l.activity,
      required: l.required ?? true,
      loggedMin: l.loggedMin ?? 0,
      countedMin: l.countedMin ?? 0,
    }));
  return { month: s.month, clients, lines };
}

/** Records a Final close: the month joins the list, with what it billed. */
export function recordFinal(kv: KeyValuePort, months: Set<YearMonth>, s: MonthStatement, closedAt: string, by: string): void {
  const billed = billedOf(s);
  const clients: Record<string, [number, number, number, number]> = {};
  for (const c of billed.clients.values()) clients[c.clientId] = [c.allowanceMin, c.rateMicros, c.countedMin, c.amountCents];
  const record: FinalRecord = {
    month: s.month,
    closedAt,
    by,
    dueCents: s.totals.dueCents,
    clients,
    linesPrint: billedLinesPrint(billed.lines),
  };
  kv.set(finalRecordKey(s.month), JSON.stringify(record));
  months.add(s.month);
  saveMonths(kv, months);
}

/** Takes a month off the list; the record it had is kept with the reopening (who, when, why). */
export function reopenMonth(kv: KeyValuePort, months: Set<YearMonth>, month: YearMonth, r: Omit<Reopening, 'was'>): Reopening {
  const was = readFinalRecord(kv, month);
  const entry: Reopening = { ...r, was };
  const history = json<Reopening[]>(kv, reopeningsKey(month), []);
  kv.set(reopeningsKey(month), JSON.stringify([...history, entry]));
  kv.delete(finalRecordKey(month));
  months.delete(month);
  saveMonths(kv, months);
  return entry;
}

/**
 * A final month's billed figures as recorded at the close, in place of what its tab shows now;
 * `null` lines when the tab's lines are no longer those billed (edited after the close).
 */
export function asBilled(record: FinalRecord | null, fromTab: BilledMonth): { billed: BilledMonth; linesMatch: boolean } {
  if (!record) return { billed: fromTab, linesMatch: true };
  const clients = new Map<string, BilledClientMonth>();
  for (const [clientId, [allowanceMin, rateMicros, countedMin, amountCents]] of Object.entries(record.clients))
    clients.set(clientId, { clientId, allowanceMin, rateMicros, countedMin, amountCents });
  return { billed: { ...fromTab, clients }, linesMatch: billedLinesPrint(fromTab.lines) === record.linesPrint };
}
