import type { YearMonth } from '../hours/month';
import { formatMoney, formatRate, minutesTimesRate } from './money';
import { formatHours } from '../hours/entry';
import type { Sow } from './sow';
import { overageCents, overageMinutes } from './overage';
import { allowanceFor } from './proration';
import type {
  BillingSettings,
  BillingStatus,
  ClassifiedEntry,
  ClientContract,
  ClientRow,
  MonthStatement,
  StatementLine,
  Totals,
  UnbilledRow,
} from './types';

export interface StatementInput {
  readonly month: YearMonth;
  readonly status: BillingStatus;
  readonly clients: readonly ClientContract[];
  /** Valid, classified entries of this month. */
  readonly entries: readonly ClassifiedEntry[];
  /** Rows of this month that cannot be billed, with their problem. */
  readonly unbilled: readonly UnbilledRow[];
  /** Adjustments for earlier final months (see adjustmentsFor). */
  readonly adjustments: readonly StatementLine[];
  readonly settings: BillingSettings;
  /** The SOWs the entries with a SOW ID name (their rate, title and estimate). */
  readonly sows?: ReadonlyMap<string, Sow>;
}

export const UNKNOWN_CLIENT_GROUP = '(not a client)';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function hoursLine(e: ClassifiedEntry): StatementLine {
  const counted = e.counted ? e.minutes : 0;
  return {
    kind: 'Hours',
    clientId: e.clientId,
    day: e.day,
    person: e.person,
    ticketId: e.ticketId,
    activity: e.activity,
    required: e.required,
    loggedMin: e.minutes,
    countedMin: counted,
    excludedMin: e.minutes - counted,
    amountCents: null,
    reason: e.reason,
    forMonth: '',
  };
}

function unbilledLine(u: UnbilledRow, clientId: string): StatementLine {
  return {
    kind: 'Not billed',
    clientId,
    day: u.day ?? '',
    person: u.person,
    ticketId: '',
    activity: u.activity,
    required: null,
    loggedMin: null,
    countedMin: null,
    excludedMin: null,
    amountCents: null,
    reason: `Hours row ${u.rowNumber}: ${u.problem}`,
    forMonth: '',
  };
}

/**
 * One line per Hours row on a signed SOW, then per SOW a total: all its hours of the month,
 * billed in full at the SOW's rate (else the client's), rounded once, with the estimate beside
 * the actual hours.
 */
function sowLines(
  month: YearMonth,
  work: readonly ClassifiedEntry[],
  sows: ReadonlyMap<string, Sow> | undefined,
  clientRate: number,
  clientRateSource: string,
): StatementLine[] {
  const bySow = new Map<string, ClassifiedEntry[]>();
  for (const e of work) bySow.set(e.sowId!, [...(bySow.get(e.sowId!) ?? []), e]);
  const out: StatementLine[] = [];
  for (const id of [...bySow.keys()].sort(byText)) {
    const list = bySow.get(id)!;
    const sow = sows?.get(id);
    const rate = sow?.rateMicros ?? clientRate;
    const minutes = list.reduce((s, e) => s + e.minutes, 0);
    const amount = minutesTimesRate(minutes, rate);
    for (const e of list)
      out.push({
        ...hoursLine(e),
        kind: 'SOW',
        countedMin: null,
        excludedMin: null,
        sowId: sow?.sowId ?? id,
        forMonth: e.day.startsWith(month) ? '' : e.day.slice(0, 7),
      });
    const estimate =
      sow?.estimateMin == null
        ? 'no estimate given'
        : `estimate ${formatHours(sow.estimateMin)}, ${Math.round((100 * minutes) / Math.max(1, sow.estimateMin))}% of it`;
    out.push({
      kind: 'SOW total',
      clientId: list[0]!.clientId,
      day: '',
      person: '',
      ticketId: '',
      activity: sow?.title ?? '',
      required: null,
      loggedMin: minutes,
      countedMin: null,
      excludedMin: null,
      amountCents: amount,
      reason: `SOW ${sow?.sowId ?? id}${sow?.title ? ` (${sow.title})` : ''}: ${formatHours(minutes)} worked (${estimate}) × ${formatRate(rate)}/h (${sow?.rateMicros == null ? clientRateSource : 'SOW rate'}) = ${formatMoney(amount)}, time and materials, not against contracted hours`,
      forMonth: '',
      sowId: sow?.sowId ?? id,
      rateMicros: rate,
    });
  }
  return out;
}

const sum = (lines: readonly StatementLine[], f: (l: StatementLine) => number | null) => lines.reduce((s, l) => s + (f(l) ?? 0), 0);

/**
 * The month's statement: one row per client under contract this month (or with hours,
 * adjustments or problem rows in it), every figure a sum of the client's detail lines,
 * and a totals row that is the sum of the client rows. Deterministic: the same register
 * gives the same statement, which is what makes re-running a Draft month idempotent.
 */
