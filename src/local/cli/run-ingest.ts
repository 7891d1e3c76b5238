import { MailboxModel } from '../emulator';
import { DEFAULT_WAIT_SECONDS } from './lock';
import { beginRun, closeRun, openRun, parseInstant, requireWorkbook } from './run-context';
import { readInbox } from './inbox';
import { inboxIsEmpty, requireInbox } from './validate';

export interface RunIngestOptions {
  readonly workbook: string;
  /** An mbox file or a folder of .eml files. */
  readonly inbox: string;
  /** ISO instant the run happens at: only mail delivered by then is in the inbox. */
  readonly at: string;
  readonly outbox: string;
  /** Seconds to wait for another run on the workbook (`--wait`). */
  readonly wait?: number;
  /** Run even if `at` is before the run state's last run (`--force`). */
  readonly force?: boolean;
}

/**
 * `run ingest`: the real `ingestInbox` trigger of build/Code.js, run in the emulator on an
 * exported register and an inbox holding the mail delivered by `--at`. The workbook is
 * saved in place; every mail sent or drafted goes to the outbox folder as .eml. The run's
 * document properties (checkpoint, unsent replies) are kept next to the workbook in
 * `<workbook>.properties.json`, as Apps Script keeps them with the document.
 */
export async function runIngestCommand(opts: RunIngestOptions, out: NodeJS.WritableStream): Promise<number> {
  requireWorkbook(opts.workbook);
  requireInbox(opts.inbox);
  const now = parseInstant(opts.at, '--at');
  // An empty inbox is "No new mail" (see validate.ts), checked like the rest before the lock.
  const empty = inboxIsEmpty(opts.inbox);
  // The mail is read (and refused when it cannot be) before the register is locked and loaded.
  const items = empty ? [] : (await readInbox(opts.inbox)).filter((i) => i.deliveredAt <= now);
  const { loaded, release } = await beginRun({
    workbookFile: opts.workbook,
    outbox: opts.outbox,
    wait: opts.wait ?? DEFAULT_WAIT_SECONDS,
    at: now,
    force: opts.force,
  });
  try {
    if (empty) {
      out.write(`No new mail: ${opts.inbox} is empty; nothing saved.\n`);
      return 0;
    }
    const mailbox = new MailboxModel({ address: loaded.account });
    for (const it of items) await mailbox.deliver(it.raw, { at: it.deliveredAt });

    const ctx = await openRun({ workbookFile: opts.workbook, now, mailbox: () => mailbox }, loaded);
    const em = ctx.em;
    const run = em.run<string>('ingestInbox');
    if (run.error) {
      out.write(`ingest failed: ${run.error.message}\n`);
      return 1;
    }
    // Each run's mailbox is fresh: its mail is added after what earlier runs wrote to the outbox.
    const files = await closeRun(ctx, opts.outbox);
    out.write(
      `${run.value}\n${items.length} mail(s) delivered by ${new Date(now).toISOString()}; saved ${opts.workbook}; ${files.length} mail(s) in ${opts.outbox}.\n`,
    );
    return 0;
  } finally {
    await release();
  }
}
