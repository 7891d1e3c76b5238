import { instantToWall } from './zone';

/** What Apps Script reports for a cell whose format is "Automatic". */
export const DEFAULT_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';
/** Applied when a script writes a Date into an automatically formatted cell (en_US). */
export const DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
/** Applied when typed input is recognised as an ISO date / date-time / time. */
export const TYPED_DATE_FORMAT = 'yyyy-mm-dd';
export const TYPED_DATE_TIME_FORMAT = 'yyyy-mm-dd h:mm';
export const TYPED_TIME_FORMAT = 'h:mm';

export function isTextFormat(format: string | undefined): boolean {
  return format === TEXT_FORMAT;
}

/** A format with date or time fields (quoted literals and escapes ignored). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return !/[0#@]/.test(bare) && /[ydhsm]/i.test(bare);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A documented approximation of Sheets' date patterns: y, m/M, d, h/H, s, am/pm. */
export function formatDate(ms: number, format: string, zone: string): string {
  const t = instantToWall(ms, zone);
  const tokens = format.match(/yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|"[^"]*"|\\.|./gi) ?? [];
  const twelve = tokens.some((tok) => /^(am\/pm|a\/p)$/i.test(tok));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  let out = '';
  let afterHour = false;
  tokens.forEach((tok, i) => {
    const low = tok.toLowerCase();
    const nextTimeToken = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x) && !/^["\\]/.test(x));
    const minuteHere = (low === 'm' || low === 'mm') && (afterHour || /^s/i.test(nextTimeToken ?? ''));
    if (low === 'yyyy') out += String(t.year);
    else if (low === 'yy') out += pad(t.year % 100);
    else if (low === 'mmmm') out += MONTHS[t.month - 1];
    else if (low === 'mmm') out += MONTHS[t.month - 1]!.slice(0, 3);
    else if (minuteHere) out += low === 'mm' ? pad(t.minute) : String(t.minute);
    else if (low === 'mm') out += pad(t.month);
    else if (low === 'm') out += String(t.month);
    else if (low === 'dddd') out += DAYS[t.weekday - 1];
    else if (low === 'ddd') out += DAYS[t.weekday - 1]!.slice(0, 3);
    else if (low === 'dd') out += pad(t.day);
    else if (low === 'd') out += String(t.day);
    else if (low === 'hh' || low === 'h') {
      const h = twelve ? ((t.hour + 11) % 12) + 1 : t.hour;
      out += low === 'hh' ? pad(h) : String(h);
    } else if (low === 'ss') out += pad(t.second);
    else if (low === 's') out += String(t.second);
    else if (low === 'am/pm') out += t.hour < 12 ? 'AM' : 'PM';
    else if (low === 'a/p') out += t.hour < 12 ? 'A' : 'P';
    else if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else out += tok;
    if (low === 'h' || low === 'hh') afterHour = true;
    else if (/^[a-z]/i.test(tok) && low !== 'am/pm') afterHour = false;
  });
  return out;
}

function automaticNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** Decimal patterns like 0, 0.00, #,##0.00, 0%, "$"#,##0.00; anything else shows automatically. */
export function formatNumber(n: number, format: string | undefined): string {
  if (!format || format === DEFAULT_FORMAT || format.toLowerCase() === 'general') return automaticNumber(n);
  const section = format.split(';')[0]!;
  const core = /[#0,.]+/.exec(section.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length)));
  if (!core) return automaticNumber(n);
  const prefix = section.slice(0, core.index).replace(/"([^"]*)"|\[\$([^\]-]*)[^\]]*\]|\\(.)/g, (_m, a, b, c) => a ?? b ?? c ?? '');
  const suffixRaw = section.slice(core.index + core[0].length);
  const percent = suffixRaw.includes('%');
  const suffix = suffixRaw.replace(/"([^"]*)"|\\(.)/g, (_m, a, b) => a ?? b ?? '');
  const [intPart, fracPart = ''] = core[0].split('.');
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const maxDecimals = minDecimals + (fracPart.match(/#/g) ?? []).length;
  const value = percent ? n * 100 : n;
  let digits = Math.abs(value).toFixed(maxDecimals);
  if (maxDecimals > minDecimals) digits = digits.replace(new RegExp(`0{1,${maxDecimals - minDecimals}}$`), '').replace(/\.$/, '');
  if (intPart!.includes(',')) {
    const [i, f] = digits.split('.');
    digits = i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? `.${f}` : '');
  }
  const negative = value < 0 && Number(digits.replace(/,/g, '')) !== 0;
  return `${negative ? '-' : ''}${prefix}${digits}${suffix}`;
}
