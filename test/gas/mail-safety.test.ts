import { MailboxModel } from '../../src/local/emulator/gmail';
import { emulator, inSandbox } from '../support/emulator';
import { AFTER_FIXTURES, rows, seedRegister } from './ingest-support';

/** Adds rows to a tab as a person would type them (by header). */
function addRows(em: ReturnType<typeof emulator>, tab: string, list: Record<string, unknown>[]): void {
  inSandbox(
    em,
    `
    var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${JSON.stringify(tab)});
    var header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
    var rows = ${JSON.stringify(list)};
    var lines = rows.map(function (r) { return header.map(function (h) { return r[h] === undefined ? '' : r[h]; }); });
    sh.getRange(sh.getLastRow() + 1, 1, lines.length, header.length).setValues(lines);
    return true;`,
  );
}

interface Mail {
  from: string;
  subject: string;
  id: string;
  at: number;
  headers?: string[];
  body?: string;
}

async function deliver(em: ReturnType<typeof emulator>, m: Mail): Promise<void> {
  await em.mailbox.deliver(
    [
      `From: ${m.from}`,
      'To: support@helpdesk.test',
      ...(m.headers ?? []),
      `Subject: ${m.subject}`,
      `Date: ${new Date(m.at).toUTCString()}`,
      `Message-ID: <${m.id}>`,
      '',
      m.body ?? 'Please help.',
      '',
    ].join('\r\n'),
    { at: m.at },
  );
}

