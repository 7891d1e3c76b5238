import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Emulator, WorkbookModel } from '../emulator';
import { saveXlsx } from '../emulator/spreadsheet/xlsx';
import { ensureBundle } from '../bundle';
import { UsageError } from './usage-error';
import { requireAddress } from './validate';

export { UsageError };

export interface InitOptions {
  readonly workbook: string;
  readonly tz: string;
  readonly account: string;
  readonly force?: boolean;
}

/** Writes a blank register: the real `setup` entry point run in the emulator on an empty spreadsheet. */
export async function runInit(opts: InitOptions, out: NodeJS.WritableStream): Promise<number> {
  // The file is always .xlsx: another extension would only mislead whoever opens it.
  if (!/\.xlsx$/i.test(opts.workbook))
    throw new UsageError(`--workbook ${opts.workbook}: the register is written as .xlsx; name the file *.xlsx`);
  const account = requireAddress(opts.account, '--account');
  const folder = dirname(opts.workbook);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`--workbook ${opts.workbook}: folder ${folder} does not exist`);
  if (existsSync(opts.workbook) && statSync(opts.workbook).isDirectory()) throw new UsageError(`--workbook ${opts.workbook} is a folder`);
  if (existsSync(opts.workbook) && !opts.force) {
    throw new UsageError(`${opts.workbook} already exists; pass --force to overwrite it`);
  }
  const workbook = new WorkbookModel({ name: 'Support Desk', timeZone: opts.tz });
  // Setup runs now, as it would in the sheet: its Log line is dated today and the seeded
  // holidays are this year's and next (the emulator's default clock is a fixed test date).
  const emulator = await new Emulator({ workbook, user: account, scriptTimeZone: opts.tz, now: Date.now() }).loadFile(ensureBundle());
  const message = emulator.call<string>('setup');
  await saveXlsx(workbook, opts.workbook);
  out.write(`${message}\nWrote ${opts.workbook} (time zone ${opts.tz}).\n`);
  return 0;
}
