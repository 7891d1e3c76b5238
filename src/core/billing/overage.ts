import { minutesTimesRate, type Cents, type RateMicros } from './money';

/**
 * overage = max(0, counted − contracted), rounded UP to the billing increment; the amount
 * is overage hours × hourly rate as typed (never a rate rounded first), rounded to the cent
 * once per client and month (half a cent rounds up): see minutesTimesRate.
 */
export function overageMinutes(countedMin: number, allowanceMin: number, incrementMin: number): number {
  const over = Math.max(0, countedMin - allowanceMin);
  if (over === 0) return 0;
  const step = incrementMin > 0 ? incrementMin : 1;
  return Math.ceil(over / step) * step;
}

export function overageCents(overageMin: number, rateMicros: RateMicros): Cents {
  return minutesTimesRate(overageMin, rateMicros);
}