function ready(now = AFTER_FIXTURES) {
  const em = emulator({ now });
  seedRegister(em);
  return em;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('outside text is data, not copy (issue 12, defect 5)', () => {
  const evil = 'Ann\r\nYour support contract has expired. Renew at https://renew.evil.example/pay <b>now</b>';

  it('an encoded display name with line breaks and a URL never reaches our acknowledgement; the acknowledgement is sent', async () => {
    const em = ready();
    addRows(em, 'Contacts', [{ Email: 'noname@acme.com', Name: '', 'Client ID': 'ACME', Role: 'User', 'Can open tickets': 'Yes' }]);
    await deliver(em, {
      from: `=?utf-8?B?${b64(evil)}?= <noname@acme.com>`,
      headers: ['Cc: boss@acme.com'],
      subject: `=?utf-8?B?${b64('Invoice\r\nVisit www.evil.example <script>x</script>')}?=`,
      id: 'evil-name@acme.com',
      at: AFTER_FIXTURES - 60_000,
    });
    const r = em.run<string>('ingestInbox');
    expect(r.error).toBeUndefined();
    const ack = em.mailbox.sent.find((m) => /\[#T-\d{6}\]/.test(m.subject));
    expect(ack, JSON.stringify(rows(em, 'Log'))).toBeDefined();
    const text = `${ack!.subject}\n${ack!.text}`;
    expect(text).not.toMatch(/expired|renew|:\/\/evil|www\.|<script|<b>/i);
    expect(ack!.text.split('\n')[0]).toBe('Hello,');
    expect(ack!.subject).not.toMatch(/[\r\n]/);
    expect(rows(em, 'Log').some((l) => l.Action === 'Reply failed')).toBe(false);
  });

  it('a usable display name is cleaned and capped; the Name on file wins over what was sent', async () => {
    const em = ready();
    addRows(em, 'Contacts', [{ Email: 'noname@acme.com', Name: '', 'Client ID': 'ACME', Role: 'User', 'Can open tickets': 'Yes' }]);
    await deliver(em, { from: '"Zoë <i>Quinn</i>" <noname@acme.com>', subject: 'Help', id: 'n1@acme.com', at: AFTER_FIXTURES - 120_000 });
    await deliver(em, { from: 'Mallory Renew-Now <ann@acme.com>', subject: 'Help too', id: 'n2@acme.com', at: AFTER_FIXTURES - 60_000 });
    em.run('ingestInbox');
    const greet = (to: string) => em.mailbox.sent.find((m) => m.to.includes(to))!.text.split('\n')[0];
    expect(greet('noname@acme.com')).toBe('Hello Zoë Quinn,');
    expect(greet('ann@acme.com')).toBe('Hello Ann Lee,');
  });

  it('an unregistered sender’s subject is cleaned in the polite reply', async () => {
    const em = ready();
    await deliver(em, {
      from: 'Stranger <stranger@nowhere.example>',
      subject: 'Your account is locked, unlock at https://evil.example/x now',
      id: 's1@nowhere.example',
      at: AFTER_FIXTURES - 60_000,
    });
    em.run('ingestInbox');
    const reply = em.mailbox.sent.find((m) => m.to.includes('stranger@nowhere.example'))!;
    expect(reply.subject).not.toMatch(/:\/\/|evil\.example/);
  });
});

const sentTo = (em: ReturnType<typeof emulator>, address: string) => em.mailbox.sent.filter((m) => m.to.toLowerCase().includes(address));
const logOf = (em: ReturnType<typeof emulator>, action: string) => rows(em, 'Log').filter((l) => l.Action === action);

describe('floods are contained and real clients come first (issue 12, defect 6)', () => {
  it('150 spoofed strangers get at most the daily cap of replies, and the next real client is still acknowledged', async () => {
    const em = ready();
    const start = AFTER_FIXTURES - 3 * 60 * 60_000;
    for (let i = 0; i < 150; i++)
      await deliver(em, {
        from: `Billing ${i} <billing${i}@spam${i}.example>`,
        subject: `Invoice ${i} overdue`,
        id: `spam-${i}@spam.example`,
        at: start + i * 60_000,
      });
    em.run('ingestInbox');
    em.clock.advance(10 * 60_000);
    await deliver(em, { from: 'Ann Lee <ann@acme.com>', subject: 'Export fails', id: 'real-1@acme.com', at: em.clock.now() - 60_000 });
    em.run('ingestInbox');

    const strangerReplies = em.mailbox.sent.filter((m) => /@spam\d+\.example/.test(m.to));
    expect(strangerReplies.length).toBeLessThanOrEqual(20); // Settings → Unregistered replies per day (default 20)
    expect(strangerReplies.length).toBeGreaterThan(0);
    expect(em.mailbox.drafts.filter((d) => /@spam\d+\.example/.test(String(d.to)))).toHaveLength(0);
    const ack = sentTo(em, 'ann@acme.com').find((m) => /\[#T-\d{6}\] Export fails/.test(m.subject));
    expect(ack).toBeDefined();
    // Every stranger's mail is recorded; the cap is announced once, not per message.
    const spam = rows(em, 'Messages').filter((m) => /^<spam-\d+@spam\.example>$/.test(String(m['Message ID'])));
    expect(spam).toHaveLength(150);
    expect(spam.filter((m) => /24 hours already/.test(String(m.Action)))).toHaveLength(150 - strangerReplies.length);
    expect(logOf(em, 'Replies to strangers capped')).toHaveLength(1);
  }, 60_000);

  it('a contact mailing 200 times in an hour opens the capped number of tickets; the rest join their latest ticket, logged once', async () => {
    const em = ready();
    const start = AFTER_FIXTURES - 90 * 60_000;
    const flood = async (from: number, to: number) => {
      for (let i = from; i < to; i++)
        await deliver(em, { from: 'Bob Stone <bob@acme.com>', subject: `Alert ${i}`, id: `flood-${i}@acme.com`, at: start + i * 15_000 });
    };
    await flood(0, 100);
    em.clock.set(start + 100 * 15_000);
    em.run('ingestInbox');
    await flood(100, 200);
    em.clock.set(start + 200 * 15_000);
    em.run('ingestInbox');

    const bobs = rows(em, 'Tickets').filter((t) => t.Requester === 'bob@acme.com');
    expect(bobs).toHaveLength(10); // Settings → Tickets per sender per hour (default 10)
    const flood200 = rows(em, 'Messages').filter((m) => /^<flood-\d+@acme\.com>$/.test(String(m['Message ID'])));
    expect(flood200).toHaveLength(200);
    expect(flood200.filter((m) => /over the cap of 10 new tickets/.test(String(m.Action)))).toHaveLength(190);
    const last = bobs.at(-1)!;
    expect(last.Messages).toBe(191);
    expect(logOf(em, 'Ticket cap reached')).toHaveLength(1);
    // Acknowledgements stay within their own per-hour limit.
    expect(sentTo(em, 'bob@acme.com').length).toBeLessThanOrEqual(3);
  }, 60_000);

  it('a sender that failed SPF, DKIM or DMARC gets no reply; a registered one still gets a ticket', async () => {
    const em = ready();
    await deliver(em, {
      from: 'Ann Lee <ann@acme.com>',
      headers: ['Authentication-Results: mx.google.com; spf=fail smtp.mailfrom=ann@acme.com; dmarc=fail (p=NONE) header.from=acme.com'],
      subject: 'Please wire the payment',
      id: 'forged-ann@acme.com',
      at: AFTER_FIXTURES - 120_000,
    });
    await deliver(em, {
      from: 'Someone <someone@elsewhere.example>',
      headers: ['Authentication-Results: mx.google.com; dkim=fail header.i=@elsewhere.example; spf=pass'],
      subject: 'Hello',
      id: 'forged-stranger@elsewhere.example',
      at: AFTER_FIXTURES - 60_000,
    });
    em.run('ingestInbox');
    expect(em.mailbox.sent).toHaveLength(0);
    expect(em.mailbox.drafts).toHaveLength(0);
    expect(rows(em, 'Tickets').map((t) => t.Requester)).toEqual(['ann@acme.com']);
    const action = (id: string) => String(rows(em, 'Messages').find((m) => m['Message ID'] === id)!.Action);
    expect(action('<forged-ann@acme.com>')).toMatch(/not acknowledged: DMARC failed/);
    expect(action('<forged-stranger@elsewhere.example>')).toMatch(/no reply: DKIM failed/);
  });

  it('a look-alike of a client’s domain gets no reply, and the Log names it', async () => {
    const em = ready();
    await deliver(em, { from: 'Ann Lee <ann@acrne.com>', subject: 'New bank details', id: 'phish@acrne.com', at: AFTER_FIXTURES - 60_000 });
    em.run('ingestInbox');
    expect(em.mailbox.sent).toHaveLength(0);
    expect(logOf(em, 'Look-alike sender').map((l) => l.Detail)).toEqual([expect.stringMatching(/acrne\.com, which imitates acme\.com/)]);
  });

  it('when the quota is short, the client’s acknowledgement goes before strangers’ replies', async () => {
    const em = emulator({ now: AFTER_FIXTURES, mailbox: new MailboxModel({ address: 'support@helpdesk.test', dailyQuota: 25 }) });
    seedRegister(em);
    for (let i = 0; i < 10; i++)
      await deliver(em, {
        from: `x${i}@strangers${i}.example`,
        subject: `Hi ${i}`,
        id: `q-${i}@s.example`,
        at: AFTER_FIXTURES - 30 * 60_000 + i * 1000,
      });
    await deliver(em, { from: 'Ann Lee <ann@acme.com>', subject: 'Export fails', id: 'q-ann@acme.com', at: AFTER_FIXTURES - 60_000 });
    em.run('ingestInbox');
    // Reserve 10: strangers stop at 20 left, so 25 − 20 = 5 recipients go to strangers at most, after the client.
    expect(sentTo(em, 'ann@acme.com')).toHaveLength(1);
    expect(em.mailbox.sent[0]!.to).toContain('ann@acme.com');
    expect(em.mailbox.sent.filter((m) => /strangers\d+/.test(m.to)).length).toBeLessThanOrEqual(4);
  });
});

describe('freemail is not a client domain (issue 12, defect 7)', () => {
  it('a Clients row listing gmail.com gets a Problems note; a Gmail stranger is not told the client’s name', async () => {
    const em = ready();
    addRows(em, 'Clients', [
      {
        'Client ID': 'RIDGE',
        Name: 'Ridge Analytics',
        Domains: 'ridge.example, gmail.com',
        Plan: 'Standard',
        Calendar: 'MT-8-5',
        Status: 'Active',
      },
    ]);
    await deliver(em, { from: 'Pat <pat.random@gmail.com>', subject: 'Question', id: 'gm-1@gmail.com', at: AFTER_FIXTURES - 60_000 });
    em.run('ingestInbox');
    const reply = sentTo(em, 'pat.random@gmail.com');
    expect(reply).toHaveLength(1);
    expect(reply[0]!.text).not.toMatch(/Ridge/);
    const ridge = rows(em, 'Clients').find((c) => c['Client ID'] === 'RIDGE')!;
    expect(ridge.Problems).toMatch(/gmail\.com, a public mail provider: ignored for matching/);
    expect(logOf(em, 'Unregistered sender').some((l) => /pat\.random/.test(String(l.Detail)))).toBe(false);
    // The sweep keeps the same note (it owns the Clients Problems column too).
    em.run('sweepSla');
    expect(rows(em, 'Clients').find((c) => c['Client ID'] === 'RIDGE')!.Problems).toBe(ridge.Problems);
    expect(logOf(em, 'Register problem').filter((l) => /gmail\.com/.test(String(l.Detail)))).toHaveLength(1);
  });

  it('a stranger at a client’s real domain is not told the client’s name either', async () => {
    const em = ready();
    await deliver(em, { from: 'Eve <eve@acme.com>', subject: 'Access', id: 'eve-1@acme.com', at: AFTER_FIXTURES - 60_000 });
    em.run('ingestInbox');
    expect(sentTo(em, 'eve@acme.com')[0]!.text).not.toMatch(/Acme/);
  });
});
