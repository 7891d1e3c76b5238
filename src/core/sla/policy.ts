import { asCalendarId, type CalendarId } from '../types/ids';
import { PRIORITIES, matchVocab, type Priority } from '../types/vocab';
import type { SlaPolicy, Target } from './types';

export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

export const DEFAULT_AT_RISK_PERCENT = 80;

const BUSINESS_DAYS = /^(\d+)\s*(?:business\s+days?|bd)$/i;
const HOURS = /^(\d+(?:\.\d+)?)\s*(?:h|hours?)?$/i;

/**
 * A target cell of SLA Policies: hours (`4`, `0.5`, `8 h`) or business days
 * (`2 business days`, `2 bd`); blank = the policy does not set this target.
 */
export function parseTargetCell(value: unknown, where: string): Target | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!(value > 0) || !Number.isFinite(value)) throw new PolicyError(`${where}: ${value} is not a positive number of hours`);
    return { unit: 'hours', hours: value };
  }
  const text = String(value).trim();
  if (text === '') return null;
  const bd = BUSINESS_DAYS.exec(text);
  if (bd) {
    const days = Number(bd[1]);
    if (days < 1) throw new PolicyError(`${where}: "${text}" needs at least 1 business day`);
    return { unit: 'business days', days };
  }
  const h = HOURS.exec(text);
  if (h && Number(h[1]) > 0) return { unit: 'hours', hours: Number(h[1]) };
  throw new PolicyError(`${where}: "${text}" is not hours (e.g. 4) or business days (e.g. 2 business days)`);
}

export interface PolicyRow {
  readonly plan: string;
  readonly priority: string;
  readonly firstResponse?: unknown;
  readonly nextUpdate?: unknown;
  readonly resolution?: unknown;
  readonly calendar?: string;
  readonly atRiskPercent?: unknown;
}

export function policyFromRow(row: PolicyRow): SlaPolicy {
  const plan = row.plan.trim();
  const where = `SLA policy ${plan}/${row.priority}`;
  if (plan === '') throw new PolicyError(`${where}: needs a Plan`);
  const priority = matchVocab(PRIORITIES, row.priority);
  if (!priority) throw new PolicyError(`${where}: priority must be one of ${PRIORITIES.join(', ')}`);
  let atRisk = DEFAULT_AT_RISK_PERCENT;
  if (row.atRiskPercent !== undefined && row.atRiskPercent !== '' && row.atRiskPercent !== null) {
    atRisk = Number(String(row.atRiskPercent).replace('%', '').trim());
    if (!(atRisk > 0 && atRisk <= 100)) throw new PolicyError(`${where}: At risk at (%) must be between 1 and 100`);
  }
  const cal = (row.calendar ?? '').trim();
  return {
    plan,
    priority,
    firstResponse: parseTargetCell(row.firstResponse, `${where}, First response`),
    nextUpdate: parseTargetCell(row.nextUpdate, `${where}, Next update`),
    resolution: parseTargetCell(row.resolution, `${where}, Resolution`),
    calendarId: cal === '' ? null : asCalendarId(cal),
    atRiskPercent: atRisk,
  };
}

/** Plans are matched as users type them (case and spaces don't matter), priority exactly. */
export function lookupPolicy(policies: readonly SlaPolicy[], plan: string, priority: Priority): SlaPolicy | null {
  const p = plan.trim().toLowerCase();
  return policies.find((x) => x.plan.toLowerCase() === p && x.priority === priority) ?? null;
}

/** The policy's calendar, or else the client's. */
export function policyCalendarId(policy: SlaPolicy, clientCalendarId: CalendarId | null): CalendarId | null {
  return policy.calendarId ?? clientCalendarId;
}

const describeTarget = (t: Target | null) =>
  t === null ? '—' : t.unit === 'hours' ? `${t.hours} h` : `${t.days} business day${t.days === 1 ? '' : 's'}`;

/** How a ticket row records the policy it was opened under, readable by people. */
export function describePolicy(p: SlaPolicy): string {
  return (
    `${p.plan}/${p.priority}: first response ${describeTarget(p.firstResponse)}, next update ${describeTarget(p.nextUpdate)}, ` +
    `resolution ${describeTarget(p.resolution)}, at risk at ${p.atRiskPercent}%` +
    (p.calendarId ? `, calendar ${p.calendarId}` : '')
  );
}

/**
 * A ticket keeps the policy it was opened under, so the row stores the policy itself (not
 * a pointer into SLA Policies, which users may edit), in the same words `describePolicy`
 * uses: a support lead reads it, and `decodePolicy` reads it back exactly.
 */
export function encodePolicy(p: SlaPolicy): string {
  return describePolicy(p);
}

// A number as JavaScript prints it (`${n}`), so what `describePolicy` wrote reads back to the same number.
const NUMBER = String.raw`\d+(?:\.\d+)?(?:e[-+]?\d+)?`;
const DESCRIBED = new RegExp(
  `^(.+)/(${PRIORITIES.join('|')}): first response (.+?), next update (.+?), resolution (.+?), at risk at (${NUMBER})%(?:, calendar (.+))?$`,
  's',
);
const TARGET_TEXT = new RegExp(`^(?:—|(${NUMBER}) h|(\\d+) business days?)$`);

function readTarget(text: string): Target | null | undefined {
  const m = TARGET_TEXT.exec(text);
  if (!m) return undefined;
  if (m[1] !== undefined) return { unit: 'hours', hours: Number(m[1]) };
  if (m[2] !== undefined) return { unit: 'business days', days: Number(m[2]) };
  return null;
}

/** The policy a row recorded; null when the cell holds something else. Rows written as JSON by earlier versions still read. */
export function decodePolicy(text: string): SlaPolicy | null {
  const t = text.trim();
  const legacy = t.startsWith('{') ? decodeJsonPolicy(t) : null;
  if (legacy) return legacy;
  const m = DESCRIBED.exec(t);
  if (!m) return null;
  const [firstResponse, nextUpdate, resolution] = [readTarget(m[3]!), readTarget(m[4]!), readTarget(m[5]!)];
  if (firstResponse === undefined || nextUpdate === undefined || resolution === undefined) return null;
  return {
    plan: m[1]!,
    priority: m[2] as Priority,
    firstResponse,
    nextUpdate,
    resolution,
    calendarId: m[7] === undefined ? null : asCalendarId(m[7]),
    atRiskPercent: Number(m[6]),
  };
}

function decodeJsonPolicy(text: string): SlaPolicy | null {
  try {
    const v = JSON.parse(text) as Partial<SlaPolicy> | null;
    if (!v || typeof v.plan !== 'string' || !matchVocab(PRIORITIES, String(v.priority))) return null;
    if (typeof v.atRiskPercent !== 'number') return null;
    return v as SlaPolicy;
  } catch {
    return null;
  }
}
