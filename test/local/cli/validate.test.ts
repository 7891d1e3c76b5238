import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInit } from '../../../src/local/cli/init';
import { runIngestCommand } from '../../../src/local/cli/run-ingest';
import { runSweepCommand } from '../../../src/local/cli/run-sweep';
import { runBilling } from '../../../src/local/cli/run-billing';
import { runSetupCommand } from '../../../src/local/cli/setup';
import { UsageError } from '../../../src/local/cli/usage-error';
import { loadXlsx, saveXlsx } from '../../../src/local/emulator/spreadsheet/xlsx';
import { finished, INBOX, spawnCli } from './run-state';

let text = '';
const sink = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
const AT = '2026-11-02T09:00:00-07:00';

async function register(dir: string, tz = 'America/Denver'): Promise<string> {
  const wb = path.join(dir, 'reg.xlsx');
  await runInit({ workbook: wb, tz, account: 'support@helpdesk.test' }, sink);
  return wb;
}

describe('every command validates before it works', () => {
  it('an empty inbox (empty mbox, folder without .eml) is "No new mail", exit 0, nothing saved', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    const wb = await register(dir);
    const before = readFileSync(wb);
    const mbox = path.join(dir, 'rotated.mbox');
    writeFileSync(mbox, '');
    const folder = path.join(dir, 'empty-inbox');
    mkdirSync(folder);
    for (const inbox of [mbox, folder]) {
      text = '';
      expect(await runIngestCommand({ workbook: wb, inbox, at: AT, outbox: path.join(dir, 'out') }, sink)).toBe(0);
      expect(text).toMatch(/^No new mail/);
    }
    expect(readFileSync(wb).equals(before)).toBe(true);
    expect(existsSync(`${wb}.properties.json`)).toBe(false);
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
  }, 60_000);

  it("--at before the run state's last run is refused unless --force", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    const wb = await register(dir);
    expect(await runIngestCommand({ workbook: wb, inbox: INBOX, at: AT, outbox: path.join(dir, 'out') }, sink)).toBe(0);
    const state = readFileSync(`${wb}.properties.json`, 'utf8');
    const saved = readFileSync(wb);
    const earlier = '2026-11-02T08:00:00-07:00';
    await expect(runSweepCommand({ workbook: wb, at: earlier, outbox: path.join(dir, 'out') }, sink)).rejects.toThrow(
      /--at 2026-11-02T15:00:00.000Z is before the last run \(2026-11-02T16:00:00.000Z\); pass --force/,
    );
    await expect(runIngestCommand({ workbook: wb, inbox: INBOX, at: earlier, outbox: path.join(dir, 'out') }, sink)).rejects.toBeInstanceOf(
      UsageError,
    );
    expect(readFileSync(wb).equals(saved)).toBe(true);
    expect(readFileSync(`${wb}.properties.json`, 'utf8')).toBe(state);
    // The same instant as the last run, or a deliberate re-run in the past, goes ahead.
    expect(await runSweepCommand({ workbook: wb, at: AT, outbox: path.join(dir, 'out') }, sink)).toBe(0);
    expect(await runSweepCommand({ workbook: wb, at: earlier, outbox: path.join(dir, 'out'), force: true }, sink)).toBe(0);
  }, 120_000);

  it('init: the default calendar follows --tz and is named for its zone; --account must be an address', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    const wb = await register(dir, 'Europe/London');
    const book = await loadXlsx(wb);
    const calendars = book.sheetValues('Calendars');
    expect(calendars[1]!.slice(0, 2)).toEqual(['London-8-5', 'Europe/London']);
    expect(calendars[2]!.slice(0, 2)).toEqual(['24x7', 'Europe/London']);
    expect(book.sheetValues('Settings').find((r) => r[0] === 'Default calendar')?.[1]).toBe('London-8-5');
    expect(
      new Set(
        book
          .sheetValues('Holidays')
          .slice(1)
          .map((r) => r[0]),
      ),
    ).toEqual(new Set(['London-8-5']));
    // Denver keeps the seeds' name.
    const denver = await loadXlsx(await register(mkdtempSync(path.join(tmpdir(), 'validate-'))));
    expect(denver.sheetValues('Calendars')[1]!.slice(0, 2)).toEqual(['MT-8-5', 'America/Denver']);

    const bad = path.join(dir, 'bad.xlsx');
    await expect(runInit({ workbook: bad, tz: 'America/Denver', account: 'notanemail' }, sink)).rejects.toThrow(
      /--account "notanemail" is not a mail address/,
    );
    expect(existsSync(bad)).toBe(false);
  }, 60_000);

  it('a missing tab names the CLI command that restores it, saves nothing, and `setup` restores it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    const wb = await register(dir);
    const book = await loadXlsx(wb);
    book.removeSheet(book.requireSheet('Tickets'));
    await saveXlsx(book, wb);
    const before = readFileSync(wb);
    const out = path.join(dir, 'out');
    for (const attempt of [
      () => runSweepCommand({ workbook: wb, at: AT, outbox: out }, sink),
      () => runIngestCommand({ workbook: wb, inbox: INBOX, at: AT, outbox: out }, sink),
      () => runBilling({ workbook: wb, month: '2026-10', outbox: out, now: AT }, sink),
    ]) {
      await expect(attempt()).rejects.toThrow(/has no Tickets tab: run `support-desk setup --workbook .*reg\.xlsx` to restore it/);
    }
    expect(readFileSync(wb).equals(before)).toBe(true);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(`${wb}.properties.json`)).toBe(false);

    // As a user runs it: one line, exit 2, no menu.
    const cli = await finished(spawnCli(['run', 'sweep', '--workbook', wb, '--at', AT, '--outbox', out]));
    expect(cli.code).toBe(2);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).not.toMatch(/Set up register|→/);
    expect(cli.stdout).not.toMatch(/saved/i);

    text = '';
    expect(await runSetupCommand({ workbook: wb }, sink)).toBe(0);
    expect((await loadXlsx(wb)).sheet('Tickets')).toBeDefined();
    expect(existsSync(`${wb}.bak`)).toBe(true);
    expect(await runSweepCommand({ workbook: wb, at: AT, outbox: out }, sink)).toBe(0);
  }, 120_000);
});
