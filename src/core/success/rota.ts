import { DateTime } from 'luxon';
import type { IsoDay } from '../hours/month';
import { plusDays } from './days';

/**
 * Who of the pooled CSMs is on duty (ClientSuccess: "Pooled hours will be offered by default
 * on Tuesday, Wednesday and Thursday"): Settings → Pooled CSM rota, "Tue: ann@x.com; Wed:
 * bo@x.com; Thu: cy@x.com". A day with nobody on duty hands over to the next day that has someone.
 */
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Rota = ReadonlyMap<number, string>;

export class RotaError extends Error {}

/** Weekday 1 (Monday) … 7 → address. */
export function parseRota(text: string): Rota {
  const out = new Map<number, string>();
  for (const part of text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z]{3})[a-z]*\s*:\s*(\S+@\S+)$/.exec(part);
    const day = m ? DAYS.indexOf(m[1]!.toLowerCase() as (typeof DAYS)[number]) : -1;
    if (!m || day < 0) throw new RotaError(`"${part}" is not "Weekday: address" (e.g. "Tue: ann@example.com")`);
    out.set(day + 1, m[2]!.toLowerCase());
  }
  return out;
}

export function onDuty(rota: Rota, day: IsoDay): { readonly email: string; readonly day: IsoDay } | null {
  if (rota.size === 0) return null;
  for (let i = 0; i < 7; i++) {
    const d = plusDays(day, i);
    const email = rota.get(DateTime.fromISO(d, { zone: 'UTC' }).weekday);
    if (email) return { email, day: d };
  }
  return null;
}
