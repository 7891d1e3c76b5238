import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { runInit } from '../../../src/local/cli/init';
import { runSweepCommand } from '../../../src/local/cli/run-sweep';
import { UsageError } from '../../../src/local/cli/usage-error';
import { loadRegisterXlsx } from '../../../src/local/register-xlsx';
import { saveXlsx } from '../../../src/local/emulator/spreadsheet/xlsx';
import { headersOf } from '../../../src/register/tab-spec';
import { ClientsTab, TicketsTab } from '../../../src/register/tabs';
import { spawnSync } from 'node:child_process';
import { CLI } from './run-state';

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();

async function register(dir: string): Promise<string> {
  const file = path.join(dir, 'reg.xlsx');
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  await runInit({ workbook: file, tz: 'America/Denver', account: 'support@helpdesk.test' }, sink);
  const wb = await loadRegisterXlsx(file);
  const row = (headers: string[], r: Record<string, unknown>) => headers.map((h) => (r[h] ?? '') as never);
  wb.writeRaw(
    'Clients',
    [
      row(headersOf(ClientsTab), {
        'Client ID': 'ACME',
        Name: 'Acme Corp',
        Plan: 'Standard',
        'CSM email': 'csm@helpdesk.test',
        'Escalation matrix': 'CSM-Director-VP',
        Status: 'Active',
      }),
    ],
    2,
    1,
  );
  const esc = wb.sheetValues('Escalation');
  const h = esc[0] as string[];
  esc.forEach((r, i) => {
    if (r[h.indexOf('Title')] === 'Director Client Success')
      wb.writeRaw('Escalation', [['director@helpdesk.test']], i + 1, h.indexOf('Email') + 1);
  });
  wb.writeRaw(
    'Tickets',
    [
      row(headersOf(TicketsTab), {
        'Ticket ID': 'T-000001',
        'Client ID': 'ACME',
        Requester: 'ann@acme.test',
        Subject: 'Export fails',
        Priority: 'High',
        Status: 'Open',
        'Received at': new Date(mt('2026-11-02T09:00')),
      }),
    ],
    2,
    1,
  );
  await saveXlsx(wb, file);
  return file;
}

describe('run sweep', () => {
  it('rejects bad input with a one-line usage error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sweep-'));
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    await expect(
      runSweepCommand({ workbook: path.join(dir, 'none.xlsx'), at: '2026-11-02T10:00:00-07:00', outbox: dir }, sink),
    ).rejects.toBeInstanceOf(UsageError);
    const file = await register(dir);
    await expect(runSweepCommand({ workbook: file, at: 'Monday', outbox: dir }, sink)).rejects.toThrow(
      /--at "Monday" is not an ISO date-time/,
    );
    // A time without its offset names a different instant in every zone: refused, not guessed.
    await expect(runSweepCommand({ workbook: file, at: '2026-11-02T10:00', outbox: dir }, sink)).rejects.toThrow(/with a UTC offset/);
    await expect(runSweepCommand({ workbook: file, at: '2026-02-30T10:00:00Z', outbox: dir }, sink)).rejects.toThrow(/not a calendar date/);
  });

  it('repeated runs across simulated time send exactly the escalations the matrix prescribes, each once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sweep-'));
    const file = await register(dir);
    let text = '';
    const sink = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
    const sweep = async (at: string, name: string) => {
      text = '';
      expect(await runSweepCommand({ workbook: file, at, outbox: path.join(dir, name) }, sink)).toBe(0);
      return readdirSync(path.join(dir, name)).map((f) => `${f}\n${readFileSync(path.join(dir, name, f), 'utf8')}`);
    };
    // High, Standard plan: first response due 13:00; at risk (the product's 80 %) from 12:12; the matrix: CSM at risk, Director breached.
    expect(await sweep('2026-11-02T11:00:00-07:00', 'a')).toEqual([]);
    expect(text).toMatch(/Swept 1 ticket; 1 updated\./);
    const atRisk = await sweep('2026-11-02T12:15:00-07:00', 'b');
    expect(atRisk).toHaveLength(1);
    expect(atRisk[0]).toMatch(/^To: csm@helpdesk\.test/m);
    expect(atRisk[0]).toMatch(/escalation-tier-1-first-response-at-risk/);
    expect(await sweep('2026-11-02T12:25:00-07:00', 'c')).toEqual([]);
    const breached = await sweep('2026-11-02T13:05:00-07:00', 'd');
    expect(breached).toHaveLength(1);
    expect(breached[0]).toMatch(/^To: director@helpdesk\.test/m);
    expect(breached[0]).toMatch(/^0001-sent-t-000001-escalation-tier-2-first-response-breached-acme-corp\.eml$/m);
    // breached + 4 business hours = 17:00: the VP tier, whose Email is blank, goes to the client's CSM.
    expect(await sweep('2026-11-02T16:55:00-07:00', 'e')).toEqual([]);
    const vp = await sweep('2026-11-02T17:05:00-07:00', 'f');
    expect(vp).toHaveLength(1);
    expect(vp[0]).toMatch(/escalation-tier-3-first-response-breached/);
    expect(vp[0]).toMatch(/^To: csm@helpdesk\.test/m);
    expect(await sweep('2026-11-05T10:00:00-07:00', 'g')).toEqual([]);
    const wb = await loadRegisterXlsx(file);
    const [h, t] = wb.sheetValues('Tickets') as unknown[][];
    const col = (name: string) => t![(h as string[]).indexOf(name)];
    expect(col('SLA state')).toBe('Breached');
    expect(col('Escalation tier')).toBe(3);
    expect(String(col('Notified')).split('\n')).toHaveLength(3);
  }, 60_000);

  it('runs into one outbox folder keep every earlier run’s mail, numbered after it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sweep-'));
    const file = await register(dir);
    const outbox = path.join(dir, 'outbox');
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    for (const at of ['2026-11-02T12:15:00-07:00', '2026-11-02T13:05:00-07:00', '2026-11-02T17:05:00-07:00']) {
      expect(await runSweepCommand({ workbook: file, at, outbox }, sink)).toBe(0);
    }
    expect(readdirSync(outbox).sort()).toEqual([
      '0001-sent-t-000001-escalation-tier-1-first-response-at-risk-acme-corp.eml',
      '0002-sent-t-000001-escalation-tier-2-first-response-breached-acme-corp.eml',
      '0003-sent-t-000001-escalation-tier-3-first-response-breached-acme-corp.eml',
    ]);
  }, 60_000);

  it('is wired into the CLI with help text, and a usage error is one line with exit 2', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
    const help = cli('run', 'sweep', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--workbook <file\.xlsx>[\s\S]*--at <iso>[\s\S]*--outbox <dir>/);
    const bad = cli('run', 'sweep', '--workbook', 'nope.xlsx', '--at', '2026-11-02T10:00:00-07:00', '--outbox', tmpdir());
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
