import { existsSync, readFileSync, statSync } from 'node:fs';
import { DateTime } from 'luxon';
import { MailboxModel } from '../emulator';
import { parseEditsFile, type EditProblem, type ReplayEdit } from '../replay/edits-file';
import { runOnClock, type ClockStats, type DayProgress } from '../replay/run-on-clock';
import { DEFAULT_WAIT_SECONDS } from './lock';
import { beginRun, closeRun, openRun, parseInstant, requireWorkbook } from './run-context';
import { readInbox } from './inbox';
import { UsageError } from './usage-error';
import { inboxIsEmpty, requireInbox } from './validate';

export interface RunReplayOptions {
  readonly workbook: string;
  readonly inbox: string;
  readonly from: string;
  readonly to: string;
  readonly outbox: string;
  readonly edits?: string;
  /** Recipients a day the account may send to (Gmail: 100 for a consumer account, 1,500 for Workspace). */
  readonly dailyQuota?: number;
  readonly wait?: number;
  readonly force?: boolean;
}

export interface ReplayResult {
  readonly stats: ClockStats;
  /** Lines of the edits file not replayed: unreadable, outside --from/--to, or not applicable at their time. */
  readonly problems: readonly (EditProblem & { at?: number })[];
  readonly mailFiles: readonly string[];
  /** The spreadsheet's time zone, for reporting instants. */
  readonly zone: string;
}

function readEdits(file: string | undefined): { edits: ReplayEdit[]; problems: EditProblem[] } {
  if (file === undefined) return { edits: [], problems: [] };
  if (!existsSync(file) || statSync(file).isDirectory()) throw new UsageError(`--edits ${file} is not a file (JSON lines of edits)`);
  try {
    return parseEditsFile(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--edits ${file} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A progress bar on a terminal (rewritten in place); a line per simulated day otherwise. */
export function progressWriter(out: NodeJS.WritableStream & { isTTY?: boolean }): (p: DayProgress) => void {
  return (p) => {
    const runs = Object.entries(p.stats.runs)
      .map(([job, n]) => `${job} ${n}×`)
      .join(', ');
    const line = `${p.day}: ${p.tickets} tickets, ${p.stats.mailDelivered} mails in; ${runs}`;
    if (out.isTTY) {
      const width = 24;
      const filled = Math.round(p.done * width);
      out.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(p.done * 100)}% ${line}\x1b[K${p.done >= 1 ? '\n' : ''}`,
      );
    } else out.write(`  ${line}\n`);
  };
}

/**
 * `run replay`: the deployed automation over a span of time, in ONE emulator: the triggers
 * `installTriggers` sets up from Settings (ingestInbox at Trigger interval, sweepSla at
 * Sweep interval, checkHours hourly, runMonthlyBilling on the 1st) fire on a simulated
 * clock from --from to --to; the inbox's mail arrives at its delivery time; the edits
 * file's lines are made at their time through the real edit trigger. Replies land in the
 * Gmail threads the later runs read. Saved once at the end, as one atomic commit.
 */
export async function replay(
  opts: RunReplayOptions,
  out: NodeJS.WritableStream & { isTTY?: boolean },
  quiet = false,
): Promise<ReplayResult> {
  requireWorkbook(opts.workbook);
  requireInbox(opts.inbox);
  const from = parseInstant(opts.from, '--from', '2026-09-01T07:00:00-06:00');
  const to = parseInstant(opts.to, '--to', '2026-10-01T06:05:00-06:00');
  if (to <= from) throw new UsageError(`--to ${opts.to} is not after --from ${opts.from}`);
  if (opts.dailyQuota !== undefined && !(Number.isInteger(opts.dailyQuota) && opts.dailyQuota > 0))
    throw new UsageError(`--daily-quota must be a whole number of recipients a day`);
  const { edits, problems } = readEdits(opts.edits);
  const outside: (EditProblem & { at: number })[] = edits
    .filter((e) => e.at < from || e.at > to)
    .map((e) => ({ line: e.line, at: e.at, message: e.at < from ? 'before --from' : 'after --to' }));
  const inSpan = edits.filter((e) => e.at >= from && e.at <= to);
  const mail = inboxIsEmpty(opts.inbox) ? [] : (await readInbox(opts.inbox)).filter((m) => m.deliveredAt <= to);

  const { loaded, release } = await beginRun({
    workbookFile: opts.workbook,
    outbox: opts.outbox,
    wait: opts.wait ?? DEFAULT_WAIT_SECONDS,
    at: from,
    force: opts.force,
  });
  try {
    const mailbox = new MailboxModel({ address: loaded.account, ...(opts.dailyQuota ? { dailyQuota: opts.dailyQuota } : {}) });
    const ctx = await openRun({ workbookFile: opts.workbook, now: from, mailbox: () => mailbox }, loaded);
    const say = (s: string) => quiet || out.write(`${s}\n`);
    const installed = ctx.em.run<string>('installTriggers');
    if (installed.error) throw new UsageError(`the register's triggers cannot be installed: ${installed.error.message}`);
    say(installed.value!);
    for (const p of [...problems, ...outside]) say(`edits line ${p.line}: ${p.message}; skipped`);
    const stats = await runOnClock(ctx.em, {
      from,
      to,
      mail: mail.map((m) => ({ raw: m.raw, at: m.deliveredAt })),
      edits: inSpan,
      ...(quiet ? {} : { onDay: progressWriter(out) }),
    });
    // The run state's last run is the end of the replay: a later run starts from there.
    const files = await closeRun({ ...ctx, now: to }, opts.outbox);
    const all = [...problems, ...outside, ...stats.editProblems].sort((a, b) => a.line - b.line);
    return { stats, problems: all, mailFiles: files, zone: ctx.workbook.timeZone };
  } finally {
    await release();
  }
}

export function formatReplaySummary(r: ReplayResult, opts: RunReplayOptions): string[] {
  const at = (t: number) => DateTime.fromMillis(t, { zone: r.zone }).toISO({ suppressMilliseconds: true });
  const runs = Object.entries(r.stats.runs)
    .map(([job, n]) => `${job} ${n}×`)
    .join(', ');
  const lines = [
    `Replayed ${opts.from} → ${opts.to}: ${runs}; ${r.stats.mailDelivered} mail(s) delivered; ${r.stats.editsApplied} edit(s) applied.`,
  ];
  // Every line of the edits file that was not applied, in file order: unreadable, outside the span, or failed at its time.
  for (const p of r.problems) lines.push(`  edits line ${p.line}${p.at === undefined ? '' : ` (${at(p.at)})`}: ${p.message}; not applied`);
  if (r.stats.failedRuns.length) {
    lines.push(`  ${r.stats.failedRuns.length} run(s) failed:`);
    for (const f of r.stats.failedRuns.slice(0, 10)) lines.push(`    ${f.job} at ${at(f.at)}: ${f.message}`);
    if (r.stats.failedRuns.length > 10) lines.push(`    … and ${r.stats.failedRuns.length - 10} more`);
  }
  lines.push(`Saved ${opts.workbook}; ${r.mailFiles.length} mail(s) in ${opts.outbox}.`);
  return lines;
}

export async function runReplayCommand(opts: RunReplayOptions, out: NodeJS.WritableStream & { isTTY?: boolean }): Promise<number> {
  const r = await replay(opts, out);
  for (const line of formatReplaySummary(r, opts)) out.write(`${line}\n`);
  return 0;
}
