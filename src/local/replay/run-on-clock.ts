import { DateTime } from 'luxon';
import type { Emulator } from '../emulator';
import { applyEdit } from './apply-edit';
import type { EditProblem, ReplayEdit } from './edits-file';
import { firings } from './schedule';

/** A mail of the inbox and the moment it reaches the mailbox. */
export interface TimedMail {
  readonly raw: string | Buffer;
  readonly at: number;
}

export interface ClockStats {
  /** Runs per trigger handler (`ingestInbox`, `sweepSla`, …). */
  readonly runs: Record<string, number>;
  readonly failedRuns: { job: string; at: number; message: string }[];
  mailDelivered: number;
  editsApplied: number;
  /** Edits that could not be applied, with their line in the edits file. */
  readonly editProblems: (EditProblem & { at: number })[];
  modeledMs: number;
  serviceCalls: number;
}

/** What happened on one simulated day (in the spreadsheet's zone), for a progress line. */
export interface DayProgress {
  readonly day: string;
  /** Share of the replay's time span done, 0–1. */
  readonly done: number;
  readonly stats: ClockStats;
  readonly tickets: number;
}

/**
 * The deployed automation on one simulated clock: the clock triggers installed in the
 * emulator (`installTriggers`, from Settings' intervals) fire from `from` to `to`; each
 * mail is in the mailbox from its delivery time on; each edit
 * is made at its time through the edit event, so the installed edit trigger runs as in
 * Sheets. The same emulator throughout: our replies land in the Gmail threads later runs
 * read. Shared by `run replay` and the demo.
 */
export async function runOnClock(
  em: Emulator,
  opts: {
    from: number;
    to: number;
    mail: readonly TimedMail[];
    edits: readonly ReplayEdit[];
    onDay?: (p: DayProgress) => void;
  },
): Promise<ClockStats> {
  const zone = em.workbook.timeZone;
  const stats: ClockStats = {
    runs: {},
    failedRuns: [],
    mailDelivered: 0,
    editsApplied: 0,
    editProblems: [],
    modeledMs: 0,
    serviceCalls: 0,
  };
  // Every mail is filed at once with its delivery time, in delivery order, as `run ingest`
  // files its inbox: the emulated Gmail shows a message only from its time on, and its ids
  // (time and order of filing) are the ones every other CLI run gives the same mail, so a
  // later `run sweep --inbox` answers in the same threads.
  const mail = [...opts.mail].sort((a, b) => a.at - b.at);
  for (const m of mail) await em.mailbox.deliver(m.raw, { at: m.at });
  let arrived = 0;
  const edits = [...opts.edits].sort((a, b) => a.at - b.at);
  let next = 0;
  const setClock = (t: number) => em.clock.set(Math.max(t, em.clock.now()));

  const happenUntil = (t: number) => {
    for (; arrived < mail.length && mail[arrived]!.at <= t; arrived++) stats.mailDelivered++;
    for (; next < edits.length && edits[next]!.at <= t; next++) {
      const edit = edits[next]!;
      setClock(edit.at);
      try {
        for (const message of applyEdit(em, edit)) stats.failedRuns.push({ job: 'handleEdit', at: edit.at, message });
        stats.editsApplied++;
      } catch (err) {
        stats.editProblems.push({ line: edit.line, at: edit.at, message: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  const dayOf = (t: number) => DateTime.fromMillis(t, { zone }).toISODate()!;
  const tickets = () => Math.max(0, em.workbook.sheetValues('Tickets').length - 1);
  let day = dayOf(opts.from);
  const span = Math.max(1, opts.to - opts.from);

  for (const f of firings(em.triggers.triggers, opts.from, opts.to, zone)) {
    const today = dayOf(f.at);
    if (today !== day) {
      opts.onDay?.({ day, done: (f.at - opts.from) / span, stats, tickets: tickets() });
      day = today;
    }
    // Mail and edits up to this moment happen first.
    happenUntil(f.at);
    setClock(f.at);
    const r = em.run(f.handler);
    stats.runs[f.handler] = (stats.runs[f.handler] ?? 0) + 1;
    stats.modeledMs += r.calls.modeledMs;
    stats.serviceCalls += r.calls.total;
    if (r.error) stats.failedRuns.push({ job: f.handler, at: f.at, message: r.error.message });
  }
  // Mail and edits after the last run but by `to` still happen (the next run would see them).
  happenUntil(opts.to);
  opts.onDay?.({ day, done: 1, stats, tickets: tickets() });
  return stats;
}
