import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runIngestCommand } from '../../../src/local/cli/run-ingest';
import { deliveryTime } from '../../../src/local/emulator/mailfiles';
import { runInit } from '../../../src/local/cli/init';
import { UsageError } from '../../../src/local/cli/usage-error';

const FIXTURES = path.resolve(__dirname, '../../fixtures/inbox');

describe('run ingest', () => {
  it('dates an .eml by its first Received header, else its Date (the loader the emulator uses)', () => {
    expect(deliveryTime(readFileSync(path.join(FIXTURES, '10-duplicate-delivery.eml')))).toBe(Date.parse('2026-11-02T15:31:30Z'));
    expect(deliveryTime(Buffer.from('Date: Mon, 02 Nov 2026 08:30:00 -0700\r\n\r\nx'))).toBe(Date.parse('2026-11-02T15:30:00Z'));
  });

  it('rejects bad input with a usage error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ingest-'));
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    await expect(
      runIngestCommand({ workbook: path.join(dir, 'none.xlsx'), inbox: FIXTURES, at: '2026-11-02T15:00:00-07:00', outbox: dir }, sink),
    ).rejects.toBeInstanceOf(UsageError);
    const wb = path.join(dir, 'reg.xlsx');
    await runInit({ workbook: wb, tz: 'America/Denver', account: 'support@helpdesk.test' }, sink);
    await expect(runIngestCommand({ workbook: wb, inbox: FIXTURES, at: 'soon', outbox: dir }, sink)).rejects.toThrow(
      /not an ISO date-time/,
    );
  });

  it('runs the trigger on an exported register, only on mail delivered by --at, and a second run sends nothing new', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ingest-'));
    const wb = path.join(dir, 'reg.xlsx');
    let text = '';
    const sink = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
    await runInit({ workbook: wb, tz: 'America/Denver', account: 'support@helpdesk.test' }, sink);
    // 09:00 MST: only the first request and its duplicate delivery have arrived.
    expect(
      await runIngestCommand({ workbook: wb, inbox: FIXTURES, at: '2026-11-02T09:00:00-07:00', outbox: path.join(dir, 'out') }, sink),
    ).toBe(0);
    expect(text).toMatch(/2 mail\(s\) delivered/);
    // The register has no contacts: the request gets the one polite "unregistered" reply.
    expect(readdirSync(path.join(dir, 'out'))).toHaveLength(1);
    text = '';
    expect(
      await runIngestCommand({ workbook: wb, inbox: FIXTURES, at: '2026-11-02T09:05:00-07:00', outbox: path.join(dir, 'out2') }, sink),
    ).toBe(0);
    expect(text).toMatch(/No new mail/);
    expect(readdirSync(path.join(dir, 'out2'))).toHaveLength(0);
  });
});
