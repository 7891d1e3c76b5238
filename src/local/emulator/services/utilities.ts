import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context';
import { isDate } from '../realm';
import { htmlToPdf } from './html-to-pdf';

/**
 * Java SimpleDateFormat letters (what Utilities.formatDate takes) → luxon tokens, for the
 * letters in common use. An unknown letter fails loudly instead of printing garbage.
 */
function toLuxonPattern(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const lit = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out += lit === '' ? "''" : `'${lit}'`;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (pattern[j] === ch) j++;
    const n = j - i;
    const map: Record<string, (n: number) => string> = {
      y: (k) => (k === 2 ? 'yy' : 'yyyy'),
      M: (k) => (k >= 4 ? 'MMMM' : k === 3 ? 'MMM' : k === 2 ? 'MM' : 'M'),
      d: (k) => (k >= 2 ? 'dd' : 'd'),
      H: (k) => (k >= 2 ? 'HH' : 'H'),
      h: (k) => (k >= 2 ? 'hh' : 'h'),
      m: (k) => (k >= 2 ? 'mm' : 'm'),
      s: (k) => (k >= 2 ? 'ss' : 's'),
      S: () => 'SSS',
      a: () => 'a',
      E: (k) => (k >= 4 ? 'cccc' : 'ccc'),
      u: () => 'c',
      z: (k) => (k >= 4 ? 'ZZZZZ' : 'ZZZZ'),
      Z: () => 'ZZZ',
      X: (k) => (k >= 3 ? 'ZZ' : 'ZZZ'),
    };
    const f = map[ch];
    if (!f) throw new Error(`Utilities.formatDate: pattern letter '${ch}' is not supported by the emulator`);
    out += f(n);
    i = j;
  }
  return out;
}

export function createUtilities(ctx: ServiceContext) {
  return {
    formatDate(date: Date, timeZone: string, format: string) {
      ctx.meter.call('Utilities.formatDate', { cheap: true });
      if (!isDate(date)) ctx.fail('Invalid argument: date');
      const dt = DateTime.fromMillis(date.getTime(), { zone: timeZone });
      if (!dt.isValid) ctx.fail(`Invalid argument: timeZone`);
      return dt.toFormat(toLuxonPattern(format), { locale: 'en-US' });
    },
    sleep(ms: number) {
      ctx.meter.call('Utilities.sleep', { cheap: true });
      // Sleeping counts against the run's 6 minutes; the meter moves the clock with it.
      ctx.meter.addModeledMs(ms);
    },
    getUuid() {
      ctx.meter.call('Utilities.getUuid', { cheap: true });
      return randomUUID();
    },
    base64Encode(data: string) {
      ctx.meter.call('Utilities.base64Encode', { cheap: true });
      return Buffer.from(String(data), 'utf8').toString('base64');
    },
    base64Decode(data: string) {
      ctx.meter.call('Utilities.base64Decode', { cheap: true });
      return ctx.realm.toRealm([...Buffer.from(String(data), 'base64')].map((b) => (b > 127 ? b - 256 : b)));
    },
    newBlob(data: string, contentType?: string, name?: string) {
      ctx.meter.call('Utilities.newBlob', { cheap: true });
      return makeBlob(ctx, Buffer.from(String(data), 'utf8'), contentType ?? 'text/plain', name ?? null);
    },
  };
}

/** getAs replaces the part after the last period with the new extension ("a.html" → "a.pdf"), as documented. */
function renamed(name: string | null, ext: string): string | null {
  if (name === null) return null;
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${ext}`;
}

/**
 * A Blob over bytes. getAs('application/pdf') of an HTML blob renders it (html-to-pdf.ts);
 * other conversions are not emulated and fail loudly rather than return the same bytes.
 */
function makeBlob(ctx: ServiceContext, bytes: Buffer, contentType: string, initialName: string | null) {
  let name = initialName;
  const blob = {
    getDataAsString: () => bytes.toString('utf8'),
    getContentType: () => contentType,
    getName: () => name,
    setName(n: string) {
      name = String(n);
      return blob;
    },
    getBytes: () => ctx.realm.toRealm([...bytes].map((b) => (b > 127 ? b - 256 : b))),
    getAs(type: string) {
      ctx.meter.call('Blob.getAs');
      if (type === contentType) return makeBlob(ctx, bytes, contentType, name);
      if (type === 'application/pdf' && /^text\/html\b/i.test(contentType)) {
        let pdf: Buffer;
        try {
          pdf = htmlToPdf(bytes.toString('utf8'), ctx.clock.now());
        } catch (e) {
          return ctx.fail(e instanceof Error ? e.message : String(e));
        }
        return makeBlob(ctx, pdf, 'application/pdf', renamed(name, 'pdf'));
      }
      return ctx.fail(`Converting from ${contentType} to ${type} is not supported.`);
    },
  };
  return blob;
}

/** Logger and console: kept in memory so tests can read what a run printed. */
export function createLogging(ctx: ServiceContext, sink: string[]) {
  const line = (level: string, args: unknown[]) =>
    sink.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
  const Logger = {
    log(...args: unknown[]) {
      ctx.meter.call('Logger.log', { cheap: true });
      line('INFO', args);
      return Logger;
    },
    getLog: () => sink.join('\n'),
    clear: () => void (sink.length = 0),
  };
  const consoleLike = {
    log: (...a: unknown[]) => line('INFO', a),
    info: (...a: unknown[]) => line('INFO', a),
    warn: (...a: unknown[]) => line('WARNING', a),
    error: (...a: unknown[]) => line('ERROR', a),
  };
  return { Logger, console: consoleLike };
}
