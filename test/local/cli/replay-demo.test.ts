import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRegisterXlsx } from '../../../src/local/register-xlsx';
import { demoReplayOptions, prepareDemo, replayDemo } from '../../../src/local/demo/run-demo';
import { finished, spawnCli } from './run-state';

/**
 * The demo is `run replay` of its month: the CLI, given out/demo-start.xlsx, its mbox and
 * its edits file, gives the register and outbox `npm run demo` gives. Both run at once
 * (the CLI in its own process), so on two free cores the test takes about one replay of
 * the month (some 60 s of CPU each); on a loaded machine much longer, hence the time limit.
 */
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

async function everyTab(file: string): Promise<Record<string, string>> {
  const wb = await loadRegisterXlsx(file);
  return Object.fromEntries(wb.sheets.map((s) => [s.name, JSON.stringify(wb.sheetValues(s.name))]));
}
/** Each mail's name and bytes; the MIME boundaries of multipart mail are random (as Gmail's are), so they are left out. */
const outbox = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((n) => `${n}\n${readFileSync(path.join(dir, n), 'latin1').replace(/--_NmP-[0-9a-f]+-Part_/g, '--_NmP-(boundary)-Part_')}`);

describe('run replay of the demo month', () => {
  it('gives the same register, run state and outbox as npm run demo', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'replay-demo-'));
    const opts = { month: '2026-09', seed: 1, out: path.join(base, 'demo') };
    const files = await prepareDemo(opts, () => {});

    const cliDir = path.join(base, 'cli');
    mkdirSync(cliDir);
    // The same file name: the emulated spreadsheet's id (in the links mail carries) is made from it.
    const register = path.join(cliDir, 'demo-register.xlsx');
    copyFileSync(files.start, register);
    const demoArgs = demoReplayOptions(files, opts.month, opts.seed);
    const t0 = performance.now();
    const cli = finished(
      spawnCli([
        'run',
        'replay',
        '--workbook',
        register,
        '--inbox',
        files.inbox,
        '--edits',
        files.edits,
        '--from',
        demoArgs.from,
        '--to',
        demoArgs.to,
        '--outbox',
        path.join(cliDir, 'outbox'),
        '--daily-quota',
        String(demoArgs.dailyQuota),
      ]),
    ).then((r) => ({ ...r, seconds: (performance.now() - t0) / 1000 }));
    const demo = await replayDemo(files, opts, () => {}, sink, true);
    const run = await cli;
    process.stdout.write(`run replay of the demo month: ${run.seconds.toFixed(1)} s\n`);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(demo.stats.failedRuns).toEqual([]);
    expect(demo.problems).toEqual([]);
    expect(run.stdout).toMatch(
      /^Replayed .* ingestInbox 8630×, sweepSla 4315×, checkHours 720×, runMonthlyBilling 1×; 61 mail\(s\) delivered; 99 edit\(s\) applied\.$/m,
    );
    expect(run.stdout.match(/^ {2}2026-09-\d\d: /gm)).toHaveLength(30);

    expect(await everyTab(register)).toEqual(await everyTab(files.register));
    expect(readFileSync(`${register}.properties.json`, 'utf8')).toBe(readFileSync(`${files.register}.properties.json`, 'utf8'));
    const mail = outbox(path.join(cliDir, 'outbox'));
    expect(mail.length).toBeGreaterThan(60);
    expect(mail).toEqual(outbox(files.outbox));
    expect(existsSync(path.join(process.cwd(), 'replay-outbox'))).toBe(false);
  }, 900_000);
});
