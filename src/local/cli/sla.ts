import { readFile } from 'node:fs/promises';
import { CalendarError, due, elapsedMinutes, isOpen, nextOpen, parseCalendarsJson, type BusinessCalendar } from '../../core/calendar/index';

// ISO-8601 in whole seconds with Z or ±HH:MM; anything looser would let a typo pass as a time.
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:Z|([+-])(\d{2}):(\d{2}))$/;

class LineError extends Error {}

const DAY_MS = 86_400_000;
/** Calendar dates already read (`YYYY-MM-DD` → its UTC midnight): a batch asks about a few hundred days. */
const dayStart = new Map<string, number>();
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/**
 * The common form, `YYYY-MM-DDTHH:MM:SSZ`, read without a regex or a Date: the date part
 * once per calendar date (checked by the full reader below), the time by its digits.
 * Anything else goes to the full reader.
 */
function parseUtcInstant(value: string, field: string): number {
  if (value.length !== 20 || value[10] !== 'T' || value[13] !== ':' || value[16] !== ':' || value[19] !== 'Z')
    return slowInstant(value, field);
  const h = two(value, 11);
  const mi = two(value, 14);
  const sec = two(value, 17);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return slowInstant(value, field);
  const date = value.slice(0, 10);
  let day = dayStart.get(date);
  if (day === undefined) {
    day = slowInstant(`${date}T00:00:00Z`, field);
    dayStart.set(date, day);
  }
  return day + ((h * 60 + mi) * 60 + sec) * 1000;
}

function parseInstant(value: unknown, field: string): number {
  if (typeof value !== 'string') throw new LineError(`"${field}" must be an ISO-8601 instant like 2026-11-25T23:10:00Z`);
  return parseUtcInstant(value, field);
}

function slowInstant(value: string, field: string): number {
  const m = ISO.exec(value);
  if (!m) throw new LineError(`"${field}": "${value}" is not ISO-8601 in whole seconds with Z or ±HH:MM`);
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i])) as [number, number, number, number, number, number];
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as written.
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d);
  back.setUTCHours(h, mi, s, 0);
  const local = back.getTime();
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new LineError(`"${field}": "${value}" is not a real date and time`);
  }
  let offset = 0;
  if (m[7]) {
    const oh = Number(m[8]);
    const om = Number(m[9]);
    if (oh > 23 || om > 59) throw new LineError(`"${field}": "${value}" has an impossible offset`);
    offset = (m[7] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return local - offset;
}

/** `YYYY-MM-DD` of each UTC day number already written. */
const dayText = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO-8601 in UTC, whole seconds unless the instant has milliseconds (the date part cached per day). */
export function formatInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const inDay = ms - day * DAY_MS;
  if (inDay % 1000 !== 0 || ms < 0) {
    const iso = new Date(ms).toISOString();
    return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  }
  let date = dayText.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayText.set(day, date);
  }
  const secs = inDay / 1000;
  return `${date}T${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}Z`;
}

type Query = Record<string, unknown>;

/** The answer as its JSON line, written out directly: instants and numbers need no escaping. */
function answer(q: Query, calendars: ReadonlyMap<string, BusinessCalendar>): string {
  const id = q['calendar'];
  if (typeof id !== 'string') throw new LineError('"calendar" must name a calendar from the calendars file');
  const cal = calendars.get(id);
  if (!cal) throw new LineError(`unknown calendar "${id}"`);
  switch (q['op']) {
    case 'due': {
      const minutes = q['minutes'];
      if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 0) {
        throw new LineError('"minutes" must be a non-negative integer');
      }
      return `{"due":"${formatInstant(due(cal, parseInstant(q['start'], 'start'), minutes))}"}`;
    }
    case 'elapsed':
      return `{"elapsed":${JSON.stringify(elapsedMinutes(cal, parseInstant(q['from'], 'from'), parseInstant(q['to'], 'to')))}}`;
    case 'isOpen':
      return `{"isOpen":${isOpen(cal, parseInstant(q['at'], 'at'))}}`;
    case 'nextOpen':
      return `{"nextOpen":"${formatInstant(nextOpen(cal, parseInstant(q['at'], 'at')))}"}`;
    default:
      throw new LineError(`unknown op ${JSON.stringify(q['op'])} (use due, elapsed, isOpen, nextOpen)`);
  }
}

/** One input line → one output line; a bad line becomes `{"error":…}` and never stops the run. */
export function answerLine(line: string, calendars: ReadonlyMap<string, BusinessCalendar>): string {
  try {
    let q: unknown;
    try {
      q = JSON.parse(line);
    } catch {
      throw new LineError('not a JSON object');
    }
    if (typeof q !== 'object' || q === null || Array.isArray(q)) throw new LineError('not a JSON object');
    return answer(q as Query, calendars);
  } catch (e) {
    const message = e instanceof LineError || e instanceof CalendarError ? e.message : `internal error: ${String(e)}`;
    return JSON.stringify({ error: message });
  }
}

/**
 * `cli sla --calendars FILE.json`: JSON lines in, one JSON line out per input, in order,
 * streamed so a large batch never sits in memory. Blank lines are not inputs and are
 * skipped. Exit 0 even when some lines were bad (their errors are in the output); 2 when
 * the calendars file itself is unusable.
 */
export async function runSlaCommand(
  opts: { calendars: string },
  stdin: NodeJS.ReadableStream,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  let calendars: Map<string, BusinessCalendar>;
  try {
    // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse rejects.
    const text = (await readFile(opts.calendars, 'utf8')).replace(/^\uFEFF/, '');
    calendars = parseCalendarsJson(JSON.parse(text));
  } catch (e) {
    stderr.write(`sla: cannot use calendars file ${opts.calendars}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  // Lines are split by hand and a chunk's answers written at once: a write per line (and
  // readline's event per line) cost more than the answers themselves. Answers still stream:
  // each chunk of stdin is answered as soon as it arrives.
  let rest = '';
  const answerLines = (text: string): string => {
    let out = '';
    for (const raw of text.split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() !== '') out += `${answerLine(line, calendars)}\n`;
    }
    return out;
  };
  const write = async (text: string) => {
    if (text !== '' && !stdout.write(text)) await new Promise<void>((resolve) => stdout.once('drain', resolve));
  };
  stdin.setEncoding?.('utf8');
  for await (const chunk of stdin) {
    const text = rest + String(chunk);
    const end = text.lastIndexOf('\n');
    rest = text.slice(end + 1);
    await write(answerLines(text.slice(0, end + 1)));
  }
  await write(answerLines(rest));
  return 0;
}
