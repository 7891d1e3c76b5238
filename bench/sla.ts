/**
 * `npm run bench -- sla`: the same 100,000 `due` queries through this engine and through
 * the libraries a user would otherwise pick, moment-business-time and luxon-business-days,
 * on calendars they can express; checks the answers agree and prints ops/s and ratios.
 * A benchmark, not a test: figures vary by machine, so nothing here fails a build.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { due, openMsBetween, parseCalendarJson, type BusinessCalendar } from '../src/core/calendar/index';

const QUERIES = 100_000;
const MIN = 60_000;
const HOLIDAYS = ['2026-01-01', '2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-11-27', '2026-12-24', '2026-12-25'];
const YEAR_START = Date.parse('2026-01-01T00:00:00Z');

/** Deterministic PRNG so every run asks the same questions. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Query {
  start: number;
  minutes: number;
}

function weekdays(hours: [string, string][]) {
  return { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] };
}

const isBusinessDay = (ms: number) => {
  const d = new Date(ms);
  const wd = d.getUTCDay();
  return wd >= 1 && wd <= 5 && !HOLIDAYS.includes(d.toISOString().slice(0, 10));
};

/** Best of several passes, in ops/s; the engine is fast enough that one pass is noise. */
function measure(passes: number, run: () => void): number {
  let best = Infinity;
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return QUERIES / (best / 1000);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface MomentLike {
  addWorkingTime(n: number, unit: string): MomentLike;
  valueOf(): number;
}
interface MomentModule {
  (ms: number): MomentLike;
  updateLocale(locale: string, data: unknown): void;
}
interface LbdDateTime {
  setupBusiness(opts: { businessDays: number[]; holidayMatchers: ((d: LbdDateTime) => boolean)[] }): void;
  plusBusiness(opts: { days: number }): LbdDateTime;
  toISODate(): string;
  toMillis(): number;
}
interface LbdModule {
  DateTime: { fromMillis(ms: number, opts: { zone: string }): LbdDateTime };
}

/**
 * Exact agreement, or the same business instant written differently: this engine may end
 * a due at a closing time where a library jumps to the next opening (no open time between).
 */
function compare(label: string, cal: BusinessCalendar, ours: Float64Array, theirs: Float64Array, queries: Query[]): string {
  let exact = 0;
  let equivalent = 0;
  let firstMismatch = '';
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i]!;
    const b = theirs[i]!;
    if (a === b) exact++;
    else if (openMsBetween(cal, Math.min(a, b), Math.max(a, b)) === 0) equivalent++;
    else if (!firstMismatch) {
      const q = queries[i]!;
      firstMismatch = `; first disagreement: start ${new Date(q.start).toISOString()} + ${q.minutes} min → ours ${new Date(a).toISOString()}, ${label} ${new Date(b).toISOString()}`;
    }
  }
  const rest = ours.length - exact - equivalent;
  return (
    `answers: ${fmt(exact)} identical, ${fmt(equivalent)} equivalent (ours at a closing time, theirs at the next opening), ` +
    `${fmt(rest)} disagree${firstMismatch}`
  );
}

const toIso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * The `sla` command end to end, as a user runs it: a new process of the compiled CLI
 * (build/cli.mjs) reading the queries as JSON lines on stdin and writing one answer per
 * line; wall time from spawn to exit, best of `passes`. Returns the time and the answers.
 */
async function slaCommand(
  calendar: object,
  queries: Query[],
  passes: number,
): Promise<{ ms: number; cpuMs: number; answers: Float64Array }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-sla-'));
  const calendars = path.join(dir, 'calendars.json');
  writeFileSync(calendars, JSON.stringify([calendar]));
  const input = queries.map((q) => `{"calendar":"b","op":"due","start":"${toIso(q.start)}","minutes":${q.minutes}}\n`).join('');
  const cli = path.resolve(import.meta.dirname, '../build/cli.mjs');
  // The child's own CPU time (user + system), printed at exit: what a busy machine moves less than wall time.
  const cpuAtExit =
    'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("cpu-ms "+(u.user+u.system)/1000+"\\n")})';
  let best = Infinity;
  let bestCpu = Infinity;
  let out = '';
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    let err = '';
    out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', cpuAtExit, cli, 'sla', '--calendars', calendars], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`sla exited ${code}: ${err}`)),
      );
      child.stdin.end(input);
    });
    best = Math.min(best, performance.now() - t0);
    bestCpu = Math.min(bestCpu, Number(/cpu-ms ([\d.]+)/.exec(err)?.[1] ?? Number.NaN));
  }
  const lines = out.trimEnd().split('\n');
  const answers = new Float64Array(lines.length);
  lines.forEach((l, i) => (answers[i] = Date.parse((JSON.parse(l) as { due: string }).due)));
  return { ms: best, cpuMs: bestCpu, answers };
}

