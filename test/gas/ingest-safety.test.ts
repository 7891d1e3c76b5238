import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../../src/local/emulator';
import { emulator, inSandbox } from '../support/emulator';
import { setCell } from './billing-register';
import { AFTER_FIXTURES, rows, seedRegister, withFixtures, type Row } from './ingest-support';

/** Who belongs to a ticket, delivery reports, Reply-To and reused Message-IDs, through the bundle. */

async function ready() {
  const em = emulator({ now: AFTER_FIXTURES });
  seedRegister(em);
  await withFixtures(em);
  expect(em.run<string>('ingestInbox').error).toBeUndefined();
  em.clock.advance(10 * 60_000);
  return em;
}

const byId = (list: Row[], key: string, id: string) => list.find((r) => r[key] === id)!;
const ticket = (em: Emulator, id: string) => byId(rows(em, 'Tickets'), 'Ticket ID', id);
const message = (em: Emulator, id: string) => byId(rows(em, 'Messages'), 'Message ID', id);

function setTicketCell(em: Emulator, id: string, header: string, value: string): void {
  inSandbox(
    em,
    `
    var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets');
    var v = sh.getDataRange().getValues();
    var c = v[0].indexOf(${JSON.stringify(header)});
    for (var r = 1; r < v.length; r++) if (v[r][0] === ${JSON.stringify(id)}) sh.getRange(r + 1, c + 1).setValue(${JSON.stringify(value)});
    return true;`,
  );
}

/** Delivers a mail a minute ago; `head` are header lines (Date added). */
async function deliver(em: Emulator, head: string[], body = 'It happens again.'): Promise<void> {
  const at = em.clock.now() - 60_000;
  await em.mailbox.deliver([...head, `Date: ${new Date(at).toUTCString()}`, '', body, ''].join('\r\n'), { at });
}

/** A fixture of test/fixtures/bounces as a report of our acknowledgement `ackId` with subject `subject`. */
async function deliverBounce(em: Emulator, file: string, ackId: string, subject: string): Promise<string> {
  const raw = readFileSync(path.resolve(__dirname, '../fixtures/bounces', file), 'utf8')
    .replace(/<ack-0001@helpdesk\.test>/g, ackId)
    .replace(/^(Subject: [^:]+:) .*$/m, `$1 ${subject}`);
  const id = /^Message-ID: (.*)$/m.exec(raw)![1]!.trim();
  await em.mailbox.deliver(raw.replace(/\n/g, '\r\n'), { at: em.clock.now() - 60_000 });
  return id;
}

const sentTo = (em: Emulator) => em.mailbox.outgoing.flatMap((m) => `${m.to},${m.cc}`.toLowerCase().match(/[^\s<>,]+@[^\s<>,]+/g) ?? []);

