import { REASONS, matchVocab, type Reason } from '../types/vocab';

/**
 * Keyword rules a team tunes in Settings, one line per label:
 * `Bug: error, broken, crash; Question: how do i, how to`. A rule matches when the
 * request's subject or body contains the phrase as whole words, case-insensitive.
 */
export interface KeywordRule<T extends string> {
  readonly label: T;
  readonly phrases: readonly string[];
}

export class KeywordRuleError extends Error {}

export function parseKeywordRules<T extends string>(text: string, vocab: readonly T[], what: string): KeywordRule<T>[] {
  const rules: KeywordRule<T>[] = [];
  for (const part of text.split(/[;\n]+/)) {
    if (part.trim() === '') continue;
    const colon = part.indexOf(':');
    if (colon < 0) throw new KeywordRuleError(`${what}: "${part.trim()}" needs the form Label: word, word`);
    const label = matchVocab(vocab, part.slice(0, colon));
    if (!label) throw new KeywordRuleError(`${what}: "${part.slice(0, colon).trim()}" is not one of ${vocab.join(', ')}`);
    const phrases = part
      .slice(colon + 1)
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean);
    rules.push({ label, phrases });
  }
  return rules;
}

export const DEFAULT_REASON_KEYWORDS =
  'Bug: error, bug, broken, crash, crashes, fails, failing, failed, not working, exception, 500; ' +
  'Feature request: feature request, enhancement, would be nice, suggestion, could you add; ' +
  'Customization: customize, customise, customization, custom field, template, configure; ' +
  'Question: how do i, how to, how can, question, is it possible, where can i';

/** Words only: punctuation and case do not matter, and "errors" does not contain "error". */
export function normaliseWords(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

export function containsPhrase(words: string, phrase: string): boolean {
  const p = normaliseWords(phrase);
  return p.trim() !== '' && words.includes(p);
}

/** The label with the most matching phrases; ties go to the rule listed first. */
export function suggestReason(text: string, rules: readonly KeywordRule<Reason>[]): Reason {
  const words = normaliseWords(text);
  let best: Reason = 'Unclassified';
  let bestHits = 0;
  for (const r of rules) {
    const hits = r.phrases.filter((p) => containsPhrase(words, p)).length;
    if (hits > bestHits) {
      best = r.label;
      bestHits = hits;
    }
  }
  return best;
}

export const REASON_VOCAB = REASONS;
