import fc from 'fast-check';
import { acknowledgement, unregisteredReply } from '../../src/core/mail/ack';
import { addressesIn, isAtDomain, parseAddressList } from '../../src/core/mail/address';
import { Directory } from '../../src/core/mail/directory';
import { parseHeaderBlock } from '../../src/core/mail/headers';
import { rankArticles } from '../../src/core/mail/kb';
import { parseKeywordRules, suggestReason, DEFAULT_REASON_KEYWORDS } from '../../src/core/mail/keywords';
import type { InboundMessage } from '../../src/core/mail/message';
import { detectNoise } from '../../src/core/mail/noise';
import { ownMarkIn } from '../../src/core/mail/own';
import { cleanOutsideText, SUBJECT_MAX } from '../../src/core/mail/outside-text';
import { parseMessage, receivedAt } from '../../src/core/mail/parsed';
import { cleanSubject, taggedReplySubject, ticketTagIn } from '../../src/core/mail/subject';
import { decide, mergeFollowers } from '../../src/core/tickets/decide';
import { findTicket, type TicketIndex, type TicketView } from '../../src/core/tickets/join';
import { formatTicketId, type TicketId } from '../../src/core/types/ids';
import { REASONS } from '../../src/core/types/vocab';

const H = (text: string) => parseHeaderBlock(text.replace(/\n/g, '\r\n') + '\r\n\r\nbody');

function msg(over: Partial<InboundMessage> & { raw?: string } = {}): InboundMessage {
  const raw = over.raw ?? 'Message-ID: <m1@acme.com>\nDate: Mon, 2 Nov 2026 09:00:00 -0700';
  return {
    gmailId: 'g1',
    threadId: 't1',
    from: 'Ann Lee <ann@acme.com>',
    to: 'support@helpdesk.test',
    cc: '',
    replyTo: '',
    subject: 'Export fails',
    deliveredAt: Date.UTC(2026, 10, 2, 16, 0, 5),
    body: 'The export fails with an error.',
    draft: false,
    headers: H(raw),
    ...over,
  };
}

const dir = new Directory(
  'support@helpdesk.test',
  ['helpdesk.test'],
  [
    { email: 'ann@acme.com', name: 'Ann Lee', clientId: 'ACME', canOpenTickets: true },
    { email: 'bob@acme.com', name: 'Bob', clientId: 'ACME', canOpenTickets: false },
    { email: 'old@gone.com', name: 'Old', clientId: 'GONE', canOpenTickets: true },
  ],
  [
    { clientId: 'ACME', name: 'Acme Corp', domains: ['acme.com'], status: 'Active' },
    { clientId: 'GONE', name: 'Gone Ltd', domains: ['gone.com'], status: 'Ended' },
  ],
);

describe('addresses', () => {
  it('reads display names, quoted commas, groups and bare addresses, lower-cased', () => {
    expect(parseAddressList('"Lee, Ann" <Ann@ACME.com>, bob@acme.com, Team: c@x.io, d@y.io;')).toEqual([
      { name: 'Lee, Ann', address: 'ann@acme.com' },
      { name: '', address: 'bob@acme.com' },
      { name: '', address: 'c@x.io' },
      { name: '', address: 'd@y.io' },
    ]);
    expect(addressesIn('undisclosed-recipients:;')).toEqual([]);
  });
  it('never takes a lookalike domain for the real one', () => {
    expect(isAtDomain('x@acme.com', 'acme.com')).toBe(true);
    expect(isAtDomain('x@eu.acme.com', 'acme.com')).toBe(true);
    for (const fake of ['x@acme.com.evil.io', 'x@acme-com.net', 'x@acrne.com', 'x@notacme.com', 'x@acme.co'])
      expect(isAtDomain(fake, 'acme.com')).toBe(false);
  });
});