describe('who belongs to a ticket', () => {
  it('a stranger and a bounce in a Resolved ticket’s thread are recorded, reopen nothing and add nobody', async () => {
    const em = await ready();
    const ack = em.mailbox.sent.find((m) => m.subject.includes('T-000002'))!; // Dee Novak, GLOBEX
    setTicketCell(em, 'T-000002', 'Status', 'Resolved');
    const before = ticket(em, 'T-000002');
    const thread = [`In-Reply-To: ${ack.messageIdHeader}`, `References: <CAHTML-002@globex.example> ${ack.messageIdHeader}`];
    await deliver(em, [
      'From: "Dee Novak" <mallory@evil.example>',
      'To: support@helpdesk.test',
      'Cc: outsider@evil.example, renee@globex.example',
      `Subject: ${ack.subject.replace(/^(Re: )?/, 'Re: ')}`,
      'Message-ID: <stranger-1@evil.example>',
      ...thread,
    ]);
    // A registered contact, but of another client (ACME).
    await deliver(em, [
      'From: Ann Lee <ann@acme.com>',
      'To: support@helpdesk.test',
      `Subject: Re: ${ack.subject}`,
      'Message-ID: <other-client-1@acme.com>',
      ...thread,
    ]);
    const bounces = [
      await deliverBounce(em, 'exchange-2010-de.eml', ack.messageIdHeader, ack.subject),
      await deliverBounce(em, 'exchange-es.eml', ack.messageIdHeader, ack.subject),
      await deliverBounce(em, 'exchange-online-en.eml', ack.messageIdHeader, ack.subject),
    ];
    const r = em.run<string>('ingestInbox');
    expect(r.error).toBeUndefined();

    const after = ticket(em, 'T-000002');
    for (const h of ['Status', 'Messages', 'Followers', 'Resolved at', 'Last customer message at', 'First response at'])
      expect(after[h], h).toEqual(before[h]);
    expect(after.Status).toBe('Resolved');
    expect(message(em, '<stranger-1@evil.example>')).toMatchObject({
      Kind: 'unregistered',
      'Ticket ID': 'T-000002',
      Action: expect.stringMatching(/^not added to T-000002: not a registered contact of GLOBEX/),
    });
    expect(message(em, '<other-client-1@acme.com>')).toMatchObject({
      Kind: 'unregistered',
      Action: expect.stringMatching(/not added to T-000002: a contact of ACME, not of GLOBEX/),
    });
    for (const id of bounces) expect(message(em, id).Kind).toBe('bounce');
    const log = rows(em, 'Log');
    expect(log.filter((l) => l.Action === 'Reopened')).toEqual([]);
    expect(log.filter((l) => l.Action === 'Not added to ticket' && l['Ticket ID'] === 'T-000002')).toHaveLength(2);
    // Nobody outside is written to: no acknowledgement, no "not registered" reply, no notice.
    for (const a of ['mallory@evil.example', 'outsider@evil.example']) expect(sentTo(em)).not.toContain(a);

    // The sweep's resolution notice goes to the requester alone: the stranger's Cc did not follow.
    const sent = em.mailbox.sent.length;
    expect(em.run<string>('sweepSla').value).toMatch(/1 notice sent/);
    const notices = em.mailbox.sent.slice(sent);
    expect(notices.map((m) => [m.to.replace(/^.*<(.*)>$/, '$1'), m.cc])).toEqual([['dee@globex.example', '']]);
    for (const a of ['mallory@evil.example', 'outsider@evil.example']) expect(sentTo(em)).not.toContain(a);
  });

  it('a registered colleague of the client joins and reopens; only registered contacts on their Cc follow', async () => {
    const em = await ready();
    const ack = em.mailbox.sent.find((m) => m.subject.includes('T-000002'))!;
    setTicketCell(em, 'T-000002', 'Status', 'Resolved');
    await deliver(em, [
      'From: Renée Müller <renee@globex.example>',
      'To: support@helpdesk.test',
      'Cc: outsider@evil.example, dee@globex.example, ann@acme.com',
      `Subject: Re: ${ack.subject}`,
      'Message-ID: <renee-1@globex.example>',
      `In-Reply-To: ${ack.messageIdHeader}`,
    ]);
    em.run('ingestInbox');
    const t = ticket(em, 'T-000002');
    expect(t.Status).toBe('Open');
    expect(t.Followers).toBe(''); // dee is the requester; the others are not GLOBEX contacts
    expect(message(em, '<renee-1@globex.example>')).toMatchObject({ Kind: 'customer', 'Ticket ID': 'T-000002' });
    const refused = rows(em, 'Log').filter((l) => l.Action === 'Followers not added' && l['Ticket ID'] === 'T-000002');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.Detail).toMatch(/outsider@evil\.example, ann@acme\.com/);
  });
});

