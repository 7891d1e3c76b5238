import { xlsxBuffer } from '../emulator/spreadsheet/xlsx';
import { commitFiles } from './commit';
import { markSaved } from './interrupt';
import { DEFAULT_WAIT_SECONDS } from './lock';
import { beginRun, openRun } from './run-context';

export interface SetupOptions {
  readonly workbook: string;
  readonly wait?: number;
}

/**
 * `setup`: the real `setup` entry point (the sheet's Support Desk → Set up register) run on
 * an existing register: missing tabs, columns, dropdowns and settings are restored, rows
 * already there are kept. Saved like every run (locked, atomically, the old file as .bak).
 */
export async function runSetupCommand(opts: SetupOptions, out: NodeJS.WritableStream): Promise<number> {
  const { loaded, release } = await beginRun({ workbookFile: opts.workbook, wait: opts.wait ?? DEFAULT_WAIT_SECONDS, register: false });
  try {
    const ctx = await openRun({ workbookFile: opts.workbook, now: Date.now(), properties: false }, loaded);
    const run = ctx.em.run<string>('setup');
    if (run.error) {
      out.write(`setup failed: ${run.error.message}\n`);
      return 1;
    }
    commitFiles(opts.workbook, [{ target: opts.workbook, data: await xlsxBuffer(ctx.workbook) }]);
    markSaved();
    out.write(`${run.value}\nSaved ${opts.workbook}.\n`);
    return 0;
  } finally {
    await release();
  }
}