describe('noise', () => {
  const cases: [string, string, string, string | null][] = [
    ['Auto-Submitted: auto-replied', 'ann@acme.com', 'Re: x', 'auto'],
    ['Auto-Submitted: no', 'ann@acme.com', 'Re: x', null],
    ['X-Autoreply: yes', 'ann@acme.com', 'x', 'auto'],
    ['X-Autorespond: on', 'ann@acme.com', 'x', 'auto'],
    ['Precedence: auto_reply', 'ann@acme.com', 'x', 'auto'],
    ['Precedence: bulk', 'news@acme.com', 'x', 'bulk'],
    ['Precedence: junk', 'news@acme.com', 'x', 'bulk'],
    ['List-Id: <users.lists.acme.com>', 'ann@acme.com', 'x', 'bulk'],
    ['List-Unsubscribe: <mailto:u@x>', 'ann@acme.com', 'x', 'bulk'],
    ['X-Other: 1', 'MAILER-DAEMON@mx.acme.com', 'x', 'bounce'],
    ['X-Other: 1', 'postmaster@acme.com', 'x', 'bounce'],
    ['Content-Type: multipart/report; report-type=delivery-status; boundary="b"', 'ann@acme.com', 'x', 'bounce'],
    ['X-Other: 1', 'ann@acme.com', 'Automatic reply: Export fails', 'auto'],
    ['X-Other: 1', 'ann@acme.com', 'Undeliverable: Export fails', 'bounce'],
    ['X-Other: 1', 'ann@acme.com', 'Export fails', null],
  ];
  it.each(cases)('%s from %s "%s" → %s', (head, from, subject, kind) => {
    expect(detectNoise(H(head), from, subject)?.kind ?? null).toBe(kind);
  });
});

describe('subjects and tags', () => {
  it('strips reply/forward prefixes in several languages and our tags', () => {
    expect(cleanSubject('RE: AW: Fwd:  Export fails')).toBe('Export fails');
    expect(cleanSubject('Re: [#T-000123] Export fails')).toBe('Export fails');
    expect(cleanSubject('=SUM(A1:A9)')).toBe('=SUM(A1:A9)');
  });
  it('finds our tag anywhere in the subject', () => {
    expect(ticketTagIn('Re: [#T-000123] Export fails')).toBe('T-000123');
    expect(ticketTagIn('Export fails [#t-000042]')).toBe('T-000042');
    expect(ticketTagIn('Export fails #T-000042')).toBeNull();
  });
  it('a tagged subject always reads back the same ticket and clean subject', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999999 }), fc.string({ maxLength: 40 }), (n, s) => {
        const id = formatTicketId(n);
        const tagged = taggedReplySubject(id, s);
        expect(ticketTagIn(tagged)).toBe(id);
        // What reads back is the sender's subject as our mail may echo it (a short plain line).
        const echoed = cleanSubject(cleanOutsideText(cleanSubject(s), SUBJECT_MAX));
        expect(cleanSubject(tagged)).toBe(echoed);
        expect(cleanSubject(cleanSubject(s))).toBe(cleanSubject(s));
      }),
    );
  });
});

describe('parsed messages', () => {
  it('uses the Message-ID header as the ledger key, a stable fingerprint without one', () => {
    expect(parseMessage(msg()).ledgerId).toBe('<m1@acme.com>');
    const a = parseMessage(msg({ raw: 'Date: Mon, 2 Nov 2026 09:00:00 -0700', gmailId: 'g1' }));
    const b = parseMessage(msg({ raw: 'Date: Mon, 2 Nov 2026 09:00:00 -0700', gmailId: 'g2', threadId: 't9', deliveredAt: 5 }));
    expect(a.hasMessageId).toBe(false);
    expect(a.ledgerId).toBe(b.ledgerId);
    expect(parseMessage(msg({ raw: 'Date: Mon, 2 Nov 2026 09:00:00 -0700', body: 'other' })).ledgerId).not.toBe(a.ledgerId);
  });
  it('Received at is the Date header unless missing or more than 24 h after delivery', () => {
    const delivered = Date.UTC(2026, 10, 2, 16, 0, 5);
    expect(receivedAt(parseMessage(msg()))).toBe(Date.UTC(2026, 10, 2, 16, 0, 0));
    expect(receivedAt(parseMessage(msg({ raw: 'Message-ID: <a@b>' })))).toBe(delivered);
    expect(receivedAt(parseMessage(msg({ raw: 'Message-ID: <a@b>\nDate: Fri, 6 Nov 2026 09:00:00 -0700' })))).toBe(delivered);
    expect(receivedAt(parseMessage(msg({ raw: 'Message-ID: <a@b>\nDate: garbage' })))).toBe(delivered);
  });
  it('reads In-Reply-To and References as message ids', () => {
    const p = parseMessage(msg({ raw: 'Message-ID: <r@acme.com>\nIn-Reply-To: <a@x>\nReferences: <z@x>\n <a@x>' }));
    expect(p.references).toEqual(['<a@x>', '<z@x>']);
  });
});

