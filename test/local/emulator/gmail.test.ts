import { createGmailApp, MailboxModel } from '../../../src/local/emulator/gmail';
import { eml, makeContext } from '../../../src/local/emulator/gmail/testing';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 8);

function setup() {
  const ctx = makeContext(Date.UTC(2026, 10, 2, 15));
  const mailbox = new MailboxModel({ address: 'support@acme.test' });
  const gmail = createGmailApp(ctx, mailbox);
  return { ctx, mailbox, gmail };
}

describe('threading', () => {
  it('joins a reply that references a message of the thread and keeps its subject', async () => {
    const { mailbox, gmail } = setup();
    const a = await mailbox.deliver(
      eml({ from: 'Ann <ann@client.test>', subject: 'Printer broken', date: T0, messageId: '<a@client.test>' }),
    );
    const b = await mailbox.deliver(
      eml({
        from: 'Ann <ann@client.test>',
        subject: 'RE: Fwd:  printer   BROKEN',
        date: T0 + H,
        messageId: '<b@client.test>',
        inReplyTo: '<a@client.test>',
        references: ['<a@client.test>'],
      }),
    );
    expect(b.threadId).toBe(a.threadId);
    expect(a.threadId).toBe(a.id);
    expect(gmail.getThreadById(a.threadId)?.getMessageCount()).toBe(2);
  });

  it('starts a new thread when the subject changed or nothing is referenced', async () => {
    const { mailbox } = setup();
    const a = await mailbox.deliver(eml({ from: 'ann@client.test', subject: 'Printer broken', date: T0, messageId: '<a@client.test>' }));
    const changed = await mailbox.deliver(
      eml({
        from: 'ann@client.test',
        subject: 'Another question',
        date: T0 + H,
        messageId: '<c@client.test>',
        inReplyTo: '<a@client.test>',
      }),
    );
    const unreferenced = await mailbox.deliver(
      eml({ from: 'ann@client.test', subject: 'Re: Printer broken', date: T0 + 2 * H, messageId: '<d@client.test>' }),
    );
    expect(changed.threadId).not.toBe(a.threadId);
    expect(unreferenced.threadId).not.toBe(a.threadId);
  });

  it('delivering the same raw message twice gives two Gmail messages with one Message-ID', async () => {
    const { mailbox, gmail } = setup();
    const raw = eml({ from: 'ann@client.test', subject: 'Dup', date: T0, messageId: '<dup@client.test>' });
    const one = await mailbox.deliver(raw);
    const two = await mailbox.deliver(raw);
    expect(one.id).not.toBe(two.id);
    expect(one.id).toMatch(/^[0-9a-f]{16}$/);
    const m1 = gmail.getMessageById(one.id);
    const m2 = gmail.getMessageById(two.id);
    expect(m1?.getHeader('Message-ID')).toBe('<dup@client.test>');
    expect(m2?.getHeader('message-id')).toBe('<dup@client.test>');
    expect(m1?.getHeader('X-Nope')).toBe('');
  });
});

describe('visibility follows the clock', () => {
  it('hides messages dated after now from search, threads and lookups', async () => {
    const { ctx, mailbox, gmail } = setup();
    const now = ctx.clock.now();
    const past = await mailbox.deliver(eml({ from: 'ann@client.test', subject: 'Q1', date: now - H, messageId: '<p@x.test>' }));
    const future = await mailbox.deliver(
      eml({ from: 'ann@client.test', subject: 'Q1', date: now + H, messageId: '<f@x.test>', references: ['<p@x.test>'] }),
    );
    const lone = await mailbox.deliver(eml({ from: 'bob@client.test', subject: 'Later', date: now + 2 * H }));
    expect(future.threadId).toBe(past.threadId);
    expect(gmail.search('in:inbox').map((t) => t.getId())).toEqual([past.threadId]);
    expect(gmail.getThreadById(past.threadId)?.getMessages().length).toBe(1);
    expect(gmail.getMessageById(future.id)).toBeNull();
    expect(gmail.getThreadById(lone.threadId)).toBeNull();
    ctx.clock.advance(3 * H);
    expect(gmail.search('in:inbox').map((t) => t.getId())).toEqual([lone.threadId, past.threadId]);
    expect(gmail.getThreadById(past.threadId)?.getMessages().length).toBe(2);
  });
});

