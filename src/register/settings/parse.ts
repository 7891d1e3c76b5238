import { isZone } from '../../core/hours/month';
import { KeywordRuleError, parseKeywordRules, type KeywordRule } from '../../core/mail/keywords';
import { matchVocab } from '../../core/types/vocab';
import { PriorityRuleError, parsePriorityRules, type PriorityRule } from '../../core/tickets/priority-rules';
import { parsePriorityNames, type PriorityNames } from '../../core/tickets/priority-names';
import { parseRota, RotaError, type Rota } from '../../core/success/rota';
import type { AnnualHours } from '../../core/success/reviews';
import { HEALTH_COMPONENTS, type HealthComponent, type HealthWeights } from '../../core/success/health';

/**
 * How one Settings value is read: the text of a non-blank Value cell → the typed value, or
 * what is wrong with it (the setting's default is used instead, and the problem is shown on
 * the Settings row and logged once). A value that is used but probably not what was meant
 * carries a warning, shown the same way. Blank cells never reach a parser: blank = the default.
 */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T; readonly warning?: string }
  | { readonly ok: false; readonly problem: string };
export type Parser<T> = (text: string) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Free text, trimmed. */
export const plainText: Parser<string> = (t) => ok(t);

/** One e-mail address, lower-cased. */
export const emailAddress: Parser<string> = (t) => (EMAIL.test(t) ? ok(t.toLowerCase()) : bad(`"${t}" is not an e-mail address`));

/** Mail domains, comma/semicolon/space separated; a leading @ is dropped. */
export const domainList: Parser<string[]> = (t) => {
  const domains = t
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
  const wrong = domains.filter((d) => d.includes('@') || !d.includes('.'));
  return wrong.length
    ? bad(
        `${wrong.map((d) => `"${d}"`).join(', ')} ${wrong.length === 1 ? 'is not a mail domain' : 'are not mail domains'} (e.g. example.com)`,
      )
    : ok(domains);
};

/** Names separated by commas or semicolons, lower-cased for matching; "none" = an empty list. */
export const nameList: Parser<string[]> = (t) =>
  t.trim().toLowerCase() === 'none'
    ? ok([])
    : ok(
        t
          .split(/[,;]/)
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      );

/** An IANA time zone name that Apps Script (and luxon) knows. */
export const timeZone: Parser<string> = (t) => (isZone(t) ? ok(t) : bad(`"${t}" is not an IANA time zone such as America/Denver`));

/** A whole number within bounds (counts: recipients, mails, minutes). */
export const wholeNumber =
  (min: number, max = Number.MAX_SAFE_INTEGER): Parser<number> =>
  (t) => {
    const n = Number(t);
    if (!/^[+-]?\d+(\.0*)?$/.test(t) || !Number.isSafeInteger(n)) return bad(`"${t}" is not a whole number`);
    if (n < min || n > max) return bad(max === Number.MAX_SAFE_INTEGER ? `${n} is below ${min}` : `${n} is not between ${min} and ${max}`);
    return ok(n);
  };

/**
 * An amount of dollars → integer cents. Accepts what finance types: `125`, `125.50`,
 * `$125`, `1,250.00` (commas only as thousands separators: `125,5` is refused rather than
 * guessed, since it could mean 125.5 or 1,255).
 */
export const dollars: Parser<number> = (t) => {
  const bare = t.replace(/^\$\s*/, '').replace(/\s*(usd|\$)$/i, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(bare)) return bad(`"${t}" is not an amount in dollars (e.g. 125 or 125.50)`);
  return ok(Math.round(Number(bare.replace(/,/g, '')) * 100));
};

/** Hours → whole minutes, more than 0 and at most a day (a billing increment). */
export const incrementHours: Parser<number> = (t) => {
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0 || n > 24) return bad(`"${t}" is not a number of hours above 0 and at most 24`);
  const minutes = n * 60;
  if (Math.abs(minutes - Math.round(minutes)) > 1e-9) return bad(`${n} h is not a whole number of minutes`);
  return ok(Math.round(minutes));
};

/** An ISO 4217 currency code (USD, EUR, …), upper-cased: what Xero and QuickBooks import. */
export const currencyCode: Parser<string> = (t) =>
  /^[a-z]{3}$/i.test(t) ? ok(t.toUpperCase()) : bad(`"${t}" is not a three-letter currency code such as USD`);

