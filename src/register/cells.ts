import * as z from 'zod/mini';
import { matchVocab } from '../core/types/vocab';
import { isBlankCell as isBlank } from './cell-equality';
import { readAmount } from '../core/billing/amount-text';

/**
 * zod building blocks for cells as `Range.getValues()` returns them: '' for a blank cell,
 * numbers and booleans as such, a Date for a date cell, strings for the rest. Each one
 * accepts what a person could reasonably have typed and says plainly what is wrong
 * otherwise; these messages end up in the Problems column.
 */

/**
 * zod/mini (a fraction of full zod's size in the Apps Script bundle) has no preprocess:
 * a transform piped into the schema is the same thing.
 */
export function preprocess<T extends z.ZodMiniType>(fn: (value: unknown) => unknown, schema: T) {
  return z.pipe(z.transform(fn), schema);
}

/** Any cell as text; numbers and dates a person typed in a text column still read as text. */
export const text = preprocess((v) => {
  if (isBlank(v)) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return String(v).trim();
}, z.string());

export const requiredText = (what: string) =>
  preprocess((v) => (isBlank(v) ? '' : String(v).trim()), z.string().check(z.minLength(1, `${what} is required`)));

/** A date or date-time cell; blank → null. Text that is an ISO instant is accepted too. */
export const instant = preprocess(
  (v) => {
    if (isBlank(v)) return null;
    if (typeof v === 'string') {
      const t = Date.parse(v.trim());
      return Number.isNaN(t) ? v : new Date(t);
    }
    return v;
  },
  z.nullable(z.date({ error: 'is not a date' })),
);

export const requiredInstant = (what: string) =>
  preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Date.parse(v)) ? new Date(Date.parse(v)) : v),
    z.date({ error: `${what} must be a date` }),
  );

/** A number cell; blank → null; `1,5` and `1.5` both read as 1.5. */
export const optionalNumber = (what: string) =>
  preprocess(
    (v) => {
      if (isBlank(v)) return null;
      if (typeof v === 'string') {
        const n = Number(v.trim().replace(',', '.'));
        return Number.isFinite(n) ? n : v;
      }
      return v;
    },
    z.nullable(z.number({ error: `${what} must be a number` })),
  );

/**
 * A money cell read as people type it (`1,200`, `$1,200.00`, `150.555`), as an exact rate in
 * millionths of a dollar; blank → null. Ambiguous text is refused with the reason
 * (src/core/billing/amount-text.ts), never guessed.
 */
export const money = (what: string) =>
  z.pipe(
    z.unknown(),
    z.transform((v, ctx) => {
      if (isBlank(v)) return null;
      const r = readAmount(v, what);
      if (r.ok) return r.micros;
      ctx.issues.push({ code: 'custom', message: r.problem, input: v });
      return z.NEVER;
    }),
  );

/** Yes/No cells; a checkbox gives booleans, people type yes/no/y/n/true/false. */
export const yesNo = (fallback: boolean) =>
  preprocess(
    (v) => {
      if (isBlank(v)) return fallback;
      if (typeof v === 'boolean') return v;
      const t = String(v).trim().toLowerCase();
      if (['yes', 'y', 'true', '1', 'x'].includes(t)) return true;
      if (['no', 'n', 'false', '0'].includes(t)) return false;
      return v;
    },
    z.boolean({ error: 'must be Yes or No' }),
  );

/** One of a vocabulary, matched case-insensitively; blank → the fallback if given. */
export function oneOf<T extends string>(vocab: readonly T[], what: string, fallback?: T) {
  return preprocess(
    (v) => {
      if (isBlank(v)) return fallback ?? '';
      return matchVocab(vocab, String(v)) ?? String(v);
    },
    z.enum(vocab as unknown as [T, ...T[]], { error: `${what} must be one of: ${vocab.join(', ')}` }),
  );
}

/** A comma/semicolon/space separated list of e-mail addresses or domains, lower-cased. */
export const addressList = preprocess(
  (v) =>
    isBlank(v)
      ? []
      : String(v)
          .split(/[\s,;]+/)
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
  z.array(z.string()),
);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const email = (what: string) =>
  preprocess(
    (v) => (isBlank(v) ? '' : String(v).trim().toLowerCase()),
    z.string().check(z.regex(EMAIL, `${what} is not an e-mail address`)),
  );

export const optionalEmail = (what: string) =>
  preprocess(
    (v) => (isBlank(v) ? '' : String(v).trim().toLowerCase()),
    z.string().check(z.refine((s) => s === '' || EMAIL.test(s), `${what} is not an e-mail address`)),
  );