describe('search', () => {
  async function seeded(n: number) {
    const s = setup();
    for (let i = 0; i < n; i++) {
      await s.mailbox.deliver(eml({ from: `c${i}@client.test`, subject: `Ticket ${i}`, date: T0 - (n - i) * 60_000 }));
    }
    return s;
  }

  it('returns threads newest first and pages with start/max', async () => {
    const { gmail } = await seeded(12);
    const all = gmail.search('in:inbox');
    expect(all.map((t) => t.getFirstMessageSubject()).slice(0, 3)).toEqual(['Ticket 11', 'Ticket 10', 'Ticket 9']);
    const page = gmail.search('in:inbox', 5, 4);
    expect(page.map((t) => t.getFirstMessageSubject())).toEqual(['Ticket 6', 'Ticket 5', 'Ticket 4', 'Ticket 3']);
    expect(gmail.search('in:inbox', 10, 5)).toHaveLength(2);
    expect(gmail.search('in:inbox', 20, 5)).toHaveLength(0);
  });

  it('caps a page at 500 threads and rejects a larger max', async () => {
    const { gmail } = await seeded(510);
    expect(() => gmail.search('in:inbox', 0, 501)).toThrow('Argument max cannot exceed 500.');
    expect(gmail.search('in:inbox', 0, 500)).toHaveLength(500);
    expect(gmail.search('in:inbox')).toHaveLength(500);
    expect(gmail.search('in:inbox', 500, 500)).toHaveLength(10);
  });

  it('rejects a paged call with a missing max like a signature mismatch', async () => {
    const { gmail } = await seeded(1);
    expect(() => (gmail.search as (q: string, s: number) => unknown)('in:inbox', 0)).toThrow(
      /don't match the method signature for GmailApp.search/,
    );
  });

  it('after:/before: accept epoch seconds and Pacific dates', async () => {
    const { mailbox, gmail } = setup();
    const t1 = Date.UTC(2026, 10, 1, 12);
    const t2 = Date.UTC(2026, 10, 2, 12);
    await mailbox.deliver(eml({ from: 'a@c.test', subject: 'one', date: t1 }));
    await mailbox.deliver(eml({ from: 'a@c.test', subject: 'two', date: t2 }));
    const subjects = (q: string) => gmail.search(q).map((t) => t.getFirstMessageSubject());
    expect(subjects(`after:${t1 / 1000 + 1}`)).toEqual(['two']);
    expect(subjects(`after:${t1 / 1000}`)).toEqual(['two', 'one']);
    expect(subjects(`before:${t2 / 1000}`)).toEqual(['one']);
    // 2026/11/02 starts at 08:00 UTC (midnight in Los Angeles, PST).
    expect(subjects('after:2026/11/02')).toEqual(['two']);
    expect(subjects('before:2026/11/02')).toEqual(['one']);
    expect(() => gmail.search('after:yesterday')).toThrow(/Invalid search query/);
  });

  it('supports label:, -label:, from:, to:, subject:, is:, has: and bare words', async () => {
    const { mailbox, gmail } = setup();
    const a = await mailbox.deliver(
      eml({
        from: 'Ann Lee <ann@client.test>',
        to: 'support@acme.test',
        cc: 'boss@client.test',
        subject: 'Invoice overdue',
        date: T0,
        body: 'Please check the payment',
      }),
    );
    await mailbox.deliver(eml({ from: 'bob@other.test', subject: 'Hello there', date: T0 + 1000, body: 'Nothing to see' }));
    const label = gmail.createLabel('Needs Reply');
    gmail.getThreadById(a.threadId)?.addLabel(label);
    const subjects = (q: string) => gmail.search(q).map((t) => t.getFirstMessageSubject());
    expect(subjects('label:needs-reply')).toEqual(['Invoice overdue']);
    expect(subjects('label:"Needs Reply"')).toEqual(['Invoice overdue']);
    expect(subjects('in:inbox -label:Needs-Reply')).toEqual(['Hello there']);
    expect(subjects('label:no-such-label')).toEqual([]);
    expect(subjects('from:ann@client.test')).toEqual(['Invoice overdue']);
    expect(subjects('from:client.test')).toEqual(['Invoice overdue']);
    expect(subjects('to:boss@client.test')).toEqual(['Invoice overdue']);
    expect(subjects('subject:invoice')).toEqual(['Invoice overdue']);
    expect(subjects('payment')).toEqual(['Invoice overdue']);
    expect(subjects('"check the payment"')).toEqual(['Invoice overdue']);
    expect(subjects('pay')).toEqual([]);
    expect(subjects('-from:ann@client.test is:unread')).toEqual(['Hello there']);
    expect(subjects('has:attachment')).toEqual([]);
    gmail.getThreadById(a.threadId)?.markRead();
    expect(subjects('is:unread')).toEqual(['Hello there']);
    expect(subjects('is:read')).toEqual(['Invoice overdue']);
  });

  it('reads OR, { } and ( ) groups as Gmail does, and never refuses a query Gmail accepts', async () => {
    const { mailbox, gmail } = setup();
    await mailbox.deliver(
      eml({ from: 'Ann Lee <ann@client.test>', subject: 'Invoice overdue', date: T0, body: 'Please check the payment' }),
    );
    await mailbox.deliver(eml({ from: 'bob@other.test', subject: 'Hello there', date: T0 + 1000, body: 'Nothing to see' }));
    await mailbox.deliver(eml({ from: 'cy@third.test', subject: 'Export broken', date: T0 + 2000, body: 'Error 500 on export' }));
    const subjects = (q: string) =>
      gmail
        .search(q)
        .map((t) => t.getFirstMessageSubject())
        .sort();
    expect(subjects('from:ann@client.test OR from:bob@other.test')).toEqual(['Hello there', 'Invoice overdue']);
    expect(subjects('from:ann@client.test | from:bob@other.test')).toEqual(['Hello there', 'Invoice overdue']);
    expect(subjects('{from:ann@client.test from:cy@third.test}')).toEqual(['Export broken', 'Invoice overdue']);
    expect(subjects('from:(ann@client.test OR cy@third.test)')).toEqual(['Export broken', 'Invoice overdue']);
    // OR binds tighter than the implicit AND: in:inbox and (invoice or export).
    expect(subjects('in:inbox subject:invoice OR subject:export')).toEqual(['Export broken', 'Invoice overdue']);
    expect(subjects('in:inbox -(from:ann@client.test OR from:bob@other.test)')).toEqual(['Export broken']);
    expect(subjects('in:inbox -{subject:invoice subject:hello}')).toEqual(['Export broken']);
    expect(subjects('(subject:export error) AND from:cy@third.test')).toEqual(['Export broken']);
    // A word Gmail does not know as an operator is searched for as text: no mail holds it.
    expect(subjects('frmo:ann')).toEqual([]);
    expect(subjects('is:bogus')).toEqual([]);
    // Brackets left open close at the end; a stray one is ignored.
    expect(subjects('(from:ann@client.test OR from:bob@other.test')).toEqual(['Hello there', 'Invoice overdue']);
    expect(subjects('from:bob@other.test )')).toEqual(['Hello there']);
    // What Gmail evaluates but the emulator does not model fails loudly, never matches the wrong mail.
    expect(() => gmail.search('is:muted')).toThrow(/is:muted is a Gmail search the emulator does not model/);
    expect(() => gmail.search('larger:10M')).toThrow(/larger: is a Gmail search operator the emulator does not model/);
  });

  it('leaves spam and trash out unless asked', async () => {
    const { mailbox, gmail } = setup();
    await mailbox.deliver(eml({ from: 'x@spam.test', subject: 'Win', date: T0 }), { labels: ['SPAM'] });
    const t = await mailbox.deliver(eml({ from: 'a@c.test', subject: 'Real', date: T0 + 1 }));
    gmail.getThreadById(t.threadId)?.moveToTrash();
    expect(gmail.search('')).toHaveLength(0);
    expect(gmail.search('in:anywhere')).toHaveLength(2);
    expect(gmail.search('in:spam')).toHaveLength(1);
  });
});