/** One of a vocabulary, case-insensitively. */
export const choice =
  <T extends string>(vocab: readonly T[]): Parser<T> =>
  (t) => {
    const v = matchVocab(vocab, t);
    return v ? ok(v) : bad(`"${t}" is not one of ${vocab.map((x) => `"${x}"`).join(', ')}`);
  };

/** Keyword rules (`Label: word, word; …`) over a vocabulary. */
export const keywordRules =
  <T extends string>(vocab: readonly T[]): Parser<KeywordRule<T>[]> =>
  (t) => {
    try {
      return ok(parseKeywordRules(t, vocab, 'rule'));
    } catch (e) {
      if (!(e instanceof KeywordRuleError)) throw e;
      return bad(e.message.replace(/^rule: /, ''));
    }
  };

/** Phrases separated by commas (case and punctuation do not matter when they are matched). */
export const phraseList: Parser<string[]> = (t) =>
  ok(
    t
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** Priority rules (`Level N (definition): phrase, phrase`, one per line). */
export const priorityRules: Parser<PriorityRule[]> = (t) => {
  try {
    return ok(parsePriorityRules(t));
  } catch (e) {
    if (!(e instanceof PriorityRuleError)) throw e;
    return bad(e.message);
  }
};

/** The team's names of the four priority levels, most urgent first. */
export const priorityNames: Parser<PriorityNames> = (t) => {
  const r = parsePriorityNames(t);
  return r.ok ? ok(r.names) : bad(r.message);
};

/** "1-2": a range of whole days, from ≤ to. */
export const dayRange: Parser<{ from: number; to: number }> = (t) => {
  const m = /^(\d+)\s*(?:-|–|to)\s*(\d+)$/.exec(t) ?? /^(\d+)$/.exec(t);
  if (!m) return bad(`"${t}" is not a range of days such as 1-2`);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  return from >= 0 && to >= from && to <= 60
    ? ok({ from, to })
    : bad(`"${t}": the range must run from a smaller to a larger number of days, up to 60`);
};

/** "Tue: ann@example.com; Wed: …" (see core/success/rota). */
export const rota: Parser<Rota> = (t) => {
  try {
    return ok(parseRota(t));
  } catch (e) {
    if (!(e instanceof RotaError)) throw e;
    return bad(e.message);
  }
};

/** "0: 1; 10: 2; 20: 3; 40: 4": from monthly hours → review hours. */
export const annualHours: Parser<AnnualHours> = (t) => {
  const rows: { fromMonthlyHours: number; hours: number }[] = [];
  for (const part of t
    .split(/[;\n,]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d+(?:\.\d+)?)\s*\+?\s*:\s*(\d+(?:\.\d+)?)\s*h?$/.exec(part);
    if (!m) return bad(`"${part}" is not "monthly hours: review hours" (e.g. "10: 2")`);
    rows.push({ fromMonthlyHours: Number(m[1]), hours: Number(m[2]) });
  }
  return rows.length ? ok(rows) : bad('needs at least one "monthly hours: review hours" step');
};

/** "SLA 30, Touch 20, Hours 15, Reopens 15, Sentiment 20": a weight per health component (missing = 0). */
export const healthWeights: Parser<HealthWeights> = (t) => {
  const w: Record<HealthComponent, number> = { SLA: 0, Touch: 0, Hours: 0, Reopens: 0, Sentiment: 0 };
  for (const part of t
    .split(/[;,\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z]+)\s*:?\s*(\d+(?:\.\d+)?)$/.exec(part);
    const name = m ? HEALTH_COMPONENTS.find((c) => c.toLowerCase() === m[1]!.toLowerCase()) : undefined;
    if (!m || !name) return bad(`"${part}" is not a weight such as "SLA 30" (parts: ${HEALTH_COMPONENTS.join(', ')})`);
    w[name] = Number(m[2]);
  }
  return Object.values(w).some((n) => n > 0) ? ok(w) : bad('at least one weight must be above 0');
};

/**
 * The Gmail search that finds support mail. A date in it is used as typed (it only narrows
 * the search further, and falling back to the whole inbox could read mail that is not
 * support's) but warned about: the job adds its own time window.
 */
export const gmailQuery: Parser<string> = (t) =>
  /\b(after|before|newer|older|newer_than|older_than):/i.test(t)
    ? { ok: true, value: t, warning: 'should not contain a date (after:, before:, …): the automation adds its own time window' }
    : ok(t);