export async function benchSla(): Promise<void> {
  // Both libraries work in the process's local zone (moment) or need it fixed; UTC makes the comparison fair.
  process.env.TZ = 'UTC';
  const require = createRequire(import.meta.url);
  const moment = require('moment-business-time') as MomentModule;
  const lbd = require('luxon-business-days') as LbdModule;

  const office = parseCalendarJson({
    id: 'office',
    timezone: 'UTC',
    week: weekdays([['09:00', '17:00']]),
    holidays: HOLIDAYS.map((date) => ({ date })),
  });
  const weekdays24 = parseCalendarJson({
    id: 'weekdays24',
    timezone: 'UTC',
    week: weekdays([['00:00', '24:00']]),
    holidays: HOLIDAYS.map((date) => ({ date })),
  });
  const denver = parseCalendarJson({
    id: 'mt',
    timezone: 'America/Denver',
    week: weekdays([['08:00', '17:00']]),
    holidays: HOLIDAYS.map((date) => ({ date })),
  });

  const rnd = mulberry32(20261125);
  // Whole-minute starts: moment-business-time steps in whole units and would drop seconds.
  const minuteQueries: Query[] = Array.from({ length: QUERIES }, () => ({
    start: YEAR_START + Math.floor(rnd() * 340 * 24 * 60) * MIN,
    minutes: 1 + Math.floor(rnd() * 2400),
  }));
  // luxon-business-days only adds whole business days: starts on business days, N × 24 h of a 24-hour weekday calendar.
  const dayQueries: Query[] = [];
  while (dayQueries.length < QUERIES) {
    const start = YEAR_START + Math.floor(rnd() * 340 * 24 * 60) * MIN;
    if (isBusinessDay(start)) dayQueries.push({ start, minutes: (1 + Math.floor(rnd() * 5)) * 1440 });
  }

  const runEngine = (cal: BusinessCalendar, qs: Query[], out: Float64Array) => () => {
    for (let i = 0; i < qs.length; i++) out[i] = due(cal, qs[i]!.start, qs[i]!.minutes);
  };

  const oursMinute = new Float64Array(QUERIES);
  const oursDay = new Float64Array(QUERIES);
  const oursDenver = new Float64Array(QUERIES);
  const engineMinute = measure(20, runEngine(office, minuteQueries, oursMinute));
  const engineDay = measure(20, runEngine(weekdays24, dayQueries, oursDay));
  const engineDenver = measure(20, runEngine(denver, minuteQueries, oursDenver));

  const hours = ['09:00:00', '17:00:00'];
  moment.updateLocale('en', { workinghours: { 0: null, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null }, holidays: HOLIDAYS });
  const momentOut = new Float64Array(QUERIES);
  const momentOps = measure(1, () => {
    for (let i = 0; i < QUERIES; i++)
      momentOut[i] = moment(minuteQueries[i]!.start).addWorkingTime(minuteQueries[i]!.minutes, 'minutes').valueOf();
  });

  const holidaySet = new Set(HOLIDAYS);
  lbd.DateTime.fromMillis(0, { zone: 'utc' }).setupBusiness({
    businessDays: [1, 2, 3, 4, 5],
    holidayMatchers: [(d) => holidaySet.has(d.toISODate())],
  });
  const lbdOut = new Float64Array(QUERIES);
  const lbdOps = measure(1, () => {
    for (let i = 0; i < QUERIES; i++) {
      const q = dayQueries[i]!;
      lbdOut[i] = lbd.DateTime.fromMillis(q.start, { zone: 'utc' })
        .plusBusiness({ days: q.minutes / 1440 })
        .toMillis();
    }
  });

  // The same set B through the compiled `sla` command, start-up and JSON included.
  const setB = { id: 'b', timezone: 'UTC', week: weekdays([['00:00', '24:00']]), holidays: HOLIDAYS.map((date) => ({ date })) };
  const command = await slaCommand(setB, dayQueries, 5);
  const lbdMs = (QUERIES / lbdOps) * 1000;
  const commandAgrees = command.answers.length === QUERIES && command.answers.every((a, i) => a === oursDay[i]);

  const faster = Math.max(momentOps, lbdOps);
  const lines = [
    `SLA engine benchmark: ${fmt(QUERIES)} due() queries per set, node ${process.version}, one core`,
    ``,
    `set A: Mon–Fri 09:00–17:00 UTC + ${HOLIDAYS.length} holidays, starts on whole minutes in 2026, 1–2,400 business minutes`,
    `  this engine            ${fmt(engineMinute).padStart(12)} ops/s`,
    `  moment-business-time   ${fmt(momentOps).padStart(12)} ops/s   ratio ${(engineMinute / momentOps).toFixed(0)}×`,
    `  ${compare('moment-business-time', office, oursMinute, momentOut, minuteQueries)}`,
    ``,
    `set B: Mon–Fri 24 h UTC + the same holidays, starts on business days, 1–5 business days (N × 1,440 min)`,
    `  this engine            ${fmt(engineDay).padStart(12)} ops/s`,
    `  luxon-business-days    ${fmt(lbdOps).padStart(12)} ops/s   ratio ${(engineDay / lbdOps).toFixed(0)}×`,
    `  ${compare('luxon-business-days', weekdays24, oursDay, lbdOut, dayQueries)}`,
    ``,
    `set B through the compiled CLI, end to end (node build/cli.mjs sla: start-up, JSON lines in and out), best of 5:`,
    `  support-desk sla       ${command.ms.toFixed(0).padStart(9)} ms wall (${command.cpuMs.toFixed(0)} ms CPU) for ${fmt(QUERIES)} queries; ` +
      `luxon-business-days ${lbdMs.toFixed(0)} ms in-process: ratio ${(lbdMs / command.ms).toFixed(1)}× wall, ${(lbdMs / command.cpuMs).toFixed(1)}× CPU (target ≥ 50×); ` +
      `answers ${commandAgrees ? 'identical to the engine' : 'DIFFER from the engine'}`,
    ``,
    `set A on America/Denver 08:00–17:00 (DST), engine only: ${fmt(engineDenver)} ops/s`,
    ``,
    `engine (slowest set) vs the faster library (${momentOps >= lbdOps ? 'moment-business-time' : 'luxon-business-days'}): ` +
      `${(Math.min(engineMinute, engineDay, engineDenver) / faster).toFixed(0)}×; target ≥ 1,000,000 ops/s and ≥ 30×`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

// Runnable on its own too: `npx tsx bench/sla.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await benchSla();