describe('labels live on threads', () => {
  it('a label added to the thread shows from every message, and messages have no labels of their own', async () => {
    const { mailbox, gmail } = setup();
    const a = await mailbox.deliver(eml({ from: 'ann@client.test', subject: 'S', date: T0, messageId: '<s1@x>' }));
    await mailbox.deliver(eml({ from: 'ann@client.test', subject: 'Re: S', date: T0 + H, messageId: '<s2@x>', references: ['<s1@x>'] }));
    const label = gmail.createLabel('Ticketed');
    expect(gmail.createLabel('ticketed').getName()).toBe('Ticketed');
    expect(gmail.getUserLabelByName('TICKETED')?.getName()).toBe('Ticketed');
    expect(gmail.getUserLabelByName('Missing')).toBeNull();
    gmail.getThreadById(a.threadId)?.addLabel(label);
    const messages = gmail.getThreadById(a.threadId)?.getMessages() ?? [];
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(
        m
          .getThread()
          .getLabels()
          .map((l) => l.getName()),
      ).toEqual(['Ticketed']);
      expect((m as unknown as Record<string, unknown>).getLabels).toBeUndefined();
    }
    expect(label.getThreads().map((t) => t.getId())).toEqual([a.threadId]);
    gmail.getThreadById(a.threadId)?.removeLabel(label);
    expect(gmail.getThreadById(a.threadId)?.getLabels()).toEqual([]);
  });

  it('a reply arriving after labelling makes `-label:` find the thread again (labels are per message in Gmail)', async () => {
    const { ctx, mailbox, gmail } = setup();
    const now = ctx.clock.now();
    const a = await mailbox.deliver(eml({ from: 'ann@client.test', subject: 'S', date: now - H, messageId: '<s1@x>' }));
    await mailbox.deliver(eml({ from: 'ann@client.test', subject: 'Re: S', date: now + H, messageId: '<s2@x>', references: ['<s1@x>'] }));
    const done = gmail.createLabel('Done');
    gmail.getThreadById(a.threadId)?.addLabel(done);
    expect(gmail.search('in:inbox -label:done')).toHaveLength(0);
    ctx.clock.advance(2 * H);
    expect(gmail.search('in:inbox -label:done').map((t) => t.getId())).toEqual([a.threadId]);
    expect(
      gmail
        .getThreadById(a.threadId)
        ?.getLabels()
        .map((l) => l.getName()),
    ).toEqual(['Done']);
  });

  it('archiving and reading are thread-wide', async () => {
    const { mailbox, gmail } = setup();
    const a = await mailbox.deliver(eml({ from: 'ann@client.test', subject: 'S', date: T0 }));
    const thread = gmail.getThreadById(a.threadId);
    expect(thread?.isUnread()).toBe(true);
    thread?.markRead().moveToArchive();
    expect(thread?.isInInbox()).toBe(false);
    expect(gmail.search('in:inbox')).toHaveLength(0);
    expect(gmail.getMessageById(a.id)?.isInInbox()).toBe(false);
    thread?.moveToInbox();
    expect(gmail.search('in:inbox')).toHaveLength(1);
    expect(thread?.getPermalink()).toBe(`https://mail.google.com/mail/u/0/#inbox/${a.threadId}`);
  });
});

