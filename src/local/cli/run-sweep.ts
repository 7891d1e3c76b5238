import { inboxMail, mailboxWith } from './inbox';
import { DEFAULT_WAIT_SECONDS } from './lock';
import { beginRun, closeRun, openRun, parseInstant, requireWorkbook } from './run-context';

export interface RunSweepOptions {
  readonly workbook: string;
  /** ISO instant the sweep runs at: SLA states and escalations are decided for this moment. */
  readonly at: string;
  readonly outbox: string;
  /** The mailbox's mail (mbox or folder of .eml), so notices answer in the tickets' Gmail threads. */
  readonly inbox?: string;
  /** Seconds to wait for another run on the workbook (`--wait`). */
  readonly wait?: number;
  /** Run even if `at` is before the run state's last run (`--force`). */
  readonly force?: boolean;
}

/**
 * `run sweep`: the real `sweepSla` trigger of build/Code.js, run in the emulator on an
 * exported register at `--at`. SLA states, due times, escalation tiers and the Notified
 * ledger are written back into the workbook (saved in place), so repeated runs at later
 * instants send each escalation once, as the trigger would; the mail this run sent or held
 * as drafts is written to the outbox as .eml. Document properties are kept next to the
 * workbook like `run ingest` keeps them. With `--inbox` (the mail `run ingest` read) the
 * run has the tickets' Gmail threads and a notice answers in its ticket's thread; without
 * it there are none, and a notice goes out as a new mail.
 */
export async function runSweepCommand(opts: RunSweepOptions, out: NodeJS.WritableStream): Promise<number> {
  requireWorkbook(opts.workbook);
  const now = parseInstant(opts.at, '--at');
  const mail = await inboxMail(opts.inbox, now);
  const { loaded, release } = await beginRun({
    workbookFile: opts.workbook,
    outbox: opts.outbox,
    wait: opts.wait ?? DEFAULT_WAIT_SECONDS,
    at: now,
    force: opts.force,
  });
  try {
    const ctx = await openRun({ workbookFile: opts.workbook, now, mailbox: (account) => mailboxWith(account, mail) }, loaded);
    const run = ctx.em.run<string>('sweepSla');
    if (run.error) {
      out.write(`sweep failed: ${run.error.message}\n`);
      return 1;
    }
    const files = await closeRun(ctx, opts.outbox);
    out.write(
      `${run.value}\nSwept at ${new Date(now).toISOString()}; saved ${opts.workbook}; ${files.length} mail(s) in ${opts.outbox}.\n`,
    );
    return 0;
  } finally {
    await release();
  }
}
