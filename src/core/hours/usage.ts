/** Usage thresholds the CSM is told about: extra work needs the client's approval (seeds). */
export const USAGE_THRESHOLDS = [80, 100] as const;
export type UsageThreshold = (typeof USAGE_THRESHOLDS)[number];

export interface UsageAlert {
  readonly clientId: string;
  /** The highest threshold newly passed. */
  readonly threshold: UsageThreshold;
  /** Every threshold this alert settles (a jump from 50% to 110% sends one mail for 100% and settles 80% too). */
  readonly settles: readonly UsageThreshold[];
  readonly countedMin: number;
  readonly allowanceMin: number;
}

/**
 * Alerts due for one client: thresholds reached (counted ≥ pct% of the allowance) that
 * were not alerted before. A client with no allowance gets none (every hour is overage,
 * which the monthly statement shows).
 */
export function dueAlert(clientId: string, countedMin: number, allowanceMin: number, alreadySent: readonly number[]): UsageAlert | null {
  if (allowanceMin <= 0) return null;
  const reached = USAGE_THRESHOLDS.filter((t) => countedMin * 100 >= t * allowanceMin);
  const fresh = reached.filter((t) => !alreadySent.includes(t));
  if (fresh.length === 0) return null;
  return { clientId, threshold: fresh[fresh.length - 1]!, settles: fresh, countedMin, allowanceMin };
}