describe('messages', () => {
  it('reads headers, addresses, bodies and attachments', async () => {
    const { mailbox, gmail } = setup();
    const raw = [
      'From: "Lee, Ann" <ann@client.test>',
      'To: support@acme.test',
      'Cc: Bob <bob@client.test>',
      'Reply-To: help@client.test',
      'Subject: =?UTF-8?B?Q2Fmw6kgb3JkZXI=?=',
      'Date: Mon, 02 Nov 2026 08:00:00 +0000',
      'Message-ID: <att@client.test>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Hello <b>there</b></p>',
      '--b1',
      'Content-Type: text/csv; name="data.csv"',
      'Content-Disposition: attachment; filename="data.csv"',
      '',
      'a,b',
      '--b1--',
      '',
    ].join('\r\n');
    const d = await mailbox.deliver(raw);
    const m = gmail.getMessageById(d.id);
    expect(m?.getSubject()).toBe('Café order');
    expect(m?.getFrom()).toContain('ann@client.test');
    expect(m?.getCc()).toContain('bob@client.test');
    expect(m?.getReplyTo()).toBe('help@client.test');
    expect(m?.getBcc()).toBe('');
    expect(m?.getHeader('Auto-Submitted')).toBe('auto-replied');
    expect(m?.getBody()).toContain('<b>there</b>');
    expect(m?.getPlainBody()).toBe('Hello there');
    expect(m?.getRawContent()).toBe(raw);
    const att = m?.getAttachments() ?? [];
    expect(att.map((a) => [a.getName(), a.getContentType(), a.getSize()])).toEqual([['data.csv', 'text/csv', 3]]);
    expect(m?.getDate().getTime()).toBe(Date.UTC(2026, 10, 2, 8));
    expect(gmail.search('has:attachment')).toHaveLength(1);
    expect(gmail.search('rfc822msgid:att@client.test')).toHaveLength(1);
  });

  it('counts every call and marks accessors cheap', async () => {
    const { ctx, mailbox, gmail } = setup();
    await mailbox.deliver(eml({ from: 'a@c.test', subject: 'S', date: T0 }));
    ctx.meter.startRun();
    const threads = gmail.search('in:inbox');
    const msgs = gmail.getMessagesForThreads(threads);
    msgs[0]?.[0]?.getHeader('From');
    const snap = ctx.meter.snapshot();
    expect(snap.counts).toEqual({ 'GmailApp.search': 1, 'GmailApp.getMessagesForThreads': 1, 'GmailApp.GmailMessage.getHeader': 1 });
    expect(snap.modeledMs).toBe(100 + 150 + 5);
  });
});

describe('delivery options', () => {
  it('files mail under the given labels instead of the inbox, unread unless told otherwise', async () => {
    const { mailbox, gmail } = setup();
    await mailbox.deliver(eml({ from: 'a@c.test', subject: 'Filed', date: T0 }), { labels: ['Support Queue'] });
    await mailbox.deliver(eml({ from: 'a@c.test', subject: 'Old', date: T0 + 1 }), { read: true });
    expect(gmail.search('in:inbox').map((t) => t.getFirstMessageSubject())).toEqual(['Old']);
    expect(gmail.search('label:support-queue is:unread').map((t) => t.getFirstMessageSubject())).toEqual(['Filed']);
    expect(gmail.getUserLabels().map((l) => l.getName())).toEqual(['Support Queue']);
  });

  it('uses opts.at as the internal date', async () => {
    const { mailbox, gmail } = setup();
    const d = await mailbox.deliver(eml({ from: 'a@c.test', subject: 'S', date: T0 }), { at: T0 - 5 * H });
    expect(gmail.getMessageById(d.id)?.getDate().getTime()).toBe(T0 - 5 * H);
  });
});
