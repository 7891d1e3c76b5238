import { evaluateFormula } from './formula';
import { TYPED_DATE_FORMAT, TYPED_DATE_TIME_FORMAT, TYPED_TIME_FORMAT } from './number-format';
import { wallToInstant } from './zone';

/**
 * What a cell holds after a string is written to it: Sheets parses script-written
 * strings exactly as if a person had typed them.
 */
export interface TypedInput {
  value: string | number | boolean | Date;
  formula?: string;
  /** The format Sheets picks for recognised input (dates, percents, currency). */
  format?: string;
}

/** The value a formula shows: computed when it is made of literals, else unknown (''). */
export function formulaValue(formula: string, cached?: string | number | boolean | Date): string | number | boolean | Date {
  const outcome = evaluateFormula(formula);
  if (outcome.kind === 'unknown') return cached ?? '';
  return outcome.value;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/;
const CURRENCY = /^([+-])?\$\s*(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+\.?\d*|\.\d+)$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i;

function dateFrom(
  y: string,
  mo: string,
  d: string,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  zone: string,
): TypedInput | null {
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  const ms = wallToInstant({ year: Number(y), month, day: Number(d), hour, minute, second }, zone);
  if (ms === null) return null;
  return { value: new Date(ms), format: h === undefined ? TYPED_DATE_FORMAT : TYPED_DATE_TIME_FORMAT };
}

function parseDateLike(s: string, zone: string): TypedInput | null {
  const iso = ISO_DATE.exec(s);
  if (iso) return dateFrom(iso[1]!, iso[2]!, iso[3]!, iso[4], iso[5], iso[6], zone);
  const us = US_DATE.exec(s);
  if (us) return dateFrom(us[3]!, us[1]!, us[2]!, us[4], us[5], us[6], zone);
  const time = TIME.exec(s);
  if (time) {
    let hour = Number(time[1]);
    const ampm = time[4]?.toLowerCase();
    if (ampm) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
    }
    // A bare time is a time of day on Sheets' day zero, 1899-12-30.
    const parsed = dateFrom('1899', '12', '30', String(hour), time[2], time[3], zone);
    return parsed && { ...parsed, format: TYPED_TIME_FORMAT };
  }
  return null;
}

function parseNumberLike(s: string): TypedInput | null {
  if (NUMBER.test(s)) return { value: Number(s) };
  if (GROUPED.test(s)) return { value: Number(s.replace(/,/g, '')), format: s.includes('.') ? '#,##0.00' : '#,##0' };
  const pct = PERCENT.exec(s);
  if (pct) return { value: Number(pct[1]) / 100, format: pct[1]!.includes('.') ? '0.00%' : '0%' };
  const cur = CURRENCY.exec(s);
  if (cur) {
    const n = Number(cur[2]!.replace(/,/g, ''));
    return { value: cur[1] === '-' ? -n : n, format: '"$"#,##0.00' };
  }
  return null;
}

/**
 * Parses one string as Sheets parses typed input. `plainText` is true when the cell's
 * number format is '@' (then nothing is interpreted).
 */
export function parseTyped(input: string, zone: string, plainText: boolean): TypedInput {
  if (input === '') return { value: '' };
  if (plainText) return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { value: formulaValue(input), formula: input };
  const trimmed = input.trim();
  const number = parseNumberLike(trimmed);
  if (number) return number;
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const date = parseDateLike(trimmed, zone);
  if (date) return date;
  // '+1 (555) 010' or '- note' are read as formulas, mostly broken ones.
  if ((input.startsWith('+') || input.startsWith('-')) && input.length > 1) {
    const formula = `=${input}`;
    return { value: formulaValue(formula), formula };
  }
  return { value: input };
}
