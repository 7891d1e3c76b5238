import { normaliseWords } from './keywords';

/**
 * Whether a message says a phrase, the way a person reads it: words only (case and
 * punctuation do not matter, "isn't" is one word), and not when a negation comes just before
 * it in the same clause ("not urgent", "no longer working"), unless the phrase itself starts
 * with one ("no workaround", "not fixed").
 */
const NEGATIONS = new Set(['not', 'no', 'non', 'never', 'without', 'isnt', 'isn', 'arent', 'wasnt', 'dont', 'doesnt', 'nothing', 'nor']);
/** How many words before a phrase a negation reaches ("not really that urgent"). */
const NEGATION_REACH = 3;

/** Words only, and "isn't" is one word, in the text as in the phrases. */
export const words = (text: string) => normaliseWords(text.replace(/['’]/g, ''));

/**
 * Clauses as padded word strings, so a negation never reaches into the clause before ("No,
 * the server is down"). No phrase spans one: a phrase cannot hold a comma.
 */
export function clauses(text: string): string[] {
  return text
    .split(/[.!?;:,\n]+|\s[-–—]\s/)
    .map(words)
    .filter((s) => s.trim() !== '');
}

/** Whether `phrase` occurs in the sentence without a negation just before it. */
export function saysPhrase(sentence: string, phrase: string): boolean {
  const p = ` ${phrase} `;
  if (p.trim() === '') return false;
  const negatedPhrase = NEGATIONS.has(phrase.split(' ')[0]!);
  for (let at = sentence.indexOf(p); at >= 0; at = sentence.indexOf(p, at + 1)) {
    if (negatedPhrase) return true;
    const before = sentence.slice(0, at).trim().split(' ').filter(Boolean).slice(-NEGATION_REACH);
    if (!before.some((w) => NEGATIONS.has(w))) return true;
  }
  return false;
}

/** The first of `phrases` (already in `words` form) that the clauses say, or null. */
export function firstSaid(said: readonly string[], phrases: readonly string[]): string | null {
  return phrases.find((ph) => said.some((s) => saysPhrase(s, ph))) ?? null;
}
