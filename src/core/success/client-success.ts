import type { IsoDay } from '../hours/month';
import type { Cohort, TouchKind } from '../types/vocab';
import { daysBetween } from './days';
import type { Entitlements } from './entitlements';
import { healthOf, riskReasons, type Health, type HealthInputs, type HealthWeights, type RiskReason, type RiskRules } from './health';
import { kickoffState, kickoffWindow, type KickoffState, type KickoffWindow } from './kickoff';
import { reviewsDue, type AnnualHours, type ReviewDue, type ReviewKind } from './reviews';
import { nextTouch, type CadenceRules, type TouchDue } from './touch-cadence';

/** What the register says about one client, as the success evaluation reads it. */
export interface ClientFacts {
  readonly clientId: string;
  readonly name: string;
  readonly cohort: Cohort;
  /** Clients → Touch every (days): the client's own cadence, or null for its cohort's. */
  readonly touchEveryDays: number | null;
  readonly plan: string;
  readonly monthlyHours: number | null;
  readonly csmEmail: string;
  readonly implementationManager: string;
  /** A temporary owner a person typed (Clients → Risk owner), or ''. */
  readonly riskOwner: string;
  readonly contractStart: IsoDay | null;
  readonly contractSigned: IsoDay | null;
  readonly touches: readonly { readonly day: IsoDay; readonly kind: TouchKind }[];
  readonly tickets: readonly { readonly receivedDay: IsoDay | null; readonly slaState: string | null }[];
  /** Tickets of the last 90 days that were reopened. */
  readonly reopened90: number;
  readonly complaints30: number;
  readonly positives30: number;
  readonly hoursUsedPercent: number | null;
  readonly entitlements: Entitlements;
}

export interface SuccessRules {
  readonly cadence: CadenceRules;
  readonly kickoffDays: { readonly from: number; readonly to: number };
  readonly annualHours: AnnualHours;
  readonly weights: HealthWeights;
  readonly risk: RiskRules;
  readonly isBusinessDay: (d: IsoDay) => boolean;
  /** The executive sponsor (owner of pooled clients' risks), or ''. */
  readonly executiveSponsor: string;
}

export interface ClientSuccess {
  readonly lastTouch: IsoDay | null;
  readonly touch: TouchDue;
  readonly kickoff: { readonly window: KickoffWindow; readonly state: KickoffState; readonly held: IsoDay | null } | null;
  readonly reviews: readonly ReviewDue[];
  readonly inputs: HealthInputs;
  readonly health: Health;
  readonly risks: readonly RiskReason[];
  /** Who owns a risk of this client: the typed Risk owner, else the CSM (for pooled clients the executive sponsor first). */
  readonly riskOwner: string;
}

const within = (day: IsoDay | null, today: IsoDay, days: number) => day !== null && day <= today && daysBetween(day, today) < days;

export function evaluateClient(f: ClientFacts, today: IsoDay, rules: SuccessRules): ClientSuccess {
  const past = f.touches.filter((t) => t.day <= today).sort((a, b) => (a.day < b.day ? -1 : 1));
  const lastTouch = past.at(-1)?.day ?? null;
  const lastOf = (kind: ReviewKind | 'Kick-off') => past.filter((t) => t.kind === kind).at(-1)?.day ?? null;
  const touch = nextTouch(
    { cohort: f.cohort, contractStart: f.contractStart, lastTouch, everyDays: f.touchEveryDays },
    today,
    rules.cadence,
  );
  const firstKickoff = past.find((t) => t.kind === 'Kick-off')?.day ?? null;
  const kickoff = f.contractSigned
    ? (() => {
        const window = kickoffWindow(f.contractSigned, rules.kickoffDays, rules.isBusinessDay);
        return { window, state: kickoffState(window, firstKickoff, today), held: firstKickoff };
      })()
    : null;
  const e = f.entitlements.includes;
  const reviews = reviewsDue(
    { contractStart: f.contractStart, monthlyHours: f.monthlyHours ?? 0, last: lastOf },
    { monthly: e['Monthly review'], qbr: e.QBR, annual: e['Annual review'] },
    today,
    { dueSoonDays: rules.cadence.dueSoonDays, annualHours: rules.annualHours },
  );
  const t90 = f.tickets.filter((t) => within(t.receivedDay, today, 90));
  const inputs: HealthInputs = {
    slaMet: t90.filter((t) => t.slaState === 'Met').length,
    slaSettled: t90.filter((t) => t.slaState === 'Met' || t.slaState === 'Breached').length,
    breaches30: f.tickets.filter((t) => t.slaState === 'Breached' && within(t.receivedDay, today, 30)).length,
    touch: touch.state,
    hoursUsedPercent: f.hoursUsedPercent,
    tickets90: t90.length,
    reopened90: f.reopened90,
    complaints30: f.complaints30,
    positives30: f.positives30,
  };
  const health = healthOf(inputs, rules.weights);
  const riskOwner = f.riskOwner || (f.cohort === 'Pooled' ? rules.executiveSponsor || f.csmEmail : f.csmEmail || rules.executiveSponsor);
  return { lastTouch, touch, kickoff, reviews, inputs, health, risks: riskReasons(inputs, health, rules.risk), riskOwner };
}
