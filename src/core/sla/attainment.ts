import type { SlaState } from '../types/vocab';

/**
 * SLA attainment, defined once for every figure people read (the Dashboard, the client
 * statement, the demo summary): **per ticket**. A ticket is settled when its SLA state is
 * Met (it met every target) or Breached (it missed one — final as soon as it happens);
 * a ticket still running (On track, At risk, Paused) is pending and counts in neither
 * side, and a ticket with no state (no policy applies) is not counted at all.
 * Attainment is met ÷ settled, in whole percent rounded half up.
 *
 * Per ticket rather than per target because that is what a client asks ("how many of my
 * tickets were handled in time?"): a ticket whose first response was late but whose
 * resolution was on time is one breached ticket, not half a success.
 */
export interface Attainment {
  readonly met: number;
  readonly breached: number;
  /** Tickets with an SLA still running: not judged yet. */
  readonly pending: number;
  /** met ÷ (met + breached) in whole percent; null when no ticket is settled. */
  readonly percent: number | null;
}

export const NO_ATTAINMENT: Attainment = { met: 0, breached: 0, pending: 0, percent: null };

function percentOf(met: number, settled: number): number | null {
  return settled === 0 ? null : Math.floor((met * 100) / settled + 0.5);
}

/** Adds one ticket's SLA state to a tally (immutable: returns a new value). */
export function withTicket(a: Attainment, state: SlaState | string | null): Attainment {
  if (state === 'Met' || state === 'Breached') {
    const met = a.met + (state === 'Met' ? 1 : 0);
    const breached = a.breached + (state === 'Breached' ? 1 : 0);
    return { met, breached, pending: a.pending, percent: percentOf(met, met + breached) };
  }
  if (state === 'On track' || state === 'At risk' || state === 'Paused') return { ...a, pending: a.pending + 1 };
  return a;
}

/** Attainment of a set of tickets, from their SLA states. */
export function attainmentOf(states: Iterable<SlaState | string | null>): Attainment {
  let a = NO_ATTAINMENT;
  for (const s of states) a = withTicket(a, s);
  return a;
}

/** "7 of 8 tickets met their targets (88%)", the one wording used in mail and summaries. */
export function describeAttainment(a: Attainment): string {
  const settled = a.met + a.breached;
  const still = a.pending > 0 ? `; ${a.pending} still open` : '';
  if (settled === 0) return a.pending > 0 ? `no ticket settled yet${still}` : 'no tickets with a service-level target';
  return `${a.met} of ${settled} ticket${settled === 1 ? '' : 's'} met ${settled === 1 ? 'its' : 'their'} targets (${a.percent}%)${still}`;
}