export function buildStatement(input: StatementInput): MonthStatement {
  const { month, settings } = input;
  const known = new Map(input.clients.map((c) => [c.clientId, c]));
  const linesOf = new Map<string, StatementLine[]>();
  const push = (clientId: string, line: StatementLine) => {
    const list = linesOf.get(clientId) ?? [];
    list.push(line);
    linesOf.set(clientId, list);
  };

  const entries = [...input.entries].sort(
    (a, b) =>
      byText(a.day, b.day) ||
      byText(a.person.toLowerCase(), b.person.toLowerCase()) ||
      byText(a.ticketId, b.ticketId) ||
      byText(a.activity, b.activity) ||
      a.rowNumber - b.rowNumber,
  );
  const sowWork = new Map<string, ClassifiedEntry[]>();
  for (const e of entries) {
    if (e.sowId) sowWork.set(e.clientId, [...(sowWork.get(e.clientId) ?? []), e]);
    else push(e.clientId, hoursLine(e));
  }
  for (const u of [...input.unbilled].sort((a, b) => a.rowNumber - b.rowNumber)) {
    push(
      known.has(u.clientId) ? u.clientId : UNKNOWN_CLIENT_GROUP,
      unbilledLine(u, known.has(u.clientId) ? u.clientId : u.clientId || UNKNOWN_CLIENT_GROUP),
    );
  }
  for (const a of input.adjustments) push(known.has(a.clientId) ? a.clientId : UNKNOWN_CLIENT_GROUP, a);

  const rows: ClientRow[] = [];
  const lines: StatementLine[] = [];
  for (const c of [...input.clients].sort((a, b) => byText(a.clientId, b.clientId))) {
    const allowance = allowanceFor(month, c.monthlyHours ?? 0, c.start, c.end);
    const own = linesOf.get(c.clientId) ?? [];
    const underContract = c.status !== 'Ended' && allowance.days > 0;
    if (!underContract && own.length === 0 && !sowWork.has(c.clientId)) continue;
    const rateMicros = c.rateMicros ?? settings.defaultRateMicros;
    const hours = own.filter((l) => l.kind === 'Hours');
    const counted = sum(hours, (l) => l.countedMin);
    const overageMin = overageMinutes(counted, allowance.minutes, settings.incrementMin);
    const overage = overageCents(overageMin, rateMicros);
    const adjustment = sum(
      own.filter((l) => l.kind === 'Adjustment total'),
      (l) => l.amountCents,
    );
    const sow = sowLines(
      month,
      sowWork.get(c.clientId) ?? [],
      input.sows,
      rateMicros,
      c.rateMicros === null ? 'Default hourly rate' : 'client rate',
    );
    const sowCents = sum(
      sow.filter((l) => l.kind === 'SOW total'),
      (l) => l.amountCents,
    );
    rows.push({
      clientId: c.clientId,
      name: c.name,
      allowanceMin: allowance.minutes,
      loggedMin: sum(hours, (l) => l.loggedMin),
      excludedMin: sum(hours, (l) => l.excludedMin),
      countedMin: counted,
      overageMin,
      rateMicros,
      overageCents: overage,
      adjustmentCents: adjustment,
      sowCents,
      dueCents: overage + adjustment + sowCents,
    });
    const rateSource = c.rateMicros === null ? 'Default hourly rate' : 'client rate';
    lines.push({
      kind: 'Contract',
      clientId: c.clientId,
      day: '',
      person: '',
      ticketId: '',
      activity: '',
      required: null,
      loggedMin: null,
      countedMin: null,
      excludedMin: null,
      amountCents: null,
      reason: `${c.monthlyHours === null ? 'No monthly hours' : allowance.explanation}; overage at ${formatRate(rateMicros)}/h (${rateSource}), rounded up to ${settings.incrementMin} min`,
      forMonth: '',
    });
    lines.push(...own.filter((l) => l.kind === 'Hours'), ...sow, ...own.filter((l) => l.kind !== 'Hours'));
    linesOf.delete(c.clientId);
  }
  // Lines that name no known client (their rows are flagged in the Hours tab) come last.
  for (const key of [...linesOf.keys()].sort(byText)) lines.push(...linesOf.get(key)!);

  const totals = totalsOf(rows);
  return { month, status: input.status, rows, totals, lines };
}

/** The Total row: each figure summed over the clients' rows. */
export function totalsOf(rows: readonly ClientRow[]): Totals {
  const total = (f: (r: ClientRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    allowanceMin: total((r) => r.allowanceMin),
    loggedMin: total((r) => r.loggedMin),
    excludedMin: total((r) => r.excludedMin),
    countedMin: total((r) => r.countedMin),
    overageMin: total((r) => r.overageMin),
    overageCents: total((r) => r.overageCents),
    adjustmentCents: total((r) => r.adjustmentCents),
    sowCents: total((r) => r.sowCents),
    dueCents: total((r) => r.dueCents),
  };
}
