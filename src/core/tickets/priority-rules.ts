import { clauses, firstSaid, words } from '../mail/says';
import { PRIORITIES, matchVocab, type Priority } from '../types/vocab';

/**
 * Priority from the request's own words, by rules a support lead reads and edits in Settings,
 * one per line:
 *
 *   Level 1 (outage for all clients: service unavailable): server is down, all clients, …
 *   At most Level 4 (affects a small number of users): small number of users, a few users
 *
 * A `Level N` rule lifts a request to level N when any of its phrases is in it; the most
 * urgent such rule wins, and a request no rule lifts gets the lowest level (the seeds' "all
 * other requests"). An `At most Level N` rule caps it: the scope of impact a phrase names
 * ("a small number of users", "no production impact") keeps a bug report from counting as an
 * outage. Levels are numbers (1 most urgent … 4), not names, so a team that calls its levels
 * Critical / Urgent / High / Medium keeps the same rules. The text in parentheses is the
 * definition the rule encodes, for people; matching ignores it.
 *
 * A phrase does not count when a negation comes just before it in the same sentence ("not
 * urgent", "no longer down"), unless the phrase itself starts with one ("no workaround").
 */
export type Level = 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [1, 2, 3, 4];
export const LOWEST_LEVEL: Level = 4;

export interface PriorityRule {
  readonly level: Level;
  /** A cap ("At most Level N") rather than a lift. */
  readonly cap: boolean;
  /** The definition in the rule's parentheses ('' when none). */
  readonly criterion: string;
  readonly phrases: readonly string[];
}

export interface PriorityMatch {
  readonly level: Level;
  /** The rule and phrase that decided it (null: nothing matched, the lowest level). */
  readonly rule: PriorityRule | null;
  readonly phrase: string | null;
}

export class PriorityRuleError extends Error {}

export const levelPriority = (level: Level): Priority => PRIORITIES[level - 1]!;
export const priorityLevel = (p: Priority): Level => (PRIORITIES.indexOf(p) + 1) as Level;

const LABEL = /^(at most\s+)?(?:level\s*)?(\S+)\s*(?:\((.*)\))?\s*$/i;

function readLevel(word: string): Level | null {
  if (/^[1-4]$/.test(word)) return Number(word) as Level;
  const named = matchVocab(PRIORITIES, word);
  return named ? priorityLevel(named) : null;
}

/**
 * Reads the rules. Lines are separated by new lines or `;`; a line is `Label: phrase, phrase`
 * where Label is `Level N` (or the level's standard name: Critical, High, Medium, Low), with
 * `At most` before it for a cap and an optional `(definition)` after it.
 */
export function parsePriorityRules(text: string): PriorityRule[] {
  // Every run reads the same few hundred phrases: the last text's rules are kept (they are
  // frozen values, so sharing them is safe), and a changed setting is parsed afresh.
  if (lastRules && lastRules.text === text) return lastRules.rules;
  const rules = parseRulesOf(text);
  lastRules = { text, rules };
  return rules;
}

let lastRules: { text: string; rules: PriorityRule[] } | null = null;

function parseRulesOf(text: string): PriorityRule[] {
  const rules: PriorityRule[] = [];
  for (const line of text.split(/[;\n]+/)) {
    if (line.trim() === '') continue;
    // A definition may hold a colon of its own: the rule's colon is the first after its ')'.
    const close = line.indexOf('(') >= 0 ? line.indexOf(')') : -1;
    const split = line.indexOf(':', close + 1);
    if (split < 0) throw new PriorityRuleError(`"${line.trim()}" needs the form Level N (definition): phrase, phrase`);
    const label = line.slice(0, split).trim();
    const m = LABEL.exec(label);
    const level = m ? readLevel(m[2]!) : null;
    if (!m || level === null) throw new PriorityRuleError(`"${label}" should start with Level 1, Level 2, Level 3 or Level 4`);
    const phrases = line
      .slice(split + 1)
      .split(',')
      .map((p) => words(p).trim())
      .filter(Boolean);
    rules.push(Object.freeze({ level, cap: Boolean(m[1]), criterion: (m[3] ?? '').trim(), phrases: Object.freeze(phrases) as string[] }));
  }
  return Object.freeze(rules) as PriorityRule[];
}

/** The level the rules give a request's text (subject and the sender's own words). */
export function classifyPriority(text: string, rules: readonly PriorityRule[]): PriorityMatch {
  const said = clauses(text);
  const hit = (r: PriorityRule) => firstSaid(said, r.phrases);
  let best: PriorityMatch = { level: LOWEST_LEVEL, rule: null, phrase: null };
  for (const r of rules) {
    if (r.cap || (best.rule && r.level >= best.level)) continue;
    const phrase = hit(r);
    if (phrase) best = { level: r.level, rule: r, phrase };
  }
  // The strictest cap that matches: a named scope of impact outranks the words of a lift.
  for (const r of rules) {
    if (!r.cap || r.level <= best.level) continue;
    const phrase = hit(r);
    if (phrase) best = { level: r.level, rule: r, phrase };
  }
  return best;
}

/** Why a request got its level, for the Log: the phrase and the rule's definition. */
export function priorityBecause(m: PriorityMatch): string {
  if (!m.rule || !m.phrase) return `Level ${m.level}: no priority rule matched`;
  const why = m.rule.criterion ? ` (${m.rule.criterion})` : '';
  return `${m.rule.cap ? 'at most ' : ''}Level ${m.level} for "${m.phrase}"${why}`;
}
