import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { createGmailApp, MailboxModel } from '../../../src/local/emulator/gmail';
import {
  deliveryTime,
  formatMbox,
  loadMailFiles,
  MailFileError,
  mboxLineTime,
  readMailFiles,
  splitMbox,
  writeOutbox,
} from '../../../src/local/emulator/mailfiles';
import { eml, makeContext } from '../../../src/local/emulator/gmail/testing';

const T0 = Date.UTC(2026, 10, 1, 9);
const H = 3_600_000;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gmail-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  const ctx = makeContext(Date.UTC(2026, 10, 2, 15));
  const mailbox = new MailboxModel({ address: 'support@acme.test' });
  return { ctx, mailbox, gmail: createGmailApp(ctx, mailbox) };
}

describe('loadMailFiles: a folder of .eml', () => {
  it('delivers every .eml ordered by delivery time so replies thread onto earlier mail', async () => {
    // File names sort opposite to dates: the loader must order by Date.
    await writeFile(
      path.join(dir, 'a-reply.eml'),
      eml({ from: 'ann@c.test', subject: 'Re: Outage', date: T0 + H, messageId: '<r@c.test>', references: ['<o@c.test>'] }),
    );
    await writeFile(path.join(dir, 'b-original.eml'), eml({ from: 'ann@c.test', subject: 'Outage', date: T0, messageId: '<o@c.test>' }));
    await writeFile(path.join(dir, 'notes.txt'), 'not mail');
    const s = setup();
    expect(await loadMailFiles(dir, s.mailbox)).toHaveLength(2);
    const threads = s.gmail.search('in:inbox');
    expect(threads).toHaveLength(1);
    expect(threads[0]?.getMessages().map((m) => m.getSubject())).toEqual(['Outage', 'Re: Outage']);
  });
});

describe('loadMailFiles: an mbox', () => {
  it('splits on From lines and undoes >From quoting', async () => {
    const one = eml({
      from: 'ann@c.test',
      subject: 'First',
      date: T0,
      messageId: '<m1@c.test>',
      body: 'Line one\r\n>From the top\r\n>>From deeper',
    });
    const two = eml({ from: 'bob@c.test', subject: 'Second', date: T0 + H, messageId: '<m2@c.test>' });
    const mbox = [
      'From ann@c.test Sun Nov  1 09:00:00 2026',
      one.replace(/\r\n/g, '\n'),
      '',
      'From bob@c.test Sun Nov  1 10:00:00 2026',
      two.replace(/\r\n/g, '\n'),
      '',
    ].join('\n');
    const file = path.join(dir, 'inbox.mbox');
    await writeFile(file, mbox);
    const s = setup();
    expect(await loadMailFiles(file, s.mailbox)).toHaveLength(2);
    const threads = s.gmail.search('');
    expect(threads.map((t) => t.getFirstMessageSubject())).toEqual(['Second', 'First']);
    const body = threads[1]?.getMessages()[0]?.getPlainBody() ?? '';
    expect(body).toContain('\nFrom the top');
    expect(body).toContain('\n>From deeper');
  });
});

describe('writeOutbox', () => {
  it('writes sent mail and drafts as numbered .eml files, idempotently', async () => {
    const s = setup();
    const d = await s.mailbox.deliver(eml({ from: 'Ann <ann@c.test>', subject: 'Printer: broken!', date: T0, messageId: '<p@c.test>' }));
    s.gmail.getThreadById(d.threadId)?.reply('On it');
    s.gmail.createDraft('finance@acme.test', 'Billing 2026-11', 'Held: quota low');
    const gone = s.gmail.createDraft('x@acme.test', 'Discarded', 'x');
    gone.deleteDraft();
    const out = path.join(dir, 'outbox');
    const files = await writeOutbox(s.mailbox, out);
    expect(files.map((f: string) => path.basename(f))).toEqual(['0001-sent-re-printer-broken.eml', '0002-draft-billing-2026-11.eml']);
    const parsed = await simpleParser(await readFile(files[0] ?? ''));
    expect(parsed.inReplyTo).toBe('<p@c.test>');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toContain('ann@c.test');
    await writeOutbox(s.mailbox, out);
    expect((await readdir(out)).sort()).toEqual(['0001-sent-re-printer-broken.eml', '0002-draft-billing-2026-11.eml']);
    // Sending the draft replaces its file by a sent one.
    s.gmail.getDrafts()[0]?.send();
    await writeOutbox(s.mailbox, out);
    expect((await readdir(out)).sort()).toEqual(['0001-sent-re-printer-broken.eml', '0004-sent-billing-2026-11.eml']);
  });
});

const MIN = 60_000;
/** A message's header block and body with the given extra header lines. */
function msg(headers: string[], body = 'Hello'): string {
  return [...headers, 'From: ann@c.test', 'Subject: Hi', '', body, ''].join('\n');
}
const RECEIVED = (date: string) => `Received: from mx.c.test (mx.c.test [10.0.0.1])\n\tby mx.google.test with ESMTPS id x;\n\t${date}`;

