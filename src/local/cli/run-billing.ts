import { existsSync } from 'node:fs';
import { Emulator, MailboxModel } from '../emulator';
import { writeOutbox } from '../emulator/gmail';
import { loadXlsx, saveXlsx } from '../emulator/spreadsheet/xlsx';
import { ensureBundle } from '../bundle';
import { UsageError } from './usage-error';

export interface RunBillingOptions {
  readonly workbook: string;
  readonly month: string;
  readonly final?: boolean;
  readonly outbox: string;
  /** ISO instant to run at (default: now); decides which dates are "in the future". */
  readonly now?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * `run billing`: the real `billMonth` entry point of build/Code.js, run in the emulator on
 * an exported register. The workbook is saved back in place (with the Billing YYYY-MM tab
 * and the Hours tab's Counted / Reason / Problems) and the Gmail drafts it made — the
 * finance statement and client statements — are written to the outbox as .eml files.
 */
export async function runBilling(opts: RunBillingOptions, out: NodeJS.WritableStream): Promise<number> {
  if (!MONTH.test(opts.month)) throw new UsageError(`--month "${opts.month}" is not a month: use YYYY-MM, e.g. 2026-10`);
  if (!existsSync(opts.workbook)) throw new UsageError(`${opts.workbook} does not exist (make one with \`init\`)`);
  const now = opts.now === undefined ? Date.now() : Date.parse(opts.now);
  if (Number.isNaN(now)) throw new UsageError(`--now "${opts.now}" is not an ISO date-time, e.g. 2026-11-02T09:00:00-07:00`);

  const workbook = await loadXlsx(opts.workbook);
  const settings = workbook.sheet('Settings')?.values() ?? [];
  const account = String(settings.find((r) => r[0] === 'Support address')?.[1] ?? '').trim() || 'support@example.com';
  const em = await new Emulator({ workbook, mailbox: new MailboxModel({ address: account }), user: account, now, scriptTimeZone: workbook.timeZone }).loadFile(ensureBundle());
  const run = em.run<string>('billMonth', opts.month, opts.final === true);
  if (run.error) {
    out.write(`billing failed: ${run.error.message}\n`);
    return 1;
  }
  await saveXlsx(workbook, opts.workbook);
  const files = await writeOutbox(em.mailbox, opts.outbox);
  out.write(`${run.value}\nSaved ${opts.workbook}; ${files.length} mail(s) in ${opts.outbox}.\n`);
  return 0;
}
