import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
import { CLIENTS, SUPPORT_ADDRESS } from '../../../src/local/demo/register-data';
import { runInit } from '../../../src/local/cli/init';
import { finished, spawnCli } from './run-state';

/**
 * `run replay` as a user runs it (the compiled CLI): the triggers of the deployed script on
 * one simulated clock in one emulator, an inbox delivered at its times and people's edits
 * from a JSON-lines file through the edit trigger.
 */
const ZONE = 'America/Denver';
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE });
const iso = (local: string) => at(local).toISO({ suppressMilliseconds: true })!;
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

/** A register made by `init` with the demo's clients, contacts and calendars typed in. */
async function demoRegister(file: string): Promise<void> {
  await runInit({ workbook: file, tz: ZONE, account: SUPPORT_ADDRESS }, sink);
  const wb = await loadRegisterXlsx(file);
  const em = await new Emulator({
    workbook: wb,
    user: SUPPORT_ADDRESS,
    scriptTimeZone: ZONE,
    now: at('2026-08-31T12:00').toMillis(),
  }).loadFile(ensureBundle());
  fillDemoRegister(em);
  await saveXlsx(wb, file);
}

type Row = Record<string, unknown>;
async function table(file: string, tab: string): Promise<Row[]> {
  const [h, ...rows] = (await loadRegisterXlsx(file)).sheetValues(tab) as unknown[][];
  return rows.filter((r) => r.some((v) => v !== '')).map((r) => Object.fromEntries((h as string[]).map((k, i) => [k, r[i]])));
}
const header = (eml: string, name: string) => new RegExp(`^${name}: *(.*)$`, 'mi').exec(eml.split(/\r?\n\r?\n/)[0]!)?.[1]?.trim() ?? '';

describe('run replay', () => {
  it('applies each edit at its time through the edit trigger, reports the ones it cannot apply by line, and answers in the Gmail thread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'replay-'));
    const wb = path.join(dir, 'register.xlsx');
    await demoRegister(wb);
    const summit = CLIENTS.find((c) => c.id === 'SUMMIT')!;
    const dana = summit.contacts.find((c) => c.canOpen)!;
    const request = '<replay-1@summit-outfitters.example>';
    const inbox = path.join(dir, 'inbox.mbox');
    writeFileSync(
      inbox,
      formatMbox([
        {
          at: at('2026-09-01T08:10').toMillis(),
          raw: rawMail({
            from: `${dana.name} <${dana.email}>`,
            to: SUPPORT_ADDRESS,
            subject: 'Checkout page is slow',
            at: at('2026-09-01T08:10').toMillis(),
            messageId: request,
            body: 'Hi team,\n\nThe checkout page takes ten seconds to load.\n\nDana',
          }),
        },
      ]),
    );
    const edits = path.join(dir, 'edits.jsonl');
    writeFileSync(
      edits,
      [
        JSON.stringify({ at: iso('2026-09-01T08:40'), tab: 'Tickets', ticket: request, set: { Priority: 'High', Assignee: summit.csm } }),
        'this is not JSON',
        JSON.stringify({ at: iso('2026-09-01T09:00'), tab: 'Tickets', ticket: 'T-000999', set: { Status: 'Resolved' } }),
        JSON.stringify({ at: iso('2026-09-01T09:05'), tab: 'Tickets', ticket: request, set: { 'No such column': 'x' } }),
        JSON.stringify({
          at: iso('2026-09-01T10:00'),
          tab: 'Hours',
          append: {
            Date: '2026-09-01',
            'Client ID': 'SUMMIT',
            Person: summit.csm,
            Activity: 'Troubleshooting',
            Hours: '1.5',
            'Required attendee': 'Yes',
            'Ticket ID': request,
          },
        }),
        '',
        JSON.stringify({ at: iso('2026-09-01T11:00'), tab: 'Tickets', ticket: 'T-000001', set: { Status: 'Resolved' } }),
        JSON.stringify({ at: iso('2026-09-03T09:00'), tab: 'Tickets', ticket: request, set: { Status: 'Closed' } }),
      ].join('\n'),
    );
    const outbox = path.join(dir, 'outbox');
    const run = await finished(
      spawnCli([
        'run',
        'replay',
        '--workbook',
        wb,
        '--inbox',
        inbox,
        '--from',
        iso('2026-09-01T07:00'),
        '--to',
        iso('2026-09-01T13:00'),
        '--outbox',
        outbox,
        '--edits',
        edits,
      ]),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/Automation installed\b.*: ingestInbox every 5 min; sweepSla every 10 min/);
    // One progress line per simulated day, then the summary.
    expect(out).toMatch(/^ {2}2026-09-01: 1 tickets, 1 mails in; ingestInbox 73×, sweepSla 37×, checkHours 7×$/m);
    expect(out).toMatch(/^Replayed .*ingestInbox 73×, sweepSla 37×, checkHours 7×; 1 mail\(s\) delivered; 3 edit\(s\) applied\.$/m);
    // Every line that was not applied is named, with its line number; the rest went on.
    expect(out).toMatch(/edits line 2: not a JSON object; skipped/);
    expect(out).toMatch(/edits line 8: after --to; skipped/);
    expect(out).toMatch(/edits line 3 \(2026-09-01T09:00:00-06:00\): no ticket T-000999 in Tickets; not applied/);
    expect(out).toMatch(/edits line 4 \(2026-09-01T09:05:00-06:00\): Tickets has no column "No such column"; not applied/);

    const [ticket] = await table(wb, 'Tickets');
    expect(ticket).toMatchObject({ 'Ticket ID': 'T-000001', Priority: 'High', Status: 'Resolved', Assignee: summit.csm });
    const hours = await table(wb, 'Hours');
    expect(hours).toHaveLength(1);
    expect(hours[0]).toMatchObject({ 'Client ID': 'SUMMIT', 'Ticket ID': 'T-000001', Activity: 'Troubleshooting' });

    // The acknowledgement and the Resolved notice both answer in the request's thread:
    // the sweep ran in the same Gmail as the ingest.
    const mails = readdirSync(outbox)
      .sort()
      .map((n) => readFileSync(path.join(outbox, n), 'utf8'));
    const toDana = mails.filter((m) => header(m, 'To').includes(dana.email));
    expect(toDana).toHaveLength(2);
    for (const m of toDana) expect(header(m, 'In-Reply-To')).toBe(request);
    // The text part as a reader sees it (quoted-printable soft breaks joined).
    expect(toDana[1]!.replace(/=\r?\n/g, '')).toMatch(/We have marked your request T-000001 "Checkout page is slow" as\s+resolved/);
  }, 120_000);
});
