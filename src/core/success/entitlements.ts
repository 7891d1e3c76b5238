/**
 * What a plan or edition includes (the Entitlements tab), seeded from the service
 * descriptions: essensys's Customer Success Engagement table (CSM, QBR, Incident Reporting
 * and Monthly Reporting for Enterprise editions only) and Ascent360's CSM option ("8+ hours
 * of monthly CSM support"; the onboarding model says 6, so the minimum is a setting).
 */
export const ENTITLEMENT_KEYS = ['CSM', 'QBR', 'Monthly review', 'Annual review', 'Incident reporting', 'Monthly reporting'] as const;
export type EntitlementKey = (typeof ENTITLEMENT_KEYS)[number];

export interface EntitlementRow {
  /** "Plan CSM" or "Edition Enterprise". */
  readonly kind: 'Plan' | 'Edition';
  readonly name: string;
  readonly includes: Readonly<Partial<Record<EntitlementKey, boolean>>>;
  /** The least Monthly hours a client on it may have (null = Settings → CSM minimum monthly hours when it includes a CSM). */
  readonly minMonthlyHours: number | null;
  readonly rowNumber: number;
}

export interface Entitlements {
  readonly includes: Readonly<Record<EntitlementKey, boolean>>;
  readonly minMonthlyHours: number | null;
  /** The rows that applied ("Plan CSM", "Edition Enterprise"). */
  readonly from: readonly string[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What the client's plan and edition rows include together (a Yes on either counts). */
export function entitlementsOf(client: { readonly plan: string; readonly edition: string }, rows: readonly EntitlementRow[]): Entitlements {
  const applied = rows.filter((r) => (r.kind === 'Plan' ? same(r.name, client.plan) : same(r.name, client.edition)));
  const includes = Object.fromEntries(ENTITLEMENT_KEYS.map((k) => [k, applied.some((r) => r.includes[k] === true)])) as Record<
    EntitlementKey,
    boolean
  >;
  const mins = applied.map((r) => r.minMonthlyHours).filter((n): n is number => n !== null);
  return { includes, minMonthlyHours: mins.length ? Math.max(...mins) : null, from: applied.map((r) => `${r.kind} ${r.name}`) };
}

/** What about a client's contract breaks its entitlements, in words for its Problems cell. */
export function entitlementProblems(
  client: { readonly plan: string; readonly monthlyHours: number | null; readonly csmEmail: string; readonly cohort: string },
  e: Entitlements,
  csmMinimumHours: number,
): string[] {
  const out: string[] = [];
  if (e.includes.CSM) {
    const min = e.minMonthlyHours ?? csmMinimumHours;
    const hours = client.monthlyHours ?? 0;
    if (hours < min)
      out.push(
        `plan ${client.plan} includes a CSM, which needs at least ${min} monthly hours; the contract has ${hours} (Entitlements; Settings → CSM minimum monthly hours)`,
      );
    if (client.cohort !== 'Pooled' && client.csmEmail === '') out.push(`plan ${client.plan} includes a CSM but CSM email is blank`);
  }
  return out;
}
