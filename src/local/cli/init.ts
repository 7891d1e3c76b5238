import { existsSync } from 'node:fs';
import { Emulator, WorkbookModel } from '../emulator';
import { saveXlsx } from '../emulator/spreadsheet/xlsx';
import { ensureBundle } from '../bundle';
import { UsageError } from './usage-error';

export { UsageError };

export interface InitOptions {
  readonly workbook: string;
  readonly tz: string;
  readonly account: string;
  readonly force?: boolean;
}

/** Writes a blank register: the real `setup` entry point run in the emulator on an empty spreadsheet. */
export async function runInit(opts: InitOptions, out: NodeJS.WritableStream): Promise<number> {
  if (existsSync(opts.workbook) && !opts.force) {
    throw new UsageError(`${opts.workbook} already exists; pass --force to overwrite it`);
  }
  const workbook = new WorkbookModel({ name: 'Support Desk', timeZone: opts.tz });
  const emulator = await new Emulator({ workbook, user: opts.account, scriptTimeZone: opts.tz }).loadFile(ensureBundle());
  const message = emulator.call<string>('setup');
  await saveXlsx(workbook, opts.workbook);
  out.write(`${message}\nWrote ${opts.workbook} (time zone ${opts.tz}).\n`);
  return 0;
}
