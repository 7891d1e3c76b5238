import { MICROS_PER_DOLLAR, rateFromNumber, type RateMicros } from './money';

export type AmountReading = { readonly ok: true; readonly micros: RateMicros } | { readonly ok: false; readonly problem: string };

const bad = (problem: string): AmountReading => ({ ok: false, problem });

/**
 * A money cell as people type it: a number cell, or text such as `1200`, `1,200`,
 * `$1,200.00`, `150.555`. A comma is read only as a thousands separator in groups of three;
 * what could be read two ways (`1.200,50`, `150,5`) or carries a currency name (`150 USD`)
 * is refused with the reason, never guessed. Up to six decimals (see RateMicros).
 */
export function readAmount(v: unknown, what: string): AmountReading {
  if (typeof v === 'number') {
    const micros = rateFromNumber(v);
    return micros === null ? bad(`${what} ${v} has more than six decimals or is too large: type it rounded`) : { ok: true, micros };
  }
  const raw = String(v).trim();
  let t = raw.replace(/\s+/g, '');
  let negative = false;
  if (t.startsWith('-')) {
    negative = true;
    t = t.slice(1);
  }
  if (t.startsWith('$')) t = t.slice(1);
  if (!negative && t.startsWith('-')) {
    negative = true;
    t = t.slice(1);
  }
  if (/[a-z€£¥]/i.test(t))
    return bad(`${what} "${raw}" is not an amount: type the number only (e.g. 150 or $1,200.00); the Currency column says which currency`);
  let plain: string;
  if (/^\d+(\.\d+)?$/.test(t)) plain = t;
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) plain = t.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^\d+,\d{1,2}$/.test(t) || /,\d+$/.test(t))
    return bad(`${what} "${raw}" is ambiguous (a decimal comma or a thousands separator?): type it as 1200.50`);
  else return bad(`${what} "${raw}" is not an amount (e.g. 150, 1,200 or $1,200.00)`);
  const [whole, frac = ''] = plain.split('.') as [string, string?];
  if (frac.length > 6) return bad(`${what} "${raw}" has more than six decimals: type it rounded`);
  if (whole.length > 9) return bad(`${what} "${raw}" is too large to be an amount`);
  const micros = Number(whole) * MICROS_PER_DOLLAR + Number(frac.padEnd(6, '0'));
  return { ok: true, micros: negative ? -micros : micros };
}
