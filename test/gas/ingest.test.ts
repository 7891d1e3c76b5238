import { Meter, LATENCY_MS } from '../../src/local/emulator/meter';
import { MailboxModel } from '../../src/local/emulator/gmail';
import { emulator, inSandbox, snapshot } from '../support/emulator';
import { AFTER_FIXTURES, rows, seedRegister, withFixtures } from './ingest-support';

async function ready(opts: Parameters<typeof emulator>[0] = {}) {
  const em = emulator({ now: AFTER_FIXTURES, ...opts });
  seedRegister(em);
  await withFixtures(em);
  return em;
}

const byId = (list: Record<string, unknown>[], key: string, id: string) => list.find((r) => r[key] === id)!;
const NOISE = ['bob@acme.com', 'mailer-daemon@googlemail.com', 'news@vendor.example'];

function addressesOfSent(em: { mailbox: MailboxModel }): string[] {
  return em.mailbox.outgoing.flatMap((m) => `${m.to},${m.cc}`.toLowerCase().match(/[^\s<>,]+@[^\s<>,]+/g) ?? []);
}

describe('ingestInbox over the fixture inbox', () => {
  it('opens one ticket per real request with requester, client, followers, deadlines; nothing for noise', async () => {
    // A first run at 11:00 MST, before the staff reply of 11:20, so the first request is acknowledged; then the rest.
    const em = await ready({ now: Date.UTC(2026, 10, 2, 18, 0, 0) });
    const early = em.run<string>('ingestInbox');
    expect(early.error).toBeUndefined();
    expect(early.value).toMatch(/4 tickets opened, 0 added to tickets/);
    em.clock.set(AFTER_FIXTURES);
    const r = em.run<string>('ingestInbox');
    expect(r.error).toBeUndefined();
    expect(r.value).toMatch(/3 tickets opened, 2 added to tickets/);
    const tickets = rows(em, 'Tickets');
    expect(tickets.map((t) => [t['Ticket ID'], t['Client ID'], t.Requester])).toEqual([
      ['T-000001', 'ACME', 'ann@acme.com'],
      ['T-000002', 'GLOBEX', 'dee@globex.example'],
      ['T-000003', 'GLOBEX', 'renee@globex.example'],
      ['T-000004', 'ACME', 'cy@acme.com'],
      ['T-000005', 'GLOBEX', 'dee@globex.example'],
      ['T-000006', 'ACME', 'ann@acme.com'],
      ['T-000007', 'GLOBEX', 'dee@globex.example'], // From, not its Reply-To
    ]);
    const t1 = byId(tickets, 'Ticket ID', 'T-000001');
    // Cc that are registered contacts of ACME (not staff, our own address or the requester). The
    // later reply's Cc, dana@acme.com, is at ACME's domain but not on Contacts: the Log names her instead.
    expect(t1.Followers).toBe('cy@acme.com');
    expect(
      rows(em, 'Log').filter(
        (l) => l.Action === 'Followers not added' && l['Ticket ID'] === 'T-000001' && /dana@acme\.com/.test(String(l.Detail)),
      ),
    ).toHaveLength(1);
    expect(t1.Messages).toBe(3);
    expect((t1['Received at'] as Date).toISOString()).toBe('2026-11-02T15:30:00.000Z');
    expect((t1['First response at'] as Date).toISOString()).toBe('2026-11-02T18:20:00.000Z');
    expect((t1['Last customer message at'] as Date).toISOString()).toBe('2026-11-02T19:02:00.000Z');
    expect(t1['First response due']).toBeInstanceOf(Date);
    expect(t1.Reason).toBe('Bug');
    // Formula-looking and non-UTF-8 subjects read back exactly as sent.
    expect(byId(tickets, 'Ticket ID', 'T-000004').Subject).toBe('=SUM(A1:A9) totals are wrong in the report');
    expect(byId(tickets, 'Ticket ID', 'T-000003').Subject).toBe("Problème d'import à régler");
    expect(byId(tickets, 'Ticket ID', 'T-000005').Priority).toBe('Critical');

    const messages = rows(em, 'Messages');
    const kind = (id: string) => byId(messages, 'Message ID', id).Kind;
    expect(kind('<ooo-005@mail.acme.com>')).toBe('auto');
    expect(kind('<bounce-006@mx.google.com>')).toBe('bounce');
    expect(kind('<news-007@lists.vendor.example>')).toBe('bulk');
    expect(kind('<staff-008@mail.helpdesk.test>')).toBe('staff');
    expect(kind('<phish-013@acme-corp.com>')).toBe('unregistered');
    // The duplicate delivery of the first request is one ledger row.
    expect(messages.filter((m) => m['Message ID'] === '<req-001@mail.acme.com>')).toHaveLength(1);
    expect(new Set(messages.map((m) => m['Message ID'])).size).toBe(messages.length);
    // Long bodies are cut to an excerpt.
    expect(String(byId(messages, 'Message ID', '<huge-011@globex.example>').Excerpt).length).toBeLessThanOrEqual(300);

    // One acknowledgement per ticket, in its thread, tagged; never to noise, staff or the lookalike's Reply-To.
    const acks = em.mailbox.sent.filter((m) => /\[#T-\d{6}\]/.test(m.subject));
    expect(acks.map((m) => m.subject.match(/T-\d{6}/)![0]).sort()).toEqual(tickets.map((t) => t['Ticket ID']));
    const sentTo = addressesOfSent(em);
    for (const a of [...NOISE, 'sam@helpdesk.test', 'support@helpdesk.test', 'payments@acme-corp.com', 'helpdesk-tickets@globex.example'])
      expect(sentTo).not.toContain(a);
    const ack1 = acks.find((m) => m.subject.includes('T-000001'))!;
    expect(ack1.cc).toBe('cy@acme.com');
    // "Export fails with error 500" is a technical defect: the matrix's High, 4 business hours from 08:30.
    expect(ack1.text).toContain('(priority High)');
    expect(ack1.text).toContain('by Mon 2 Nov 2026 12:30 MST');
    expect(ack1.text).toContain('Troubleshooting CSV exports');
    expect(em.mailbox.thread(ack1.threadId)!.messageIds.length).toBeGreaterThan(1);

    // The colleague at a client's domain is named in the Log so a CSM can register them; the lookalike is not.
    const log = rows(em, 'Log');
    expect(log.some((l) => l['Client ID'] === 'ACME' && /eve@acme.com/.test(String(l.Detail)))).toBe(true);
    expect(log.some((l) => /acme-corp/.test(String(l.Detail)) && l['Client ID'] !== '')).toBe(false);
  });

  it('a second run changes nothing and costs a few calls', async () => {
    const em = await ready();
    em.call('ingestInbox');
    const before = snapshot(em);
    const sent = em.mailbox.outgoing.length;
    em.clock.advance(5 * 60_000);
    const again = em.run<string>('ingestInbox');
    expect(again.error).toBeUndefined();
    expect(snapshot(em)).toEqual(before);
    expect(em.mailbox.outgoing.length).toBe(sent);
    expect(again.calls.counts['GmailApp.getMessagesForThreads'] ?? 0).toBe(0);
    expect(again.calls.counts['SpreadsheetApp.Range.getValues']).toBe(1); // Settings only
    expect(again.calls.total).toBeLessThanOrEqual(20);
    expect(again.calls.modeledMs).toBeLessThan(1000);
  });

  it('keeps sheet I/O to a constant number of batched calls', async () => {
    const em = await ready();
    const r = em.run('ingestInbox');
    const c = r.calls.counts;
    expect(c['SpreadsheetApp.Range.getValues'] ?? 0).toBeLessThanOrEqual(12);
    expect((c['SpreadsheetApp.Range.setValues'] ?? 0) + (c['SpreadsheetApp.Range.setValue'] ?? 0)).toBeLessThanOrEqual(6);
    expect(c['GmailApp.getMessagesForThreads']).toBe(1);
    expect(c['GmailApp.search']).toBe(1);
  });

  it('a run that cannot get the lock exits at once and says so; the next one does the work', async () => {
    const em = await ready();
    em.locks.holdAs('document', 'other run');
    const r = em.run<string>('ingestInbox');
    expect(r.value).toMatch(/lock/);
    expect(rows(em, 'Tickets')).toHaveLength(0);
    expect(em.mailbox.outgoing).toHaveLength(0);
    expect(rows(em, 'Log').some((l) => l.Action === 'Skipped')).toBe(true);
    em.locks.release('document', 'other run');
    em.call('ingestInbox');
    expect(rows(em, 'Tickets')).toHaveLength(7);
  });

  it('exactly once when runs are cut by the 6-minute limit mid-write', async () => {
    const latency: Record<string, number> = { ...LATENCY_MS };
    const em = await ready({ meter: new Meter(latency) });
    // Setup ran at normal speed; from now on every batched write takes 150 s, so runs are cut mid-write.
    latency['SpreadsheetApp.Range.setValues'] = 150_000;
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = em.run<string>('ingestInbox');
      outcomes.push(r.error ? `cut: ${r.error.message}` : String(r.value));
      em.clock.advance(5 * 60_000);
    }
    expect(outcomes.some((o) => o.startsWith('cut: Exceeded maximum execution time'))).toBe(true);
    const tickets = rows(em, 'Tickets');
    expect(tickets.map((t) => t['Ticket ID'])).toEqual([
      'T-000001',
      'T-000002',
      'T-000003',
      'T-000004',
      'T-000005',
      'T-000006',
      'T-000007',
    ]);
    const ids = rows(em, 'Messages').map((m) => m['Message ID']);
    expect(new Set(ids).size).toBe(ids.length);
    const ackSubjects = em.mailbox.outgoing.map((m) => m.subject).filter((s) => /\[#T-/.test(s));
    expect(new Set(ackSubjects).size).toBe(ackSubjects.length);
    // T-000001's is withdrawn: the staff reply in its thread was read in the same run, before it went out.
    expect(ackSubjects).toHaveLength(6);
    expect(ackSubjects.some((s) => s.includes('T-000001'))).toBe(false);
  });

  it('stops sending before the limit when replies are slow and finishes on later runs, each reply once', async () => {
    const slow = new Meter({
      ...LATENCY_MS,
      'GmailApp.GmailMessage.reply': 100_000,
      'GmailApp.GmailDraft.send': 100_000,
      'GmailApp.sendEmail': 100_000,
    });
    const em = await ready({ meter: slow });
    const statuses: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = em.run<string>('ingestInbox');
      expect(r.error).toBeUndefined();
      statuses.push(String(r.value));
      em.clock.advance(5 * 60_000);
    }
    expect(statuses[0]).toMatch(/waiting for the next run/);
    const subjects = em.mailbox.sent.map((m) => m.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(subjects).toHaveLength(7); // 6 acknowledgements (staff answered T-000001 first) + 1 unregistered reply (the look-alike domain gets none)
    expect(rows(em, 'Messages').filter((m) => /queued/.test(String(m.Action)))).toEqual([]);
  });

  it('holds replies as drafts when the mail quota is low, and logs it', async () => {
    const em = await ready({ mailbox: new MailboxModel({ address: 'support@helpdesk.test', dailyQuota: 12 }) });
    em.call('ingestInbox');
    expect(em.mailbox.drafts.length).toBeGreaterThan(0);
    expect(rows(em, 'Log').some((l) => l.Action === 'Held as draft' && /mail quota/.test(String(l.Detail)))).toBe(true);
    expect(rows(em, 'Messages').some((m) => /held as draft/.test(String(m.Action)))).toBe(true);
  });
});

describe('threads after the acknowledgement', () => {
  it('our acknowledgement in the thread is our own, never a staff response; a reply to it joins the ticket', async () => {
    const em = await ready();
    em.call('ingestInbox');
    const ack = em.mailbox.sent.find((m) => m.subject.includes('T-000002'))!;
    em.clock.advance(10 * 60_000);
    await em.mailbox.deliver(
      [
        'From: Dee Novak <dee@globex.example>',
        'To: support@helpdesk.test',
        'Subject: Re: How do I add a new user?',
        `Date: ${new Date(em.clock.now() - 60_000).toUTCString()}`,
        'Message-ID: <dee-followup@globex.example>',
        `In-Reply-To: ${ack.messageIdHeader}`,
        `References: <CAHTML-002@globex.example> ${ack.messageIdHeader}`,
        '',
        'Thanks, the invite button works now.',
        '',
      ].join('\r\n'),
      { at: em.clock.now() - 60_000 },
    );
    em.call('ingestInbox');
    const t2 = byId(rows(em, 'Tickets'), 'Ticket ID', 'T-000002');
    expect(t2['First response at']).toBe('');
    expect(t2.Messages).toBe(2);
    const messages = rows(em, 'Messages');
    expect(byId(messages, 'Message ID', ack.messageIdHeader)).toMatchObject({ Kind: 'own', 'Ticket ID': 'T-000002' });
    expect(byId(messages, 'Message ID', '<dee-followup@globex.example>')).toMatchObject({ Kind: 'customer', 'Ticket ID': 'T-000002' });
  });

  it('an acknowledgement never follows a Reply-To that adds someone beyond the requester', async () => {
    const em = await ready();
    em.call('ingestInbox');
    em.clock.advance(10 * 60_000);
    await em.mailbox.deliver(
      [
        'From: Cy Park <cy@acme.com>',
        'Reply-To: Cy <cy@acme.com>, leak@evil.example',
        'To: support@helpdesk.test',
        'Subject: Dashboard will not load',
        `Date: ${new Date(em.clock.now() - 60_000).toUTCString()}`,
        'Message-ID: <leak-1@acme.com>',
        '',
        'The dashboard is blank.',
        '',
      ].join('\r\n'),
      { at: em.clock.now() - 60_000 },
    );
    const before = em.mailbox.sent.length;
    em.call('ingestInbox');
    const ack = em.mailbox.sent.slice(before).find((m) => m.subject.includes('Dashboard will not load'))!;
    expect(ack.to).toContain('cy@acme.com');
    expect(`${ack.to} ${ack.cc}`).not.toContain('leak@evil.example');
    expect(addressesOfSent(em)).not.toContain('leak@evil.example');
  });

  it('a reply to a Resolved ticket reopens it; a reply to a Closed one opens a new ticket naming it', async () => {
    const em = await ready();
    em.call('ingestInbox');
    const setStatus = (id: string, status: string) => {
      const values = em.workbook.sheetValues('Tickets') as unknown[][];
      const col = (values[0] as string[]).indexOf('Status');
      const row = values.findIndex((r) => r[0] === id);
      em.realm.context.__setStatus = [row + 1, col + 1, status];
      // eslint-disable-next-line
      require('node:vm').runInContext(
        `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets').getRange(__setStatus[0], __setStatus[1]).setValue(__setStatus[2])`,
        em.realm.context,
      );
    };
    setStatus('T-000006', 'Resolved');
    setStatus('T-000007', 'Closed');
    em.clock.advance(10 * 60_000);
    const reply = (from: string, subject: string, ref: string, id: string) =>
      em.mailbox.deliver(
        [
          `From: ${from}`,
          'To: support@helpdesk.test',
          `Subject: ${subject}`,
          `Date: ${new Date(em.clock.now() - 60_000).toUTCString()}`,
          `Message-ID: ${id}`,
          `In-Reply-To: ${ref}`,
          `References: ${ref}`,
          '',
          'It happens again.',
          '',
        ].join('\r\n'),
        { at: em.clock.now() - 60_000 },
      );
    const noId = rows(em, 'Messages').find((m) => m['Ticket ID'] === 'T-000006')!['Message ID'] as string;
    await reply('Ann Lee <ann@acme.com>', 'Re: Password reset link expired', noId, '<again-6@acme.com>');
    await reply('Dee Novak <dee@globex.example>', 'Re: Invoice PDF is blank', '<replyto-015@globex.example>', '<again-7@globex.example>');
    em.call('ingestInbox');
    const tickets = rows(em, 'Tickets');
    expect(byId(tickets, 'Ticket ID', 'T-000006').Status).toBe('Open');
    expect(byId(tickets, 'Ticket ID', 'T-000007').Status).toBe('Closed');
    expect(byId(tickets, 'Ticket ID', 'T-000008')).toMatchObject({
      Requester: 'dee@globex.example',
      'Thread ID': byId(tickets, 'Ticket ID', 'T-000007')['Thread ID'],
    });
    expect(byId(rows(em, 'Messages'), 'Message ID', '<again-7@globex.example>').Action).toMatch(
      /opened T-000008, following up T-000007 \(closed\)/,
    );
    expect(rows(em, 'Log').some((l) => l['Ticket ID'] === 'T-000008' && /follows up T-000007/.test(String(l.Detail)))).toBe(true);
  });
});

describe('ingestInbox checks the columns it needs before touching anything', () => {
  for (const [tab, from, to] of [
    ['Tickets', 'Status', 'State'],
    ['Messages', 'Message ID', 'Message-ID'],
    ['Clients', 'Client ID', 'Client Id'],
  ] as const) {
    it(`${tab} with ${from} renamed ${to}: the inbox check does not run, writes nothing and sends nothing`, async () => {
      const em = await ready();
      const h = em.workbook.sheetValues(tab)[0] as string[];
      em.workbook.writeRaw(tab, [[to]], 1, h.indexOf(from) + 1);
      const before = { tickets: em.workbook.sheetValues('Tickets'), messages: em.workbook.sheetValues('Messages') };
      const r = em.run<string>('ingestInbox');
      expect(r.error).toBeUndefined();
      expect(String(r.value)).toMatch(new RegExp(`^${tab} has no ${from} column: the inbox check did not run\\.`));
      expect(em.workbook.sheetValues('Tickets')).toEqual(before.tickets);
      expect(em.workbook.sheetValues('Messages')).toEqual(before.messages);
      expect(em.mailbox.outgoing).toHaveLength(0);
    });
  }
});

describe('ingestInbox when a Clients row has a bad cell', () => {
  /** Types `value` into `header` of the client's row, as a person would. */
  function typeClientCell(em: Awaited<ReturnType<typeof ready>>, clientId: string, header: string, value: string) {
    inSandbox(
      em,
      `
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients');
      var values = sh.getDataRange().getValues();
      var col = values[0].indexOf(${JSON.stringify(header)});
      for (var r = 1; r < values.length; r++) if (values[r][0] === ${JSON.stringify(clientId)}) sh.getRange(r + 1, col + 1).setValue(${JSON.stringify(value)});
      return true;`,
    );
  }
  const globex = (em: Awaited<ReturnType<typeof ready>>) =>
    rows(em, 'Tickets')
      .filter((t) => t['Client ID'] === 'GLOBEX')
      .map((t) => [t.Requester, t.Subject, (t['Received at'] as Date).toISOString()]);

  it('holds that client’s mail with one notice, then opens its tickets with their original Received at once the cell is fixed', async () => {
    const clean = await ready();
    expect(clean.run<string>('ingestInbox').error).toBeUndefined();
    const expected = globex(clean);
    expect(expected.length).toBeGreaterThan(0);

    const em = await ready();
    typeClientCell(em, 'GLOBEX', 'Monthly hours', 'four');
    const first = em.run<string>('ingestInbox');
    expect(first.error).toBeUndefined();
    expect(first.value).toMatch(/held/);
    expect(globex(em)).toEqual([]);
    const fromGlobex = () => rows(em, 'Messages').filter((m) => /@globex\.example$/.test(String(m.From)));
    expect(fromGlobex().length).toBeGreaterThan(0);
    for (const m of fromGlobex()) {
      expect(m.Action).toMatch(/^held: the Clients row of GLOBEX has a problem \(Monthly hours/);
      expect(m.Kind).not.toBe('unregistered');
    }
    const held = () => rows(em, 'Log').filter((l) => l.Action === 'Mail held');
    expect(held()).toHaveLength(1);
    expect(held()[0]!['Client ID']).toBe('GLOBEX');
    const problems = rows(em, 'Clients').find((c) => c['Client ID'] === 'GLOBEX')!.Problems;
    expect(problems).toMatch(/Monthly hours/);
    // No mail to the held senders.
    expect(addressesOfSent(em).filter((a) => a.endsWith('@globex.example'))).toEqual([]);

    // A later run, cell still bad: still held, not announced again, one ledger row per message.
    em.clock.set(AFTER_FIXTURES + 10 * 60_000);
    expect(em.run<string>('ingestInbox').error).toBeUndefined();
    expect(held()).toHaveLength(1);
    const heldCount = fromGlobex().length;

    // Fixed: the next run opens them, with the Received at of the mail itself.
    typeClientCell(em, 'GLOBEX', 'Monthly hours', '20');
    em.clock.set(AFTER_FIXTURES + 20 * 60_000);
    const fixed = em.run<string>('ingestInbox');
    expect(fixed.error).toBeUndefined();
    expect(globex(em)).toEqual(expected);
    expect(fromGlobex()).toHaveLength(heldCount);
    for (const m of fromGlobex()) expect(m.Action).not.toMatch(/^held/);
    expect(new Set(rows(em, 'Messages').map((m) => m['Message ID'])).size).toBe(rows(em, 'Messages').length);
    // The tickets' order and numbers differ from a clean run's (ACME's came first); nothing else is lost.
    expect(rows(em, 'Tickets')).toHaveLength(rows(clean, 'Tickets').length);
  });
});
