import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInit } from '../../../src/local/cli/init';
import { loadXlsx } from '../../../src/local/emulator/spreadsheet/xlsx';
import { finished, INBOX, spawnCli } from './run-state';

const AT = '2026-11-02T09:00:00-07:00';
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

async function blankRegister(dir: string): Promise<string> {
  const wb = path.join(dir, 'reg.xlsx');
  await runInit({ workbook: wb, tz: 'America/Denver', account: 'support@helpdesk.test' }, sink);
  return wb;
}

const ingest = (wb: string, out: string, ...more: string[]) =>
  spawnCli(['run', 'ingest', '--workbook', wb, '--inbox', INBOX, '--at', AT, '--outbox', out, ...more]);
const messageIds = (out: string) =>
  readdirSync(out).map((n) => /^message-id:\s*(\S+)/im.exec(readFileSync(path.join(out, n), 'latin1'))?.[1]);
const rows = async (wb: string, tab: string) =>
  (await loadXlsx(wb))
    .sheetValues(tab)
    .slice(1)
    .filter((r) => r.some((v) => v !== ''));

describe('one run at a time on a workbook', () => {
  it('two concurrent ingests: one waits for the other, each mail is sent once and every message is kept', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const wb = await blankRegister(dir);
    // What one run alone leaves: the reference.
    const refDir = mkdtempSync(path.join(dir, 'ref-'));
    const refWb = path.join(refDir, 'reg.xlsx');
    copyFileSync(wb, refWb);
    const ref = await finished(ingest(refWb, path.join(refDir, 'out')));
    expect(ref.code, ref.stderr).toBe(0);

    const out = path.join(dir, 'out');
    const [a, b] = await Promise.all([finished(ingest(wb, out)), finished(ingest(wb, out))]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    // The run that waited found the first one's checkpoint and ledger: nothing new to do.
    expect([a.stdout, b.stdout].filter((s) => /No new mail/.test(s))).toHaveLength(1);
    const ids = messageIds(out);
    expect(ids).toHaveLength(messageIds(path.join(refDir, 'out')).length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await rows(wb, 'Messages')).toEqual(await rows(refWb, 'Messages'));
    expect(await rows(wb, 'Tickets')).toEqual(await rows(refWb, 'Tickets'));
  }, 120_000);

  it('an ingest and a sweep at once: the sweep does not save over the ingest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const wb = await blankRegister(dir);
    const refDir = mkdtempSync(path.join(dir, 'ref-'));
    const refWb = path.join(refDir, 'reg.xlsx');
    copyFileSync(wb, refWb);
    expect((await finished(ingest(refWb, path.join(refDir, 'out')))).code).toBe(0);

    const out = path.join(dir, 'out');
    const [a, b] = await Promise.all([
      finished(ingest(wb, out)),
      finished(spawnCli(['run', 'sweep', '--workbook', wb, '--at', AT, '--outbox', out])),
    ]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(await rows(wb, 'Messages')).toEqual(await rows(refWb, 'Messages'));
    expect((await rows(wb, 'Tickets')).map((r) => r[0])).toEqual((await rows(refWb, 'Tickets')).map((r) => r[0]));
    const ids = messageIds(out);
    expect(new Set(ids).size).toBe(ids.length);
  }, 120_000);

  it('a held lock makes a run give up after --wait with exit 75 and one line; a stale one is taken over', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const wb = await blankRegister(dir);
    const before = readFileSync(wb);
    // A live run's lock: proper-lockfile's folder, freshly touched.
    mkdirSync(`${wb}.lock`);
    const busy = await finished(ingest(wb, path.join(dir, 'out'), '--wait', '0.5'));
    expect(busy.code).toBe(75);
    expect(busy.stderr.trim().split('\n')).toHaveLength(1);
    expect(busy.stderr).toMatch(/in use by another run \(waited 0\.5 s\)/);
    expect(readFileSync(wb).equals(before)).toBe(true);

    // The same lock left by a killed process: not refreshed for a minute.
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${wb}.lock`, old, old);
    const taken = await finished(ingest(wb, path.join(dir, 'out'), '--wait', '0'));
    expect(taken.code, taken.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out'))).toHaveLength(1);
    // Released at the end of the run.
    expect(readdirSync(dir)).not.toContain('reg.xlsx.lock');
  }, 120_000);
});
