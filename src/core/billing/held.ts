import { lineSignature } from '../hours/entry';
import type { IsoDay } from '../hours/month';
import type { BilledMonth, ClassifiedEntry, UnbilledRow } from './types';

/** A billed line of a final month kept as billed because its Hours row now has a problem. */
export interface HeldLine {
  readonly clientId: string;
  readonly day: string;
  readonly activity: string;
  readonly loggedMin: number;
  /** The Hours row whose problem holds it. */
  readonly rowNumber: number;
  readonly problem: string;
}

const norm = (s: string) => s.trim().toLowerCase();
const rowKey = (clientId: string, day: string, person: string, activity: string) =>
  [norm(clientId), day, norm(person), norm(activity)].join('|');

/**
 * A final month's Hours row that now fails a check (its client's row in Clients was
 * mistyped, its activity renamed, its hours cell garbled…) is not a row someone removed:
 * reading it as removed would credit the client for work already billed, and bill it again
 * once the problem is fixed. So each billed line with no current counterpart that a
 * flagged row of the same client, day, person and activity can explain is carried
 * forward as billed (one flagged row explains at most one line). The row stays flagged
 * in the Hours tab; when it is fixed, any real difference is billed as an adjustment then.
 */
export function holdFlaggedLines(
  billed: BilledMonth,
  current: readonly ClassifiedEntry[],
  flagged: readonly UnbilledRow[],
): { readonly current: ClassifiedEntry[]; readonly held: HeldLine[] } {
  const key = (l: { clientId: string; day: string; person: string; ticketId: string; activity: string; required: boolean }) =>
    `${l.clientId}#${lineSignature({ ...l, day: l.day as IsoDay })}`;
  const now = new Map<string, { logged: number; counted: number }>();
  for (const e of current) {
    const k = key(e);
    const g = now.get(k) ?? { logged: 0, counted: 0 };
    g.logged += e.minutes;
    g.counted += e.counted ? e.minutes : 0;
    now.set(k, g);
  }
  const before = new Map<string, { logged: number; counted: number; sample: BilledMonth['lines'][number] }>();
  for (const l of billed.lines) {
    const k = key(l);
    const g = before.get(k) ?? { logged: 0, counted: 0, sample: l };
    g.logged += l.loggedMin;
    g.counted += l.countedMin;
    before.set(k, g);
  }
  const free = new Map<string, UnbilledRow[]>();
  for (const u of flagged) {
    if (u.day === null) continue;
    const k = rowKey(u.clientId, u.day, u.person, u.activity);
    free.set(k, [...(free.get(k) ?? []), u]);
  }

  const out = [...current];
  const held: HeldLine[] = [];
  for (const [k, b] of [...before.entries()].sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))) {
    const n = now.get(k) ?? { logged: 0, counted: 0 };
    const missing = b.logged - n.logged;
    if (missing <= 0) continue;
    const s = b.sample;
    const rows = free.get(rowKey(s.clientId, s.day, s.person, s.activity));
    const row = rows?.shift();
    if (!row) continue;
    const countedMissing = Math.max(0, Math.min(missing, b.counted - n.counted));
    const base = {
      rowNumber: row.rowNumber,
      day: s.day as IsoDay,
      clientId: s.clientId,
      person: s.person,
      ticketId: s.ticketId,
      activity: s.activity,
      required: s.required,
    };
    const reason = `kept as billed: Hours row ${row.rowNumber} has a problem (${row.problem})`;
    if (countedMissing > 0) out.push({ ...base, minutes: countedMissing, counted: true, reason });
    if (missing - countedMissing > 0) out.push({ ...base, minutes: missing - countedMissing, counted: false, reason });
    held.push({
      clientId: s.clientId,
      day: s.day,
      activity: s.activity,
      loggedMin: missing,
      rowNumber: row.rowNumber,
      problem: row.problem,
    });
  }
  return { current: out, held };
}
