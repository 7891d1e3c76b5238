import type { Cents } from './money';

/**
 * overage = max(0, counted − contracted), rounded UP to the billing increment; the amount
 * is overage hours × hourly rate, rounded to the cent once per client and month (half a
 * cent rounds up).
 */
export function overageMinutes(countedMin: number, allowanceMin: number, incrementMin: number): number {
  const over = Math.max(0, countedMin - allowanceMin);
  if (over === 0) return 0;
  const step = incrementMin > 0 ? incrementMin : 1;
  return Math.ceil(over / step) * step;
}

export function overageCents(overageMin: number, rateCents: Cents): Cents {
  return Math.round((overageMin * rateCents) / 60);
}
