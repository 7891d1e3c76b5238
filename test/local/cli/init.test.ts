import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegisterXlsx } from '../../../src/local/register-xlsx';
import { ALL_TABS } from '../../../src/register/tabs';
import { headersOf } from '../../../src/register/tab-spec';
import { CLI } from './run-state';

const dir = mkdtempSync(join(tmpdir(), 'cli-init-'));
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('cli init', () => {
  it('writes a register with every tab, header, dropdown and default, in the chosen time zone', async () => {
    const file = join(dir, 'register.xlsx');
    const before = Date.now();
    const r = cli('init', '--workbook', file, '--tz', 'Europe/London', '--account', 'help@acme.example');
    const after = Date.now();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(`Register ready: created ${ALL_TABS.length} tabs`);
    const wb = await loadRegisterXlsx(file);
    expect(wb.timeZone).toBe('Europe/London'); // from the Provider time zone setting
    for (const spec of ALL_TABS) {
      const sheet = wb.sheet(spec.name);
      expect(sheet, spec.name).toBeDefined();
      expect(wb.sheetValues(spec.name)[0]).toEqual(headersOf(spec));
      expect(sheet!.frozenRows).toBe(1);
    }
    const tickets = wb.sheet('Tickets')!;
    const priorityCol = headersOf(ALL_TABS.find((t) => t.name === 'Tickets')!).indexOf('Priority');
    const rule = tickets.validation(2, priorityCol + 1)!;
    expect(rule.criteria).toBe('VALUE_IN_LIST');
    expect(rule.values[0]).toEqual(['Critical', 'High', 'Medium', 'Low']);
    const settings = Object.fromEntries(
      wb
        .sheetValues('Settings')
        .slice(1)
        .map((row) => [row[0], row[1]]),
    );
    expect(settings['Support address']).toBe('help@acme.example');
    expect(settings['Default hourly rate']).toBe(125);
    // Holidays stay dates through the file: Thanksgiving 2026 is local midnight in London.
    const holidays = wb.sheetValues('Holidays');
    const thanksgiving = holidays.find((row) => row[2] === 'Thanksgiving');
    expect((thanksgiving![1] as Date).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    // Setup ran now, not at the emulator's fixed test date: the Log says when, and the
    // holidays are this year's and next.
    const logged = (wb.sheetValues('Log')[1]![0] as Date).getTime();
    expect(logged).toBeGreaterThanOrEqual(before - 1000);
    expect(logged).toBeLessThan(after + 60_000); // plus the modeled run time
    const years = new Set(holidays.slice(1).map((row) => (row[1] as Date).getUTCFullYear()));
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/London', year: 'numeric' }).format(before));
    expect([...years].sort()).toEqual([year, year + 1]);
  });

  it('refuses to overwrite without --force, with one line and exit code 2', () => {
    const file = join(dir, 'twice.xlsx');
    expect(cli('init', '--workbook', file).status).toBe(0);
    const again = cli('init', '--workbook', file);
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toEqual([`support-desk: ${file} already exists; pass --force to overwrite it`]);
    expect(cli('init', '--workbook', file, '--force').status).toBe(0);
  });

  it('answers unknown commands and bad arguments with one line and exit code 2', () => {
    for (const args of [
      ['bogus'],
      ['init'],
      ['init', '--workbook', join(dir, 'x.xlsx'), '--tz', 'Mars/Olympus'],
      ['init', '--nope'],
      ['init', '--workbook', join(dir, 'x.csv')], // written as .xlsx whatever the name: refuse a misleading one
      ['init', '--workbook', join(dir, 'no-such-folder', 'x.xlsx')],
      ['init', '--workbook', dir, '--force'], // a folder
    ]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^support-desk: /);
    }
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  it('has help on every command', () => {
    for (const args of [['--help'], ['init', '--help'], ['sla', '--help']]) {
      const r = cli(...args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Usage: support-desk/);
    }
  });
});