describe('our own mail', () => {
  it('is recognised by the reference line at the end of its body, not when quoted', () => {
    const ack = acknowledgement({
      ticketId: 'T-000001' as TicketId,
      subject: 'x',
      requesterName: 'Ann',
      priority: 'High',
      firstResponseDue: null,
      articles: [],
      followers: [],
    });
    expect(ownMarkIn(ack.body)).toEqual({ kind: 'ack', key: 'T-000001' });
    const quoted =
      'Thanks!\n\nOn Mon, support wrote:\n' +
      ack.body
        .split('\n')
        .map((l) => '> ' + l)
        .join('\n');
    expect(ownMarkIn(quoted)).toBeNull();
    expect(ownMarkIn('just text')).toBeNull();
  });
});

describe('acknowledgement', () => {
  it('states ticket, priority, the promise in the client zone and up to 3 articles', () => {
    const a = acknowledgement({
      ticketId: 'T-000123' as TicketId,
      subject: 'Re: Export fails',
      requesterName: 'Ann',
      priority: 'High',
      firstResponseDue: { ms: Date.UTC(2026, 10, 30, 18, 10), timeZone: 'America/Denver' },
      articles: [{ title: 'Exports', url: 'https://kb/1', keywords: 'export', score: 1 }],
      followers: ['cy@acme.com'],
    });
    expect(a.subject).toBe('Re: [#T-000123] Export fails');
    expect(a.body).toContain('ticket T-000123 (priority High)');
    expect(a.body).toContain('by Mon 30 Nov 2026 11:10 MST');
    expect(a.body).toContain('- Exports: https://kb/1');
    expect(a.body).toContain('cy@acme.com');
  });
  it('the unregistered reply says how to get registered', () => {
    const r = unregisteredReply('Help', 'Acme Corp', 'k');
    expect(r.subject).toBe('Re: Help');
    expect(r.body).toMatch(/Customer Success Manager/);
    // A stranger is never told which client their domain belongs to.
    expect(r.body).not.toMatch(/Acme Corp/);
    expect(r.body).toMatch(/not registered with us/);
    expect(ownMarkIn(r.body)?.kind).toBe('unregistered');
  });
  it('makes no promise that is already past when it is written (mail read late)', () => {
    const base = {
      ticketId: 'T-000007' as TicketId,
      subject: 'x',
      requesterName: 'Ann',
      priority: 'Medium' as const,
      articles: [],
      followers: [],
    };
    const due = { ms: Date.UTC(2026, 8, 8, 21, 45), timeZone: 'America/Denver' };
    expect(acknowledgement({ ...base, firstResponseDue: due, now: due.ms - 60_000 }).body).toContain('by Tue 8 Sep 2026 15:45 MDT');
    const late = acknowledgement({ ...base, firstResponseDue: due, now: Date.UTC(2026, 8, 30) }).body;
    expect(late).not.toContain('You will hear from us by');
    expect(late).toContain('as soon as we can');
  });
  it('a contact on file who may not open tickets is told that, not that they are unregistered', () => {
    const r = unregisteredReply('Help', 'Acme Corp', 'k', { contactMayNotOpen: true });
    expect(r.body).toMatch(/registered for Acme Corp but not authorized to open support requests/);
    expect(r.body).not.toMatch(/not yet registered/);
    expect(ownMarkIn(r.body)?.kind).toBe('unregistered');
  });
});

describe('keyword rules', () => {
  const reasons = parseKeywordRules(DEFAULT_REASON_KEYWORDS, REASONS, 'Reason keywords');
  it('suggests a reason by the most matching phrases, whole words only', () => {
    expect(suggestReason('The export fails with an error', reasons)).toBe('Bug');
    expect(suggestReason('How do I add a user?', reasons)).toBe('Question');
    expect(suggestReason('Errorless terror', reasons)).toBe('Unclassified');
  });
  it('rejects rules a person mistyped with a clear message', () => {
    expect(() => parseKeywordRules('Bugz: a', REASONS, 'Reason keywords')).toThrow(/"Bugz" is not one of/);
    expect(() => parseKeywordRules('just words', REASONS, 'Reason keywords')).toThrow(/Label: word/);
  });
});

