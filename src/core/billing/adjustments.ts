import { lineSignature } from '../hours/entry';
import { formatHours } from '../hours/entry';
import type { IsoDay } from '../hours/month';
import { formatMoney, formatRate, formatSignedMoney, type RateMicros } from './money';
import { overageCents, overageMinutes } from './overage';
import type { BilledClientMonth, BilledLine, BilledMonth, ClassifiedEntry, StatementLine } from './types';

const sigOf = (l: Pick<BilledLine, 'day' | 'person' | 'ticketId' | 'activity' | 'required'>) =>
  lineSignature({ ...l, day: l.day as IsoDay });

/**
 * What has been billed for a final month so far: its own tab plus the adjustment lines
 * for it in other final months' tabs.
 */
export function billedSoFar(own: BilledMonth, laterAdjustments: readonly StatementLine[]): BilledMonth {
  const clients = new Map<string, BilledClientMonth>(own.clients);
  const lines: BilledLine[] = [...own.lines];
  for (const a of laterAdjustments) {
    if (a.forMonth !== own.month) continue;
    if (a.kind === 'Adjustment') {
      lines.push({
        clientId: a.clientId,
        day: a.day,
        person: a.person,
        ticketId: a.ticketId,
        activity: a.activity,
        required: a.required ?? true,
        loggedMin: a.loggedMin ?? 0,
        countedMin: a.countedMin ?? 0,
      });
    } else if (a.kind === 'Adjustment total') {
      const c = clients.get(a.clientId);
      const base: BilledClientMonth = c ?? { clientId: a.clientId, allowanceMin: 0, rateMicros: 0, countedMin: 0, amountCents: 0 };
      clients.set(a.clientId, {
        ...base,
        countedMin: base.countedMin + (a.countedMin ?? 0),
        amountCents: base.amountCents + (a.amountCents ?? 0),
      });
    }
  }
  return { month: own.month, clients, lines };
}

interface Group {
  loggedMin: number;
  countedMin: number;
  sample: BilledLine;
}

function group(lines: readonly BilledLine[]): Map<string, Group> {
  const m = new Map<string, Group>();
  for (const l of lines) {
    const k = `${l.clientId}#${sigOf(l)}`;
    const g = m.get(k);
    if (g) {
      g.loggedMin += l.loggedMin;
      g.countedMin += l.countedMin;
    } else m.set(k, { loggedMin: l.loggedMin, countedMin: l.countedMin, sample: l });
  }
  return m;
}

export interface ClientTerms {
  /** Allowance and rate for a client the final month did not list (hours added to it later). */
  (clientId: string): { allowanceMin: number; rateMicros: RateMicros };
}

/**
 * Adjustment lines for one final month: for each line (same day, person, ticket,
 * activity and attendance) whose logged time differs from what was billed, the
 * difference in logged and counted time; then, per client, one total line with the
 * re-computed overage and the amount still due (or to credit). A line whose logged time
 * is unchanged keeps the classification it was billed with: once a month is final, a
 * ticket's Reason changing later does not re-bill it.
 */
export function adjustmentsFor(
  billed: BilledMonth,
  current: readonly ClassifiedEntry[],
  incrementMin: number,
  termsOf: ClientTerms,
): StatementLine[] {
  const now = group(
    current.map((e) => ({
      clientId: e.clientId,
      day: e.day,
      person: e.person,
      ticketId: e.ticketId,
      activity: e.activity,
      required: e.required,
      loggedMin: e.minutes,
      countedMin: e.counted ? e.minutes : 0,
    })),
  );
  const before = group(billed.lines);
  const reasonOf = new Map<string, string>();
  for (const e of current) reasonOf.set(`${e.clientId}#${lineSignature(e)}`, e.reason);

  const byClient = new Map<string, StatementLine[]>();
  for (const key of [...new Set([...before.keys(), ...now.keys()])].sort()) {
    const b = before.get(key);
    const n = now.get(key);
    const loggedDelta = (n?.loggedMin ?? 0) - (b?.loggedMin ?? 0);
    if (loggedDelta === 0) continue;
    const countedDelta = (n?.countedMin ?? 0) - (b?.countedMin ?? 0);
    const s = (n ?? b)!.sample;
    const what = !b
      ? 'added after the month was final'
      : !n
        ? 'removed after the month was final'
        : `changed after the month was final: ${formatHours(b.loggedMin)} → ${formatHours(n.loggedMin)}`;
    const why = n ? (reasonOf.get(key) ?? '') : '';
    const line: StatementLine = {
      kind: 'Adjustment',
      clientId: s.clientId,
      day: s.day,
      person: s.person,
      ticketId: s.ticketId,
      activity: s.activity,
      required: s.required,
      loggedMin: loggedDelta,
      countedMin: countedDelta,
      excludedMin: loggedDelta - countedDelta,
      amountCents: null,
      reason: why ? `${what}; ${why}` : what,
      forMonth: billed.month,
    };
    const list = byClient.get(s.clientId) ?? [];
    list.push(line);
    byClient.set(s.clientId, list);
  }

  const out: StatementLine[] = [];
  for (const clientId of [...byClient.keys()].sort()) {
    const lines = byClient.get(clientId)!;
    const was = billed.clients.get(clientId) ?? { clientId, ...termsOf(clientId), countedMin: 0, amountCents: 0 };
    const countedDelta = lines.reduce((s, l) => s + (l.countedMin ?? 0), 0);
    const countedAfter = was.countedMin + countedDelta;
    const overBefore = overageMinutes(was.countedMin, was.allowanceMin, incrementMin);
    const overAfter = overageMinutes(countedAfter, was.allowanceMin, incrementMin);
    const amountAfter = overageCents(overAfter, was.rateMicros);
    const delta = amountAfter - was.amountCents;
    out.push(...lines, {
      kind: 'Adjustment total',
      clientId,
      day: '',
      person: '',
      ticketId: '',
      activity: '',
      required: null,
      loggedMin: lines.reduce((s, l) => s + (l.loggedMin ?? 0), 0),
      countedMin: countedDelta,
      excludedMin: lines.reduce((s, l) => s + (l.excludedMin ?? 0), 0),
      amountCents: delta,
      reason: `${billed.month} re-computed: counted ${formatHours(was.countedMin)} → ${formatHours(countedAfter)}, overage ${formatHours(overBefore)} → ${formatHours(overAfter)} at ${formatRate(was.rateMicros)}/h; billed ${formatMoney(was.amountCents)}, now ${formatMoney(amountAfter)}: ${formatSignedMoney(delta)}`,
      forMonth: billed.month,
    });
  }
  return out;
}
