import { DEFAULT_WAIT_SECONDS } from './lock';
import { beginRun, closeRun, openRun, parseInstant, requireWorkbook } from './run-context';
import { UsageError } from './usage-error';

export interface RunBillingOptions {
  readonly workbook: string;
  readonly month: string;
  readonly final?: boolean;
  readonly outbox: string;
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
  requireWorkbook(opts.workbook);
  const now = opts.now === undefined ? Date.now() : parseInstant(opts.now, '--now', '2026-11-02T09:00:00-07:00');

  const { loaded, release } = await beginRun({ workbookFile: opts.workbook, outbox: opts.outbox, wait: opts.wait ?? DEFAULT_WAIT_SECONDS });
  try {
    // The invoice number ledger lives in document properties: <workbook>.properties.json.
    const ctx = await openRun({ workbookFile: opts.workbook, now }, loaded);
    const em = ctx.em;
    const run = em.run<string>('billMonth', opts.month, opts.final === true);
    if (run.error) {
      out.write(`billing failed: ${run.error.message}\n`);
      return 1;
    }
    const files = await closeRun(ctx, opts.outbox);
    out.write(`${run.value}\nSaved ${opts.workbook}; ${files.length} mail(s) in ${opts.outbox}.\n`);
    return 0;
  } finally {
    await release();
  }
}