describe('Reply-To', () => {
  const request = (replyTo: string, id: string) => [
    'From: Cy Park <cy@acme.com>',
    `Reply-To: ${replyTo}`,
    'To: support@helpdesk.test',
    `Subject: Dashboard will not load ${id}`,
    `Message-ID: <${id}@acme.com>`,
  ];
  const ackOf = (em: Emulator, id: string) => em.mailbox.sent.find((m) => m.subject.includes(`Dashboard will not load ${id}`))!;

  it('made only of the requester and registered contacts of their client, it is where the acknowledgement goes, in the thread', async () => {
    const em = await ready();
    await deliver(em, request('Acme support team <bob@acme.com>', 'rt1'));
    await deliver(em, request('Cy <cy@acme.com>, Bob <bob@acme.com>', 'rt2'));
    em.run('ingestInbox');
    for (const [id, to] of [
      ['rt1', ['bob@acme.com']],
      ['rt2', ['cy@acme.com', 'bob@acme.com']],
    ] as const) {
      const ack = ackOf(em, id);
      expect(
        ack.to
          .toLowerCase()
          .match(/[^\s<>,]+@[^\s<>,]+/g)!
          .sort(),
        id,
      ).toEqual([...to].sort());
      expect(ack.subject).toMatch(/\[#T-\d{6}\]/);
      // Gmail's reply() reaches exactly these addresses, so the acknowledgement stays in the request's thread.
      const requestThread = em.mailbox.thread(ack.threadId)!;
      expect(requestThread.messageIds.length, id).toBe(2);
    }
    expect(rows(em, 'Log').filter((l) => l.Action === 'Reply-To ignored' && /rt\d/.test(String(l.Detail)))).toEqual([]);
  });

  it('naming anyone else, it is ignored for the From address, and the Log says why once', async () => {
    const em = await ready();
    await deliver(em, request('Cy <cy@acme.com>, leak@evil.example', 'rt3'));
    await deliver(em, request('eve@acme.com', 'rt4')); // at ACME's domain, not on Contacts
    em.run('ingestInbox');
    for (const id of ['rt3', 'rt4']) {
      const ack = ackOf(em, id);
      expect(ack.to).toBe('cy@acme.com');
      expect(ack.subject).toMatch(/\[#T-\d{6}\]/);
    }
    expect(sentTo(em)).not.toContain('leak@evil.example');
    // The fixture inbox has one already: Dee's Reply-To names a GLOBEX mailbox that is not on Contacts.
    const ignored = rows(em, 'Log').filter((l) => l.Action === 'Reply-To ignored' && /cy@acme\.com/.test(String(l.Detail)));
    expect(ignored.map((l) => String(l.Detail).match(/leak@evil\.example|eve@acme\.com/)?.[0]).sort()).toEqual([
      'eve@acme.com',
      'leak@evil.example',
    ]);
    em.clock.advance(10 * 60_000);
    em.run('ingestInbox');
    expect(rows(em, 'Log').filter((l) => l.Action === 'Reply-To ignored' && /cy@acme\.com/.test(String(l.Detail)))).toHaveLength(2);
  });
});

describe('a reused Message-ID', () => {
  it('a different sender or different content is logged and handled under a derived key; a true duplicate is skipped', async () => {
    const em = await ready();
    const mail = (from: string, subject: string, body: string) =>
      deliver(em, [`From: ${from}`, 'To: support@helpdesk.test', `Subject: ${subject}`, 'Message-ID: <reused-1@mail.example>'], body);
    await mail('Ann Lee <ann@acme.com>', 'Export to PDF is empty', 'The PDF export has no pages.');
    await mail('Dee Novak <dee@globex.example>', 'Invoice totals are wrong', 'The October invoice adds up wrong.');
    await mail('Ann Lee <ann@acme.com>', 'Export to PDF is empty', 'The PDF export has no pages.'); // delivered twice
    em.run('ingestInbox');
    const reused = () => rows(em, 'Messages').filter((m) => String(m['Message ID']).startsWith('<reused-1@mail.example>'));
    expect(reused().map((m) => [m.From, m.Kind])).toEqual([
      ['ann@acme.com', 'customer'],
      ['dee@globex.example', 'customer'],
    ]);
    expect(reused()[1]!['Message ID']).toMatch(/^<reused-1@mail\.example>#[0-9a-f]{8}$/);
    const tickets = rows(em, 'Tickets');
    expect(tickets.filter((t) => t.Subject === 'Export to PDF is empty')).toHaveLength(1);
    expect(tickets.filter((t) => t.Subject === 'Invoice totals are wrong')).toHaveLength(1);
    const logged = () => rows(em, 'Log').filter((l) => l.Action === 'Message-ID reused');
    expect(logged()).toHaveLength(1);
    expect(logged()[0]!.Detail).toMatch(/dee@globex\.example.*<reused-1@mail\.example>.*ann@acme\.com/);

    // In a later run: the same ID from a third sender is a third message; the colliding one again is not.
    em.clock.advance(10 * 60_000);
    await mail('Cy Park <cy@acme.com>', 'Users cannot log in', 'Nobody at Acme can log in since 9:00.');
    await mail('Dee Novak <dee@globex.example>', 'Invoice totals are wrong', 'The October invoice adds up wrong.');
    em.run('ingestInbox');
    expect(reused().map((m) => m.From)).toEqual(['ann@acme.com', 'dee@globex.example', 'cy@acme.com']);
    expect(rows(em, 'Tickets').filter((t) => t.Subject === 'Invoice totals are wrong')).toHaveLength(1);
    expect(logged()).toHaveLength(2);
  });

  it('a message reusing the Message-ID of a held message does not overwrite it; both are handled', async () => {
    const em = await ready();
    setCell(em, 'Clients', 'Client ID', 'GLOBEX', 'Monthly hours', 'four');
    const mail = (from: string, subject: string, body: string) =>
      deliver(em, [`From: ${from}`, 'To: support@helpdesk.test', `Subject: ${subject}`, 'Message-ID: <reused-2@mail.example>'], body);
    await mail('Dee Novak <dee@globex.example>', 'Invoice totals are wrong', 'The October invoice adds up wrong.');
    em.run('ingestInbox');
    expect(message(em, '<reused-2@mail.example>').Action).toMatch(/^held: /);
    em.clock.advance(10 * 60_000);
    await mail('Ann Lee <ann@acme.com>', 'Export to PDF is empty', 'The PDF export has no pages.');
    em.run('ingestInbox');
    const reused = () => rows(em, 'Messages').filter((m) => String(m['Message ID']).startsWith('<reused-2@mail.example>'));
    expect(reused().map((m) => [m.From, String(m.Action).startsWith('held: ')])).toEqual([
      ['dee@globex.example', true],
      ['ann@acme.com', false],
    ]);
    setCell(em, 'Clients', 'Client ID', 'GLOBEX', 'Monthly hours', 20);
    em.clock.advance(10 * 60_000);
    em.run('ingestInbox');
    expect(reused().map((m) => [m.From, String(m.Action).startsWith('opened T-')])).toEqual([
      ['dee@globex.example', true],
      ['ann@acme.com', true],
    ]);
  });
});
