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
