import { DateTime } from 'luxon';
import { DUE_COLUMNS } from './due-columns';

const msOf = (v: unknown): number | null => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.getTime() : null);

const show = (ms: number | null, zone: string) =>
  ms === null
    ? 'none (paused or not set)'
    : (DateTime.fromMillis(ms, { zone, locale: 'en-US' }).toFormat('yyyy-MM-dd HH:mm ZZZZ') ?? new Date(ms).toISOString());

export interface DueMove {
  readonly header: string;
  readonly fromMs: number | null;
  readonly toMs: number | null;
}

/**
 * The due cells that change, from what the row shows now to what was computed. Only real
 * moves count: a cell that held no date before (a paste, a brand-new row) is not "moved".
 */
export function dueMoves(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): DueMove[] {
  const moves: DueMove[] = [];
  for (const [, header] of DUE_COLUMNS) {
    if (!(header in after)) continue;
    const from = msOf(before[header]);
    const to = msOf(after[header]);
    if (from !== to && !(from === null && before[header] !== '' && before[header] !== null && before[header] !== undefined))
      moves.push({ header, fromMs: from, toMs: to });
  }
  return moves;
}

/** "First response due 2026-11-02 17:00 MST → 2026-11-02 11:00 MST; …" in the calendar's zone. */
export function describeMoves(moves: readonly DueMove[], zone: string): string {
  return moves.map((m) => `${m.header} ${show(m.fromMs, zone)} → ${show(m.toMs, zone)}`).join('; ');
}
