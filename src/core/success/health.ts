import type { TouchState } from '../types/vocab';

/**
 * A client's health, 0–100, explainable: each component's value and weight is shown, the
 * weights are Settings → Health weights (ClientSuccess: a health score built from
 * engagement, adoption, sentiment and usage). Components:
 * - SLA: % of the client's tickets settled in the last 90 days that met every target;
 * - Touch: 100 on track, 70 due soon, 20 overdue;
 * - Hours: 100 up to the contracted hours this month, falling by a point per % above;
 * - Reopens: 100 less the share of the last 90 days' tickets that were reopened;
 * - Sentiment: the share of thanks and confirmations among the last 30 days' thanks,
 *   confirmations, complaints and escalation requests (100 with none of either).
 */
export interface HealthInputs {
  readonly slaMet: number;
  readonly slaSettled: number;
  readonly breaches30: number;
  readonly touch: TouchState;
  /** Hours used this month as % of contracted (null: no contracted hours). */
  readonly hoursUsedPercent: number | null;
  readonly tickets90: number;
  readonly reopened90: number;
  readonly complaints30: number;
  readonly positives30: number;
}

export const HEALTH_COMPONENTS = ['SLA', 'Touch', 'Hours', 'Reopens', 'Sentiment'] as const;
export type HealthComponent = (typeof HEALTH_COMPONENTS)[number];
export type HealthWeights = Readonly<Record<HealthComponent, number>>;

export interface Health {
  readonly score: number;
  readonly parts: readonly { readonly name: HealthComponent; readonly value: number; readonly weight: number }[];
}

const TOUCH_VALUE: Readonly<Record<TouchState, number>> = { 'On track': 100, 'Due soon': 70, Overdue: 20 };

export function healthOf(i: HealthInputs, weights: HealthWeights): Health {
  const values: Record<HealthComponent, number> = {
    SLA: i.slaSettled > 0 ? (100 * i.slaMet) / i.slaSettled : 100,
    Touch: TOUCH_VALUE[i.touch],
    Hours: i.hoursUsedPercent === null || i.hoursUsedPercent <= 100 ? 100 : Math.max(0, 200 - i.hoursUsedPercent),
    Reopens: i.tickets90 > 0 ? 100 * (1 - i.reopened90 / i.tickets90) : 100,
    Sentiment: i.complaints30 + i.positives30 > 0 ? (100 * i.positives30) / (i.complaints30 + i.positives30) : 100,
  };
  const parts = HEALTH_COMPONENTS.map((name) => ({ name, value: Math.round(values[name]), weight: weights[name] }));
  const total = parts.reduce((s, p) => s + p.weight, 0);
  const score = total > 0 ? Math.round(parts.reduce((s, p) => s + values[p.name] * p.weight, 0) / total) : 100;
  return { score, parts };
}

export const explainHealth = (h: Health): string => h.parts.map((p) => `${p.name} ${p.value} ×${p.weight}`).join(', ');

/** Why a client is at risk (reason codes), empty when it is not. */
export const RISK_REASONS = ['Low health', 'SLA breaches', 'Complaints'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

export interface RiskRules {
  /** At risk below this health score. */
  readonly healthBelow: number;
  /** At risk from this many breached tickets in 30 days. */
  readonly breaches30: number;
  /** At risk from this many complaints or escalation requests in 30 days. */
  readonly complaints30: number;
}

export function riskReasons(i: HealthInputs, h: Health, r: RiskRules): RiskReason[] {
  const out: RiskReason[] = [];
  if (h.score < r.healthBelow) out.push('Low health');
  if (i.breaches30 >= r.breaches30) out.push('SLA breaches');
  if (i.complaints30 >= r.complaints30) out.push('Complaints');
  return out;
}