describe('knowledge base', () => {
  const kb = [
    { title: 'Reset password', url: 'https://kb/pw', keywords: 'password, login, reset' },
    { title: 'Exports', url: 'https://kb/ex', keywords: 'export, csv' },
    { title: 'CSV exports failing', url: 'https://kb/csv', keywords: 'export, csv, fails' },
    { title: 'Billing', url: 'https://kb/b', keywords: 'invoice' },
    { title: 'Imports', url: 'https://kb/im', keywords: 'import, csv' },
  ];
  it('ranks by keyword overlap and returns at most 3', () => {
    const r = rankArticles('Our CSV export fails every night', kb);
    expect(r.map((a) => a.title)).toEqual(['CSV exports failing', 'Exports', 'Imports']);
    expect(rankArticles('hello', kb)).toEqual([]);
  });
});

describe('joining and deciding', () => {
  const t1: TicketView = {
    id: 'T-000001' as TicketId,
    clientId: 'ACME',
    requester: 'ann@acme.com',
    followers: ['cy@acme.com'],
    status: 'Open',
    threadId: 'th1',
  };
  const index = (tickets: TicketView[], ledger: Record<string, string> = {}): TicketIndex => ({
    byThread: (th) => tickets.find((t) => t.threadId === th),
    byMessageId: (m) => tickets.find((t) => t.id === ledger[m]),
    byId: (id) => tickets.find((t) => t.id === id),
  });
  const run = (
    m: InboundMessage,
    tickets: TicketView[] = [t1],
    ledger: Record<string, string> = {},
    unregistered: 'Reply and log' | 'Open ticket' = 'Reply and log',
  ) => {
    const parsed = parseMessage(m);
    const join = findTicket(parsed, index(tickets, ledger), dir);
    return decide({
      parsed,
      noise: detectNoise(m.headers, parsed.sender.address, m.subject),
      own: ownMarkIn(m.body),
      join,
      directory: dir,
      unregistered,
    });
  };

  it('a registered contact outside any ticket opens one; the requester is From, never Reply-To', () => {
    const d = run(msg({ threadId: 'new', replyTo: 'attacker@evil.io' }));
    expect(d).toMatchObject({ type: 'open', clientId: 'ACME', requester: 'ann@acme.com' });
  });
  it('joins by thread, by References to a ledger message, and by tag', () => {
    expect(run(msg({ threadId: 'th1' }))).toMatchObject({ type: 'append', ticketId: 'T-000001', kind: 'customer' });
    const byRef = msg({ threadId: 'other', subject: 'new subject', raw: 'Message-ID: <x@acme.com>\nIn-Reply-To: <ack@helpdesk.test>' });
    expect(run(byRef, [t1], { '<ack@helpdesk.test>': 'T-000001' })).toMatchObject({ type: 'append', ticketId: 'T-000001' });
    expect(run(msg({ threadId: 'other', subject: 'Re: [#T-000001] Export fails' }))).toMatchObject({
      type: 'append',
      ticketId: 'T-000001',
    });
  });
  it('the same subject never merges two requests', () => {
    expect(run(msg({ threadId: 'other', subject: 'Export fails' }))).toMatchObject({ type: 'open' });
  });
  it('a tag typed by a stranger does not join', () => {
    expect(run(msg({ threadId: 'other', from: 'x@acme-corp.com', subject: '[#T-000001] hi' }))).toMatchObject({ type: 'unregistered' });
  });
  it('staff in the thread stamp the response; the support address outside a ticket opens nothing', () => {
    expect(run(msg({ threadId: 'th1', from: 'Sam <sam@helpdesk.test>' }))).toMatchObject({ type: 'append', staff: true, kind: 'staff' });
    expect(run(msg({ threadId: 'th1', from: 'support@helpdesk.test' }))).toMatchObject({ type: 'append', staff: true });
    expect(run(msg({ threadId: 'zz', from: 'support@helpdesk.test' }))).toMatchObject({ type: 'log', kind: 'staff' });
  });
  it('our own acknowledgement in the thread is ours, not a staff response', () => {
    const ack = acknowledgement({
      ticketId: 'T-000001' as TicketId,
      subject: 'x',
      requesterName: '',
      priority: 'Low',
      firstResponseDue: null,
      articles: [],
      followers: [],
    });
    expect(run(msg({ threadId: 'th1', from: 'Support <support@helpdesk.test>', body: ack.body }))).toMatchObject({
      type: 'log',
      kind: 'own',
      ticketId: 'T-000001',
    });
  });
  it('noise in a ticket thread is logged, never appended', () => {
    expect(run(msg({ threadId: 'th1', raw: 'Message-ID: <o@acme.com>\nAuto-Submitted: auto-replied' }))).toMatchObject({
      type: 'log',
      kind: 'auto',
      ticketId: 'T-000001',
    });
  });
  it('a reply to a Resolved ticket reopens it; to a Closed one opens a new ticket naming it', () => {
    expect(run(msg({ threadId: 'th1' }), [{ ...t1, status: 'Resolved' }])).toMatchObject({ type: 'append', reopen: true });
    expect(run(msg({ threadId: 'th1' }), [{ ...t1, status: 'Closed' }])).toMatchObject({ type: 'open', followsClosed: 'T-000001' });
  });
  it('a follower writing in the thread is appended as follower', () => {
    expect(run(msg({ threadId: 'th1', from: 'cy@acme.com' }))).toMatchObject({ type: 'append', kind: 'follower' });
  });
  it('a stranger in a ticket’s thread is recorded, not added, and reopens nothing; the client’s contacts join', () => {
    for (const tickets of [[t1], [{ ...t1, status: 'Resolved' as const }]]) {
      expect(run(msg({ threadId: 'th1', from: 'Mallory <mallory@evil.example>' }), tickets)).toMatchObject({
        type: 'stranger',
        kind: 'unregistered',
        ticketId: 'T-000001',
        action: expect.stringMatching(/^not added to T-000001: not a registered contact of ACME/),
      });
      // A registered contact, but of another client; an unregistered colleague at the client's domain.
      expect(run(msg({ threadId: 'th1', from: 'old@gone.com' }), tickets)).toMatchObject({
        type: 'stranger',
        action: expect.stringMatching(/a contact of GONE, not of ACME/),
      });
      expect(run(msg({ threadId: 'th1', from: 'new@acme.com' }), tickets)).toMatchObject({ type: 'stranger' });
    }
    expect(run(msg({ threadId: 'th1', from: 'bob@acme.com' }))).toMatchObject({ type: 'append', kind: 'customer' });
  });
  it('unregistered senders: no ticket by default, client named for domain matches; Open ticket setting opens', () => {
    expect(run(msg({ threadId: 'n', from: 'new@acme.com' }))).toMatchObject({
      type: 'unregistered',
      replyAllowed: true,
      client: { clientId: 'ACME' },
    });
    expect(run(msg({ threadId: 'n', from: 'x@acme.com.evil.io' }))).toMatchObject({ type: 'unregistered', client: null });
    expect(run(msg({ threadId: 'n', from: 'bob@acme.com' }))).toMatchObject({
      type: 'unregistered',
      action: expect.stringMatching(/may not open/),
    });
    expect(run(msg({ threadId: 'n', from: 'old@gone.com' }))).toMatchObject({ type: 'unregistered', replyAllowed: false });
    expect(run(msg({ threadId: 'n', from: 'new@acme.com' }), [t1], {}, 'Open ticket')).toMatchObject({
      type: 'open',
      clientId: 'ACME',
      kind: 'unregistered',
    });
  });
  it('followers are the Cc that are registered contacts of the ticket’s client, minus staff and the requester, unioned', () => {
    expect(
      mergeFollowers(
        ['cy@acme.com'],
        ['ann@acme.com', 'support@helpdesk.test', 'sam@helpdesk.test', 'bob@acme.com', 'dee@acme.com', 'old@gone.com', 'cy@acme.com'],
        'Ann@acme.com',
        'ACME',
        dir,
      ),
    ).toEqual({ followers: ['cy@acme.com', 'bob@acme.com'], refused: ['dee@acme.com', 'old@gone.com'] });
  });
});
