import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { Emulator } from '../../../src/local/emulator';
import { formatMbox } from '../../../src/local/emulator/mailfiles';
import { saveXlsx } from '../../../src/local/emulator/spreadsheet/xlsx';
import { ensureBundle } from '../../../src/local/bundle';
import { loadRegisterXlsx } from '../../../src/local/register-xlsx';
import { fillDemoRegister } from '../../../src/local/demo/register';
import { rawMail } from '../../../src/local/demo/mail-text';
import { SUPPORT_ADDRESS } from '../../../src/local/demo/register-data';
import { runInit } from '../../../src/local/cli/init';
import { runIngestCommand } from '../../../src/local/cli/run-ingest';
import { runSweepCommand } from '../../../src/local/cli/run-sweep';
import { runBilling } from '../../../src/local/cli/run-billing';
import { UsageError } from '../../../src/local/cli/usage-error';

/**
 * `run sweep --inbox`: given the mail `run ingest` read, the sweep has the tickets' Gmail
 * threads, so its Resolved notice answers in the request's thread (without it, a new mail).
 */
const ZONE = 'America/Denver';
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE });
const iso = (local: string) => at(local).toISO({ suppressMilliseconds: true })!;
const sink = { write: () => true } as unknown as NodeJS.WritableStream;
const header = (eml: string, name: string) => new RegExp(`^${name}: *(.*)$`, 'mi').exec(eml.split(/\r?\n\r?\n/)[0]!)?.[1]?.trim() ?? '';
const REQUEST = '<sweep-inbox-1@summit-outfitters.example>';

async function ingested(dir: string): Promise<{ wb: string; inbox: string }> {
  const wb = path.join(dir, 'register.xlsx');
  await runInit({ workbook: wb, tz: ZONE, account: SUPPORT_ADDRESS }, sink);
  const model = await loadRegisterXlsx(wb);
  const em = await new Emulator({
    workbook: model,
    user: SUPPORT_ADDRESS,
    scriptTimeZone: ZONE,
    now: at('2026-08-31T12:00').toMillis(),
  }).loadFile(ensureBundle());
  fillDemoRegister(em);
  await saveXlsx(model, wb);
  const inbox = path.join(dir, 'inbox.mbox');
  const sent = at('2026-09-01T08:10').toMillis();
  writeFileSync(
    inbox,
    formatMbox([
      {
        at: sent,
        raw: rawMail({
          from: 'Dana Wells <dana.wells@summit-outfitters.example>',
          to: SUPPORT_ADDRESS,
          subject: 'Checkout page is slow',
          at: sent,
          messageId: REQUEST,
          body: 'The checkout page takes ten seconds to load.',
        }),
      },
    ]),
  );
  expect(await runIngestCommand({ workbook: wb, inbox, at: iso('2026-09-01T08:15'), outbox: path.join(dir, 'ingest') }, sink)).toBe(0);
  // A person resolves the ticket in the exported workbook.
  const after = await loadRegisterXlsx(wb);
  const tickets = after.sheetValues('Tickets');
  after.writeRaw('Tickets', [['Resolved']], 2, (tickets[0] as string[]).indexOf('Status') + 1);
  await saveXlsx(after, wb);
  return { wb, inbox };
}

function notices(outbox: string): string[] {
  return readdirSync(outbox)
    .sort()
    .map((n) => readFileSync(path.join(outbox, n), 'utf8'))
    .filter((m) => header(m, 'To').includes('dana.wells@'));
}

describe('run sweep --inbox', () => {
  it("answers the Resolved notice in the request's Gmail thread; without it the notice is a new mail", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sweep-inbox-'));
    const { wb, inbox } = await ingested(dir);
    const acknowledged = notices(path.join(dir, 'ingest'));
    expect(acknowledged).toHaveLength(1);
    expect(header(acknowledged[0]!, 'In-Reply-To')).toBe(REQUEST);
    const plain = path.join(dir, 'plain.xlsx');
    copyFileSync(wb, plain);
    copyFileSync(`${wb}.properties.json`, `${plain}.properties.json`);

    expect(await runSweepCommand({ workbook: wb, inbox, at: iso('2026-09-01T09:00'), outbox: path.join(dir, 'with') }, sink)).toBe(0);
    const withInbox = notices(path.join(dir, 'with'));
    expect(withInbox).toHaveLength(1);
    expect(withInbox[0]).toMatch(/We have marked your request T-000001/);
    expect(header(withInbox[0]!, 'In-Reply-To')).toBe(REQUEST);
    // In the thread (In-Reply-To the request), under the notice's own subject with the ticket tag.
    expect(header(withInbox[0]!, 'Subject')).toBe('Re: [#T-000001] Resolved: Checkout page is slow');

    expect(await runSweepCommand({ workbook: plain, at: iso('2026-09-01T09:00'), outbox: path.join(dir, 'without') }, sink)).toBe(0);
    const without = notices(path.join(dir, 'without'));
    expect(without).toHaveLength(1);
    expect(header(without[0]!, 'In-Reply-To')).toBe('');
  }, 120_000);

  it('is checked like run ingest checks it, before any work, for sweep and billing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sweep-inbox-'));
    const wb = path.join(dir, 'register.xlsx');
    await runInit({ workbook: wb, tz: ZONE, account: SUPPORT_ADDRESS }, sink);
    const missing = path.join(dir, 'nope.mbox');
    await expect(runSweepCommand({ workbook: wb, inbox: missing, at: iso('2026-09-01T09:00'), outbox: dir }, sink)).rejects.toThrow(
      UsageError,
    );
    await expect(
      runBilling({ workbook: wb, inbox: missing, month: '2026-08', now: iso('2026-09-01T09:00'), outbox: dir }, sink),
    ).rejects.toThrow(/--inbox .*nope\.mbox does not exist/);
    const notMbox = path.join(dir, 'notes.txt');
    writeFileSync(notMbox, 'hello\n');
    await expect(runSweepCommand({ workbook: wb, inbox: notMbox, at: iso('2026-09-01T09:00'), outbox: dir }, sink)).rejects.toThrow(
      /not an mbox/,
    );
  }, 60_000);
});
