import { clauses, firstSaid, words } from '../mail/says';

/**
 * What a client's own words say about how it is going, for the health score's sentiment
 * (ClientSuccess: a health score from "engagement, adoption, sentiment and usage"). Phrases
 * are Settings rows a CSM lead edits; as elsewhere, quoted history and negated phrases do
 * not count. English, French and German, the languages the seeded clients write.
 */
export const DEFAULT_COMPLAINT_PHRASES =
  'not acceptable, unacceptable, very disappointed, disappointed, frustrated, frustrating, still not working, still broken, ' +
  'still not fixed, again broken, poor service, no one has responded, nobody has responded, third time, waste of time, ' +
  'pas acceptable, inacceptable, très déçu, toujours pas, nicht akzeptabel, sehr enttäuscht, immer noch nicht';

export const DEFAULT_THANKS_PHRASES =
  'thank you so much, thanks so much, much appreciated, really appreciate, great job, great work, works now, working now, ' +
  'problem solved, that fixed it, all good now, merci beaucoup, ça marche, vielen dank, funktioniert jetzt';

export type Sentiment = 'complaint' | 'thanks' | null;

/** A complaint outweighs thanks in the same message ("thanks, but this is still broken"). */
export function sentimentOf(ownText: string, complaints: readonly string[], thanks: readonly string[]): Sentiment {
  const parts = clauses(ownText);
  const norm = (list: readonly string[]) => list.map((p) => words(p).trim()).filter(Boolean);
  if (firstSaid(parts, norm(complaints))) return 'complaint';
  if (firstSaid(parts, norm(thanks))) return 'thanks';
  return null;
}
