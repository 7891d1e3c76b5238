import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { Emulator } from '../../../src/local/emulator';
import { formatMbox, mboxLineTime } from '../../../src/local/emulator/mailfiles';
import { loadRegisterXlsx } from '../../../src/local/register-xlsx';
import { saveXlsx } from '../../../src/local/emulator/spreadsheet/xlsx';
import { ensureBundle } from '../../../src/local/bundle';
import { fillDemoRegister } from '../../../src/local/demo/register';
import { generateMonth, type DemoMonth } from '../../../src/local/demo/month';
import { SUPPORT_ADDRESS } from '../../../src/local/demo/register-data';
import { runInit } from '../../../src/local/cli/init';
import { runIngestCommand } from '../../../src/local/cli/run-ingest';
import { UsageError } from '../../../src/local/cli/usage-error';

/**
 * Issue 4's "Done when", tried as a new user would: `init`, the demo's clients and
 * contacts typed in, a month of support mail exported as an mbox, `run ingest` once at
 * month end, again, and in steps as a trigger would run it.
 */

const MONTH_END = '2026-09-30T23:59:00Z';
const sink = () => {
  const out = { text: '', write: (s: string) => ((out.text += s), true) };
  return out as unknown as NodeJS.WritableStream & { text: string };
};

interface Setup {
  dir: string;
  register: string;
  inbox: string;
  month: DemoMonth;
}

async function setup(): Promise<Setup> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ingest-month-'));
  const register = path.join(dir, 'register.xlsx');
  await runInit({ workbook: register, tz: 'America/Denver', account: SUPPORT_ADDRESS }, sink());
  const wb = await loadRegisterXlsx(register);
  const em = await new Emulator({
    workbook: wb,
    user: SUPPORT_ADDRESS,
    scriptTimeZone: wb.timeZone,
    now: Date.UTC(2026, 10, 2, 15),
  }).loadFile(ensureBundle());
  fillDemoRegister(em);
  await saveXlsx(wb, register);
  const month = generateMonth('2026-09', 1);
  const inbox = path.join(dir, 'september.mbox');
  writeFileSync(inbox, formatMbox(month.mail));
  return { dir, register, inbox, month };
}

type Row = Record<string, unknown>;
async function tab(file: string, name: string): Promise<Row[]> {
  const [header, ...rest] = (await loadRegisterXlsx(file)).sheetValues(name) as unknown[][];
  return rest
    .filter((r) => r.some((v) => v !== '' && v !== null))
    .map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));
const header = (raw: string, name: string) => new RegExp(`^${name}: *(.*)$`, 'mi').exec(raw.split('\r\n\r\n')[0]!)?.[1] ?? '';

/** What the month's mail says each request's ticket must show by `at`. */
function expected(month: DemoMonth, at: number) {
  const mail = month.mail.filter((m) => m.at <= at);
  return month.requests.map((r) => {
    const request = mail.find((m) => header(m.raw, 'Message-ID') === r.messageId)!;
    const thread = mail.filter((m) => header(m.raw, 'References').split(/\s+/)[0] === r.messageId);
    const staff = thread.filter((m) => /@helpdesk\.example>?$/.test(header(m.raw, 'From')));
    const cc = header(request.raw, 'Cc');
    return {
      ...r,
      followers: cc ? cc.toLowerCase() : '',
      firstResponse: staff.length ? new Date(Math.min(...staff.map((m) => m.at))).toISOString() : '',
    };
  });
}

interface Ack {
  to: string;
  cc: string;
  subject: string;
  date: number;
  text: string;
  inReplyTo: string;
}
async function outbox(dir: string): Promise<Ack[]> {
  const out: Ack[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = await simpleParser(readFileSync(path.join(dir, name)));
    out.push({
      to: p.to && !Array.isArray(p.to) ? p.to.value.map((a) => a.address).join(', ') : '',
      cc: p.cc && !Array.isArray(p.cc) ? p.cc.value.map((a) => a.address).join(', ') : '',
      subject: p.subject ?? '',
      date: p.date!.getTime(),
      text: p.text ?? '',
      inReplyTo: p.inReplyTo ?? '',
    });
  }
  return out;
}

