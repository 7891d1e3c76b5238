import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { createGmailApp, loadMailFolder, loadMbox, MailboxModel, writeOutbox } from '../../../src/local/emulator/gmail';
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

describe('loadMailFolder', () => {
  it('delivers every .eml ordered by Date header so replies thread onto earlier mail', async () => {
    // File names sort opposite to dates: the loader must order by Date.
    await writeFile(path.join(dir, 'a-reply.eml'), eml({ from: 'ann@c.test', subject: 'Re: Outage', date: T0 + H, messageId: '<r@c.test>', references: ['<o@c.test>'] }));
    await writeFile(path.join(dir, 'b-original.eml'), eml({ from: 'ann@c.test', subject: 'Outage', date: T0, messageId: '<o@c.test>' }));
    await writeFile(path.join(dir, 'notes.txt'), 'not mail');
    const s = setup();
    expect(await loadMailFolder(dir, s.mailbox)).toBe(2);
    const threads = s.gmail.search('in:inbox');
    expect(threads).toHaveLength(1);
    expect(threads[0]?.getMessages().map((m) => m.getSubject())).toEqual(['Outage', 'Re: Outage']);
  });
});

describe('loadMbox', () => {
  it('splits on From lines and undoes >From quoting', async () => {
    const one = eml({ from: 'ann@c.test', subject: 'First', date: T0, messageId: '<m1@c.test>', body: 'Line one\r\n>From the top\r\n>>From deeper' });
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
    expect(await loadMbox(file, s.mailbox)).toBe(2);
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
    expect(files.map((f) => path.basename(f))).toEqual(['0001-sent-re-printer-broken.eml', '0002-draft-billing-2026-11.eml']);
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