describe('deliveryTime: the one rule', () => {
  it('takes the mbox From line first, then the topmost Received, then Date', () => {
    const raw = msg([
      RECEIVED('Mon, 02 Nov 2026 08:31:30 -0700'),
      RECEIVED('Mon, 02 Nov 2026 08:30:10 -0700'),
      'Date: Mon, 02 Nov 2026 08:30:00 -0700',
    ]);
    const sep = Date.parse('2026-11-02T15:40:00Z');
    expect(deliveryTime(raw, sep)).toBe(sep);
    expect(deliveryTime(raw)).toBe(Date.parse('2026-11-02T15:31:30Z'));
    expect(deliveryTime(msg(['Date: Mon, 02 Nov 2026 08:30:00 -0700 (MST)']))).toBe(Date.parse('2026-11-02T15:30:00Z'));
  });

  it('passes over a garbled date to the next source, and has none when all are missing or garbled', () => {
    expect(deliveryTime(msg([RECEIVED('yesterday-ish'), 'Date: Mon, 02 Nov 2026 08:30:00 -0700']), NaN)).toBe(
      Date.parse('2026-11-02T15:30:00Z'),
    );
    expect(deliveryTime(msg(['Received: by mx.c.test with SMTP id 1', 'Date: soon']))).toBeNaN();
    expect(deliveryTime(msg([]))).toBeNaN();
    // A Date: line in the body is not a header.
    expect(deliveryTime(msg([], 'Date: Mon, 02 Nov 2026 08:30:00 -0700'))).toBeNaN();
  });

  it('reads CRLF headers and folded header lines', () => {
    const raw = msg([RECEIVED('Mon, 02 Nov 2026 08:31:30 -0700')]).replace(/\n/g, '\r\n');
    expect(deliveryTime(Buffer.from(raw, 'latin1'))).toBe(Date.parse('2026-11-02T15:31:30Z'));
  });

  it('reads the From line as UTC unless it names a zone', () => {
    expect(mboxLineTime('Thu Sep  3 18:32:56 2026')).toBe(Date.parse('2026-09-03T18:32:56Z'));
    expect(mboxLineTime('Thu Sep 03 18:32:56 +0000 2026')).toBe(Date.parse('2026-09-03T18:32:56Z'));
    expect(mboxLineTime('Thu Sep  3 18:32:56 2026 -0600')).toBe(Date.parse('2026-09-04T00:32:56Z'));
    expect(mboxLineTime('Thu Sep 33 18:32:56 2026')).toBeNaN();
    expect(mboxLineTime('')).toBeNaN();
  });
});

describe('splitMbox and readMailFiles', () => {
  it('dates each mbox message by its From line, else its headers; CRLF kept; >From unquoted mboxrd-style', () => {
    const text = [
      'From a@c.test Mon Nov  2 15:40:00 2026',
      msg(['Date: Mon, 02 Nov 2026 08:00:00 -0700'], 'One\n>From here\n>>From there\nFrom the middle'),
      'From b@c.test not-a-date',
      msg([RECEIVED('Mon, 02 Nov 2026 08:31:30 -0700'), 'Date: Mon, 02 Nov 2026 08:00:00 -0700']),
      '',
    ].join('\n');
    const crlf = Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1');
    const [one, two] = splitMbox(crlf);
    expect(splitMbox(crlf)).toHaveLength(2);
    expect(deliveryTime(one!.raw, one!.separatorTime)).toBe(Date.parse('2026-11-02T15:40:00Z'));
    expect(two!.separatorTime).toBeNaN();
    expect(deliveryTime(two!.raw, two!.separatorTime)).toBe(Date.parse('2026-11-02T15:31:30Z'));
    const body = one!.raw.toString('latin1');
    expect(body).toContain('\r\nFrom here\r\n>From there\r\n');
    // A From line not after a blank line is body text, not a separator.
    expect(body).toContain('\r\nFrom the middle');
    expect(body.endsWith('One\r\nFrom here\r\n>From there\r\nFrom the middle\r\n')).toBe(true);
  });

  it('round-trips formatMbox, body lines starting From included', () => {
    const at = Date.parse('2026-11-02T15:40:00Z');
    const raw = msg(['Date: Mon, 02 Nov 2026 08:00:00 -0700'], 'From me\n>From you');
    const [m] = splitMbox(Buffer.from(formatMbox([{ at, raw }]), 'latin1'));
    expect(m!.separatorTime).toBe(at);
    expect(m!.raw.toString('latin1')).toBe(raw);
  });

  it('orders by delivery time, ties in file order, and refuses undated mail and non-mbox files', async () => {
    await writeFile(path.join(dir, 'b.eml'), msg(['Date: Mon, 02 Nov 2026 08:00:00 -0700']));
    await writeFile(path.join(dir, 'a.eml'), msg([RECEIVED('Mon, 02 Nov 2026 08:05:00 -0700'), 'Date: Mon, 02 Nov 2026 07:00:00 -0700']));
    await writeFile(path.join(dir, 'c.eml'), msg(['Date: Mon, 02 Nov 2026 08:00:00 -0700']));
    expect((await readMailFiles(dir)).map((f) => [f.source, f.deliveredAt])).toEqual([
      ['b.eml', Date.parse('2026-11-02T15:00:00Z')],
      ['c.eml', Date.parse('2026-11-02T15:00:00Z')],
      ['a.eml', Date.parse('2026-11-02T15:05:00Z')],
    ]);
    const s = setup();
    expect((await loadMailFiles(dir, s.mailbox, { until: Date.parse('2026-11-02T15:00:00Z') + MIN })).map((f) => f.source)).toEqual([
      'b.eml',
      'c.eml',
    ]);
    await writeFile(path.join(dir, 'd.eml'), msg([]));
    await expect(readMailFiles(dir)).rejects.toThrow(/d\.eml has no Received or Date header/);
    const notMbox = path.join(dir, 'x.mbox');
    await writeFile(notMbox, msg(['Date: Mon, 02 Nov 2026 08:00:00 -0700']));
    await expect(readMailFiles(notMbox)).rejects.toBeInstanceOf(MailFileError);
    const undated = path.join(dir, 'y.mbox');
    await writeFile(undated, `From a@c.test ???\n${msg([])}\n`);
    await expect(readMailFiles(undated)).rejects.toThrow(/y\.mbox, message 1 \(line 1\) has no date on its "From " line/);
  });
});
