/** Money is integer cents everywhere; dollars appear only in cells and mail. */
export type Cents = number;

/**
 * An hourly rate in millionths of a dollar (150.555 $/h → 150_555_000): exact for any rate
 * typed with up to six decimals, so an amount is computed from the rate as typed and
 * rounded once, never from a rate already rounded to the cent.
 */
export type RateMicros = number;
export const MICROS_PER_CENT = 10_000;
export const MICROS_PER_DOLLAR = 1_000_000;

export function dollarsToCents(dollars: number): Cents {
  return Math.round(dollars * 100);
}

export const centsToRate = (cents: Cents): RateMicros => cents * MICROS_PER_CENT;

/**
 * The exact rate a number cell holds. Sheets stores 150.555 as the nearest double; its
 * shortest decimal form (what `String` gives) is the text the person typed. null when that
 * form has more than six decimals (a formula's 33.333…): the rate is not guessed.
 */
export function rateFromNumber(n: number): RateMicros | null {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return null;
  const t = String(Math.abs(n));
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m || (m[2] ?? '').length > 6) return null;
  const micros = Number(m[1]) * MICROS_PER_DOLLAR + Number((m[2] ?? '').padEnd(6, '0'));
  return n < 0 ? -micros : micros;
}

/**
 * minutes × rate in cents, rounded half up once at the end: 225 min (3.75 h) × $150.555 =
 * 56 458.125 ¢ → $564.58. Exact integer arithmetic (the rate split into whole cents and the
 * sub-cent rest, so every intermediate is a safe integer; the bundle's target has no BigInt).
 */
export function minutesTimesRate(minutes: number, rate: RateMicros): Cents {
  const sign = Math.sign(minutes) * Math.sign(rate);
  const min = Math.abs(Math.round(minutes));
  const r = Math.abs(Math.round(rate));
  const wholeCents = Math.floor(r / MICROS_PER_CENT);
  const subCent = r % MICROS_PER_CENT;
  const a = min * wholeCents; // cent-minutes
  if (!Number.isSafeInteger(a)) throw new RangeError(`${minutes} min × ${rate} micro-dollars is too large to bill exactly`);
  const cents = Math.floor(a / 60);
  // The rest, in units of 1 / (60 × 10 000) cent.
  const unit = 60 * MICROS_PER_CENT;
  const rest = (a % 60) * MICROS_PER_CENT + min * subCent;
  const total = cents + Math.floor(rest / unit) + (2 * (rest % unit) >= unit ? 1 : 0);
  return sign < 0 ? -total : total;
}

function groupThousands(whole: number): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatMoney(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${groupThousands(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** A rate with at least two decimals and as many more as it has: $150.555. */
export function formatRate(rate: RateMicros): string {
  const sign = rate < 0 ? '-' : '';
  const abs = Math.abs(rate);
  const frac = String(abs % MICROS_PER_DOLLAR)
    .padStart(6, '0')
    .replace(/0{1,4}$/, '');
  return `${sign}$${groupThousands(Math.floor(abs / MICROS_PER_DOLLAR))}.${frac.padEnd(2, '0')}`;
}

/** A rate as a plain decimal number for a CSV or a cell: 150555000 → "150.555". */
export function plainRate(rate: RateMicros): string {
  return formatRate(rate).replace(/[$,]/g, '');
}

export function formatSignedMoney(cents: Cents): string {
  return cents > 0 ? `+${formatMoney(cents)}` : formatMoney(cents);
}
