import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInit } from '../../../src/local/cli/init';
import { recoverRun } from '../../../src/local/cli/run-context';
import { finished, INBOX, snapshot, spawnCli } from './run-state';

const AT = '2026-11-02T09:00:00-07:00';
// Each kill spawns the compiled CLI for a whole ingest (register, bundle and mail loaded),
// so the suite runs 20; ATOMIC_SAVE_KILLS=50 runs the full 50 of the acceptance check.
const KILLS = Number(process.env.ATOMIC_SAVE_KILLS ?? 20);
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

describe('a run killed at any moment of its save', () => {
  it('leaves the workbook, run state and outbox all before or all after the run (repeated SIGKILLs)', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const blank = path.join(base, 'blank.xlsx');
    await runInit({ workbook: blank, tz: 'America/Denver', account: 'support@helpdesk.test' }, sink);

    // The reference run, start to end: the "after" state, and how long a run takes.
    const refDir = mkdtempSync(path.join(base, 'ref-'));
    const refWb = path.join(refDir, 'reg.xlsx');
    copyFileSync(blank, refWb);
    const before = await snapshot(refWb, path.join(refDir, 'out'));
    const t0 = Date.now();
    const ref = await finished(
      spawnCli(['run', 'ingest', '--workbook', refWb, '--inbox', INBOX, '--at', AT, '--outbox', path.join(refDir, 'out')]),
    );
    const took = Date.now() - t0;
    expect(ref.code, ref.stderr).toBe(0);
    const after = await snapshot(refWb, path.join(refDir, 'out'));
    expect(after.mail).toHaveLength(1);
    expect(after.sheets['Messages']).not.toBe(before.sheets['Messages']);

    const seen = { before: 0, after: 0 };
    for (let i = 0; i < KILLS; i++) {
      const dir = mkdtempSync(path.join(base, 'kill-'));
      const wb = path.join(dir, 'reg.xlsx');
      const out = path.join(dir, 'out');
      copyFileSync(blank, wb);
      const child = spawnCli(['run', 'ingest', '--workbook', wb, '--inbox', INBOX, '--at', AT, '--outbox', out]);
      const done = finished(child);
      // Spread from mid-run to well past the reference run's end: the save sits near the end,
      // and on a busy machine a run can take longer than the reference did, so the schedule
      // reaches past it (a kill after the run finished leaves the "after" state).
      const delay = Math.round(took * (0.4 + (1.2 * ((i * 37) % KILLS)) / KILLS));
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await done;
      clearTimeout(timer);
      // What the next run does first, holding the lock: finish a journaled commit or drop its temp files.
      recoverRun(wb, out);
      const now = await snapshot(wb, out);
      const same = (s: typeof before) => JSON.stringify(now) === JSON.stringify(s);
      expect(same(before) || same(after), `kill ${i} after ${delay} ms left a mix`).toBe(true);
      seen[same(after) ? 'after' : 'before']++;
      if (existsSync(out)) expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
      // Once replaced, the previous workbook is kept beside it.
      if (same(after)) expect(existsSync(`${wb}.bak`)).toBe(true);
    }
    // Both outcomes were hit, so the kills landed on both sides of the commit.
    expect(seen.before).toBeGreaterThan(0);
    expect(seen.after).toBeGreaterThan(0);
  }, 600_000);
});
