import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { loadXlsx } from '../../../src/local/emulator/spreadsheet/xlsx';

export const INBOX = path.resolve(__dirname, '../../fixtures/inbox');
const ROOT = path.resolve(__dirname, '../../..');
/** The compiled CLI, `support-desk` (built by `npm test`'s pretest and the tests' global setup). */
export const CLI = path.join(ROOT, 'build/cli.mjs');

/** The CLI as a user runs it, in its own process (so it can be killed). */
export function spawnCli(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function finished(
  child: ReturnType<typeof spawnCli>,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Everything a run leaves: every tab's values, the run state and the outbox (names and bytes). */
export async function snapshot(workbook: string, outbox: string) {
  const wb = await loadXlsx(workbook);
  const sheets = Object.fromEntries(wb.sheets.map((s) => [s.name, JSON.stringify(wb.sheetValues(s.name))]));
  const props = existsSync(`${workbook}.properties.json`) ? readFileSync(`${workbook}.properties.json`, 'utf8') : null;
  const mail = existsSync(outbox)
    ? readdirSync(outbox)
        .sort()
        .map((n) => `${n}:${readFileSync(path.join(outbox, n)).length}`)
    : [];
  return { sheets, props, mail };
}
