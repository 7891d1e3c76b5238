import { clauses, firstSaid, words } from '../mail/says';

/**
 * Whether a client's own words ask to escalate their ticket (Ascent360: "If a support request
 * is not being addressed in a timeframe satisfactory to the client, please utilize the
 * communication matrix"; ADvendio gives its customers a Support Escalation Path). Returns
 * the phrase that asks, or null. Negation-aware ("no need to escalate", "not escalate") and
 * read from the sender's own words only; the caller cuts quoted history.
 */
export function readEscalationRequest(ownText: string, phrases: readonly string[]): string | null {
  return firstSaid(clauses(ownText), phrases.map((p) => words(p).trim()).filter(Boolean));
}

/**
 * Requests, not mentions: a bare "escalate" also appears in "if this goes on we will have to
 * escalate". English, French and German, the languages the seeded clients write.
 */
export const DEFAULT_ESCALATE_PHRASES =
  'please escalate, escalate this, escalate the ticket, escalate the issue, escalate my ticket, escalate our ticket, ' +
  'i want to escalate, i would like to escalate, we want to escalate, we would like to escalate, i am escalating, we are escalating, ' +
  'escalation request, request an escalation, speak to a manager, speak to your manager, talk to a manager, ' +
  'merci d’escalader, veuillez escalader, je souhaite escalader, nous souhaitons escalader, escalader ce ticket, ' +
  'bitte eskalieren, möchte eskalieren, möchten eskalieren, eskalieren sie';