/** The promise in an acknowledgement, if it makes one: "by Tue 8 Sep 2026 15:45 MDT". */
function promises(text: string): boolean {
  return /You will hear from us (within [^,]+, )?by /.test(text.replace(/=\r?\n/g, ''));
}

/** Types `value` into the client's `header` cell of the saved register, as a person would in Sheets. */
async function typeClientCell(file: string, clientId: string, header: string, value: string): Promise<void> {
  const wb = await loadRegisterXlsx(file);
  const em = await new Emulator({ workbook: wb, user: SUPPORT_ADDRESS, scriptTimeZone: wb.timeZone }).loadFile(ensureBundle());
  const values = wb.sheetValues('Clients') as unknown[][];
  const row = values.findIndex((r) => r[0] === clientId);
  const sheet = (em.realm.context.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
    .getActiveSpreadsheet()
    .getSheetByName('Clients')!;
  sheet.getRange(row + 1, (values[0] as string[]).indexOf(header) + 1).setValue(value);
  await saveXlsx(wb, file);
}

describe('run ingest on a month of support mail', () => {
  it('one run at month end: one ticket per request with requester, client, followers and first response; nothing for noise; acknowledgements that still make sense; a second run changes nothing', async () => {
    const s = await setup();
    const out1 = path.join(s.dir, 'out1');
    expect(await runIngestCommand({ workbook: s.register, inbox: s.inbox, at: MONTH_END, outbox: out1 }, sink())).toBe(0);

    const tickets = await tab(s.register, 'Tickets');
    const messages = await tab(s.register, 'Messages');
    const ticketOf = (mid: string) => tickets.find((t) => t['Ticket ID'] === messages.find((m) => m['Message ID'] === mid)?.['Ticket ID']);
    const want = expected(s.month, Date.parse(MONTH_END));
    expect(tickets).toHaveLength(want.length);
    for (const r of want) {
      const t = ticketOf(r.messageId);
      expect(t, r.messageId).toBeDefined();
      expect([t!['Client ID'], t!.Requester, t!.Followers, iso(t!['First response at'])]).toEqual([
        r.clientId,
        r.from,
        r.followers,
        r.firstResponse,
      ]);
    }
    for (const n of s.month.noise) {
      const row = messages.find((m) => m['Message ID'] === n.messageId)!;
      expect(row['Ticket ID'], n.why).toBe('');
    }

    const mail = await outbox(out1);
    const acks = mail.filter((m) => /\[#T-\d{6}\]/.test(m.subject));
    // Each goes to the requester with the followers on Cc; none to anyone a request did not come from.
    for (const a of acks) {
      const t = tickets.find((x) => a.subject.includes(String(x['Ticket ID'])))!;
      expect([a.to, a.cc]).toEqual([t.Requester, t.Followers]);
      // Nobody is promised an answer by a time already past, nor told "you will hear from us" after staff answered.
      if (promises(a.text)) expect((t['First response due'] as Date).getTime()).toBeGreaterThan(a.date);
      expect(t['First response at']).toBe('');
    }
    // A catch-up over a month must not send one sender a reply per old request in one minute.
    const perSender = new Map<string, number>();
    for (const a of acks) perSender.set(a.to, (perSender.get(a.to) ?? 0) + 1);
    expect(Math.max(...perSender.values())).toBeLessThanOrEqual(3);
    // The automatic reply, bounce and list mail get nothing; the contact who may not open tickets is told so.
    for (const n of s.month.noise.filter((x) => /auto|bounce|list/.test(x.why)))
      expect(
        mail.some((m) => m.inReplyTo === n.messageId),
        n.why,
      ).toBe(false);
    const leePark = mail.find((m) => m.to === 'lee.park@summit-outfitters.example')!;
    expect(leePark.text.replace(/=\r?\n/g, '')).toMatch(/registered for Summit Outfitters but not authorized/);

    const before = path.join(s.dir, 'before.xlsx');
    writeFileSync(before, readFileSync(s.register));
    const out2 = path.join(s.dir, 'out2');
    const again = sink();
    expect(await runIngestCommand({ workbook: s.register, inbox: s.inbox, at: MONTH_END, outbox: out2 }, again)).toBe(0);
    expect(again.text).toMatch(/0 tickets opened, 0 added to tickets, 0 ignored; 0 replies sent/);
    expect(readdirSync(out2)).toEqual([]);
    const [a, b] = [await loadRegisterXlsx(s.register), await loadRegisterXlsx(before)];
    for (const name of ['Tickets', 'Messages', 'Log'])
      expect(
        a.sheetValues(name).map((r) => r.map(iso)),
        name,
      ).toEqual(b.sheetValues(name).map((r) => r.map(iso)));
  }, 120_000);

  it('with Canyon’s Hourly rate typed "150 USD": Canyon’s mail is held with one notice; once fixed, the next run opens every ticket with its original Received at', async () => {
    const s = await setup();
    const clean = path.join(s.dir, 'clean.xlsx');
    writeFileSync(clean, readFileSync(s.register));
    expect(await runIngestCommand({ workbook: clean, inbox: s.inbox, at: MONTH_END, outbox: path.join(s.dir, 'clean-out') }, sink())).toBe(
      0,
    );
    const cleanTickets = await tab(clean, 'Tickets');
    expect(cleanTickets).toHaveLength(expected(s.month, Date.parse(MONTH_END)).length);

    await typeClientCell(s.register, 'CANYON', 'Hourly rate', '150 USD');
    const first = sink();
    expect(await runIngestCommand({ workbook: s.register, inbox: s.inbox, at: MONTH_END, outbox: path.join(s.dir, 'out1') }, first)).toBe(
      0,
    );
    expect(first.text).toMatch(/held/);
    expect((await tab(s.register, 'Tickets')).filter((t) => t['Client ID'] === 'CANYON')).toEqual([]);
    const canyon = async () => (await tab(s.register, 'Messages')).filter((m) => /@canyon-media\.example$/.test(String(m.From)));
    const heldRows = await canyon();
    expect(heldRows.length).toBeGreaterThan(0);
    for (const m of heldRows) {
      expect(String(m.Action)).toMatch(/^held: the Clients row of CANYON has a problem \(Hourly rate/);
      expect(m.Kind).not.toBe('unregistered');
    }
    const notices = async () => (await tab(s.register, 'Log')).filter((l) => l.Action === 'Mail held');
    expect(await notices()).toHaveLength(1);
    expect((await tab(s.register, 'Clients')).find((c) => c['Client ID'] === 'CANYON')!.Problems).toMatch(/Hourly rate/);

    // Run again before the fix: still held, no second notice.
    expect(await runIngestCommand({ workbook: s.register, inbox: s.inbox, at: MONTH_END, outbox: path.join(s.dir, 'out2') }, sink())).toBe(
      0,
    );
    expect(await notices()).toHaveLength(1);

    await typeClientCell(s.register, 'CANYON', 'Hourly rate', '150');
    expect(await runIngestCommand({ workbook: s.register, inbox: s.inbox, at: MONTH_END, outbox: path.join(s.dir, 'out3') }, sink())).toBe(
      0,
    );
    const tickets = await tab(s.register, 'Tickets');
    expect(tickets).toHaveLength(cleanTickets.length);
    // The same requests, each with the Received at of its own mail (numbers differ: Canyon's come last).
    const key = (rows: Row[]) => rows.map((t) => [t['Client ID'], t.Requester, t.Subject, iso(t['Received at'])].join(' | ')).sort();
    expect(key(tickets)).toEqual(key(cleanTickets));
    expect((await canyon()).map((m) => String(m.Action)).filter((a) => a.startsWith('held'))).toEqual([]);
    expect(await canyon()).toHaveLength(heldRows.length);
  }, 300_000); // seven CLI runs: ~30 s on a busy machine

  it('run as a trigger would, a few minutes after each mail, into one outbox: the same tickets and ledger as one run, every acknowledgement once and all kept', async () => {
    const s = await setup();
    const once = path.join(s.dir, 'once.xlsx');
    writeFileSync(once, readFileSync(s.register));
    expect(await runIngestCommand({ workbook: once, inbox: s.inbox, at: MONTH_END, outbox: path.join(s.dir, 'once-out') }, sink())).toBe(0);

    const end = Date.parse(MONTH_END);
    const times = [...new Set(s.month.mail.filter((m) => m.at + 5 * 60_000 <= end).map((m) => m.at + 5 * 60_000)), end];
    const out = path.join(s.dir, 'outbox');
    for (const t of times) {
      expect(await runIngestCommand({ workbook: s.register, inbox: s.inbox, at: new Date(t).toISOString(), outbox: out }, sink())).toBe(0);
    }

    // Same tickets (the SLA state is a snapshot of when each was opened, so it is left out) and the same ledger.
    const core = (rows: Row[]) =>
      rows.map((t) =>
        [
          'Ticket ID',
          'Client ID',
          'Requester',
          'Followers',
          'Subject',
          'Priority',
          'Reason',
          'Received at',
          'First response due',
          'First response at',
          'Last staff message at',
          'Last customer message at',
          'Messages',
          'Thread ID',
        ].map((h) => iso(t[h])),
      );
    expect(core(await tab(s.register, 'Tickets'))).toEqual(core(await tab(once, 'Tickets')));
    const ledger = (rows: Row[]) => rows.map((m) => [m['Message ID'], m['Ticket ID'], m.Kind, iso(m.Date)].join(' ')).sort();
    expect(ledger(await tab(s.register, 'Messages'))).toEqual(ledger(await tab(once, 'Messages')));

    // Run by run, each request was acknowledged before staff answered: one acknowledgement per ticket, none lost from the outbox.
    const tickets = await tab(s.register, 'Tickets');
    const mail = await outbox(out);
    const acks = mail.filter((m) => /\[#T-\d{6}\]/.test(m.subject));
    expect(acks.map((a) => /T-\d{6}/.exec(a.subject)![0]).sort()).toEqual(tickets.map((t) => t['Ticket ID']).sort());
    for (const a of acks) {
      const t = tickets.find((x) => a.subject.includes(String(x['Ticket ID'])))!;
      expect([a.to, a.cc]).toEqual([t.Requester, t.Followers]);
      expect(promises(a.text)).toBe(true);
    }
    expect(mail).toHaveLength(acks.length + 2); // and the two polite replies to unregistered senders (the look-alike of summit-outfitters.example gets none)
  }, 400_000); // about 55 CLI runs, each loading and saving the .xlsx: ~30 s on a quiet machine, minutes on a busy one

  it('a catch-up over old unanswered requests acknowledges a sender at most 3 times, not once per request', async () => {
    const s = await setup();
    const at = (d: number) => Date.parse(`2026-09-${String(d).padStart(2, '0')}T16:00:00Z`);
    const requests = [1, 2, 3, 4, 7, 8].map((d) => ({
      at: at(d),
      raw: [
        `From: Ana Silva <ana.silva@canyon-media.example>`,
        `To: ${SUPPORT_ADDRESS}`,
        `Subject: Question number ${d}`,
        `Date: ${new Date(at(d)).toUTCString()}`,
        `Message-ID: <catch-up-${d}@canyon-media.example>`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        `How do I do thing ${d}?`,
        '',
      ].join('\r\n'),
    }));
    writeFileSync(s.inbox, formatMbox(requests));
    expect(
      await runIngestCommand({ workbook: s.register, inbox: s.inbox, at: '2026-09-09T16:00:00Z', outbox: path.join(s.dir, 'out') }, sink()),
    ).toBe(0);
    expect(await tab(s.register, 'Tickets')).toHaveLength(6);
    const acks = (await outbox(path.join(s.dir, 'out'))).filter((m) => /\[#T-/.test(m.subject));
    expect(acks).toHaveLength(3);
    const actions = (await tab(s.register, 'Messages')).map((m) => String(m.Action));
    expect(actions.filter((a) => /not acknowledged: 3 per hour already/.test(a))).toHaveLength(3);
  }, 120_000);

  it('reads the mbox `From ` line time as UTC, whatever the zone of the machine', async () => {
    expect(mboxLineTime('Thu Sep  3 18:32:56 2026')).toBe(Date.parse('2026-09-03T18:32:56Z'));
    expect(mboxLineTime('Thu Sep 03 18:32:56 +0000 2026')).toBe(Date.parse('2026-09-03T18:32:56Z'));
    expect(mboxLineTime('Thu Sep  3 18:32:56 2026 -0600')).toBe(Date.parse('2026-09-04T00:32:56Z'));
    expect(mboxLineTime('not a date')).toBeNaN();

    const s = await setup();
    const zone = process.env.TZ;
    process.env.TZ = 'America/Denver';
    try {
      const out = sink();
      // 21:00 UTC: the first two requests and a staff reply have arrived (18:32, 20:12 and 20:20 UTC).
      expect(
        await runIngestCommand({ workbook: s.register, inbox: s.inbox, at: '2026-09-03T21:00:00Z', outbox: path.join(s.dir, 'out') }, out),
      ).toBe(0);
      expect(out.text).toMatch(/3 mail\(s\) delivered/);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  }, 120_000);

  it('refuses what is not an inbox, an ambiguous --at and an outbox that is a file, in one line, before touching the register', async () => {
    const s = await setup();
    const run = (o: Partial<{ inbox: string; at: string; outbox: string; workbook: string }>) =>
      runIngestCommand({ workbook: s.register, inbox: s.inbox, at: MONTH_END, outbox: path.join(s.dir, 'out'), ...o }, sink());
    const write = (name: string, text: string | Buffer) => {
      const f = path.join(s.dir, name);
      writeFileSync(f, text);
      return f;
    };
    // An empty inbox is not refused: it is "No new mail" (test/local/cli/validate.test.ts).
    const stamp = statSync(s.register).mtimeMs;
    const cases: [Partial<{ inbox: string; at: string; outbox: string; workbook: string }>, RegExp][] = [
      [{ inbox: write('notes.txt', 'hello\nthis is not mail\n') }, /is not an mbox file/],
      [{ inbox: s.register }, /is not an mbox file/],
      [
        { inbox: write('undated.mbox', 'From someone nowhen\nFrom: a@b.example\nSubject: x\n\nbody\n') },
        /message 1 \(line 1\) has no date/,
      ],
      [{ at: '1' }, /not an ISO date-time with a UTC offset/],
      [{ at: '2026-09-30T17:00:00' }, /not an ISO date-time with a UTC offset/],
      [{ at: '2026-02-30T12:00:00Z' }, /not a calendar date/],
      [{ outbox: s.inbox }, /is a file, not a folder/],
      [{ workbook: s.inbox }, /cannot be read as an \.xlsx register/],
    ];
    for (const [opts, message] of cases) {
      const error = await run(opts).catch((e: unknown) => e);
      expect(error, JSON.stringify(opts)).toBeInstanceOf(UsageError);
      expect(String((error as Error).message)).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
    // Nothing ran: the register is untouched and no checkpoint was saved that would hide the month from the right inbox.
    expect(statSync(s.register).mtimeMs).toBe(stamp);
    expect(existsSync(`${s.register}.properties.json`)).toBe(false);
    expect(await run({})).toBe(0);
    expect(await tab(s.register, 'Tickets')).toHaveLength(s.month.requests.length);
  }, 120_000);
});
