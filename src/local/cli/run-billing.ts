import { userInfo } from 'node:os';
import { inboxMail, mailboxWith } from './inbox';
import { DEFAULT_WAIT_SECONDS } from './lock';
import { beginRun, closeRun, openRun, parseInstant, requireWorkbook } from './run-context';
import { UsageError } from './usage-error';

export interface RunBillingOptions {
  readonly workbook: string;
  readonly month: string;
  readonly final?: boolean;
  /** Reopen a Final month first, with `reason` (required) logged with `by`. */
  readonly reopen?: boolean;
  readonly reason?: string;
  readonly by?: string;
  readonly outbox: string;
  /** The mailbox's mail (mbox or folder of .eml), so notices answer in the tickets' Gmail threads. */
  readonly inbox?: string;
  /** ISO instant to run at (default: now); decides which dates are "in the future". */
  readonly now?: string;
  /** Seconds to wait for another run on the workbook (`--wait`). */
  readonly wait?: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * `run billing`: the real `billMonth` entry point of build/Code.js, run in the emulator on
 * an exported register. The workbook is saved back in place (with the Billing YYYY-MM tab
 * and the Hours tab's Counted / Reason / Problems, and the Invoices tab), the document
 * properties beside it (the invoice number ledger), and the Gmail drafts it made — the
 * finance statement, client statements and invoices — are written to the outbox as .eml
 * files, each invoice PDF beside its draft.
 */
export async function runBilling(opts: RunBillingOptions, out: NodeJS.WritableStream): Promise<number> {
  if (!MONTH.test(opts.month)) throw new UsageError(`--month "${opts.month}" is not a month: use YYYY-MM, e.g. 2026-10`);
  if (opts.reopen && !opts.reason?.trim()) throw new UsageError('--reopen needs --reason "why": it is logged with who reopened the month');
  if (opts.reason !== undefined && !opts.reopen) throw new UsageError('--reason goes with --reopen');
  requireWorkbook(opts.workbook);
  const by = opts.by?.trim() || userInfo().username;
  const now = opts.now === undefined ? Date.now() : parseInstant(opts.now, '--now', '2026-11-02T09:00:00-07:00');
  const mail = await inboxMail(opts.inbox, now);

  const { loaded, release } = await beginRun({ workbookFile: opts.workbook, outbox: opts.outbox, wait: opts.wait ?? DEFAULT_WAIT_SECONDS });
  try {
    // The invoice number ledger lives in document properties: <workbook>.properties.json.
    const ctx = await openRun({ workbookFile: opts.workbook, now, mailbox: (account) => mailboxWith(account, mail) }, loaded);
    const em = ctx.em;
    const run = em.run<{ message: string; refused: boolean }>(
      'billMonthOutcome',
      opts.month,
      opts.final === true,
      opts.reopen ? opts.reason : null,
      by,
    );
    if (run.error) {
      out.write(`billing failed: ${run.error.message}\n`);
      return 1;
    }
    // A refused month is still saved: the refusal is in the Log tab.
    const files = await closeRun(ctx, opts.outbox);
    out.write(`${run.value!.message}\nSaved ${opts.workbook}; ${files.length} mail(s) in ${opts.outbox}.\n`);
    return run.value!.refused ? 2 : 0;
  } finally {
    await release();
  }
}
