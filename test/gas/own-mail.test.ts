import { DateTime } from 'luxon';
import type { Emulator } from '../../src/local/emulator';
import type { OutgoingMail } from '../../src/local/emulator/gmail/compose';
import { ownMarkIn } from '../../src/core/mail/own';
import { emulator, inSandbox } from '../support/emulator';
import { day, fill, octoberRegister, setCell, setSetting } from './billing-register';
import { AFTER_FIXTURES, rows, seedRegister, withFixtures, type Row } from './ingest-support';

/**
 * Every kind of mail the product sends, put through a thread as Gmail would — the
 * recipient answers it, so the next inbox check reads our copy — is recognised as our own:
 * never a staff response (First response at, Last staff message at) nor a customer message.
 */

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();
const byId = (list: Row[], key: string, id: string) => list.find((r) => r[key] === id);
const addressOf = (list: string) => (list.match(/[^\s<>,]+@[^\s<>,]+/) ?? [''])[0]!.toLowerCase();

/**
 * The customer answers `mail` in its thread (In-Reply-To/References, the thread's subject
 * with "Re:"): the ticket's requester for mail about a ticket, else its first recipient.
 */
async function answer(em: Emulator, mail: OutgoingMail, n: number): Promise<void> {
  const at = em.clock.now() - 60_000;
  const tag = /\[#(T-\d{6})\]/.exec(mail.subject)?.[1];
  const requester = tag ? rows(em, 'Tickets').find((t) => t['Ticket ID'] === tag)?.Requester : undefined;
  const subject = inSandbox<string>(em, `return GmailApp.getThreadById(${JSON.stringify(mail.threadId)}).getFirstMessageSubject();`);
  const raw = [
    `From: ${String(requester ?? addressOf(mail.to))}`,
    `To: ${mail.from}`,
    `Subject: ${/^re:/i.test(subject) ? subject : `Re: ${subject}`}`,
    `Date: ${new Date(at).toUTCString()}`,
    `Message-ID: <answer-${n}@answers.example>`,
    `In-Reply-To: ${mail.messageIdHeader}`,
    `References: ${[...(mail.references ?? []), mail.messageIdHeader].join(' ')}`,
    '',
    'Thanks, noted.',
    '',
  ].join('\r\n');
  await em.mailbox.deliver(raw, { at });
}

const STAMPS = ['First response at', 'Last staff message at'] as const;
const stamps = (em: Emulator) => rows(em, 'Tickets').map((t) => [t['Ticket ID'], ...STAMPS.map((h) => t[h])]);

/** Answers every mail sent so far, runs the inbox check, and checks each of ours is `own` and no ticket got a staff stamp. */
async function throughThreads(em: Emulator, kinds: readonly RegExp[]): Promise<void> {
  const ours = em.mailbox.sent.filter((m) => m.from.includes(em.mailbox.address));
  // Each kind the test is about was really sent.
  for (const k of kinds)
    expect(
      ours.some((m) => k.test(m.subject)),
      String(k),
    ).toBe(true);
  for (const m of ours) expect(ownMarkIn(m.text), m.subject).not.toBeNull();
  let n = 0;
  for (const m of ours) await answer(em, m, n++);
  const before = stamps(em);
  em.clock.advance(60_000);
  const r = em.run<string>('ingestInbox');
  expect(r.error).toBeUndefined();
  const messages = rows(em, 'Messages');
  for (const m of ours) {
    const row = byId(messages, 'Message ID', m.messageIdHeader);
    expect(row, m.subject).toBeDefined();
    expect([m.subject, row!.Kind, String(row!.Action).startsWith('our own')]).toEqual([m.subject, 'own', true]);
  }
  // No ticket got a staff stamp: those that existed keep theirs, those the answers opened have none.
  const after = stamps(em);
  expect(after.slice(0, before.length)).toEqual(before);
  for (const t of after.slice(before.length)) expect(t.slice(1)).toEqual(['', '']);
}

describe('our own mail is never taken for a staff or customer message', () => {
  it('acknowledgements, unregistered replies, resolution notices, update reminders, escalations, usage alerts and the held-mail notice', async () => {
    const em = emulator({ now: AFTER_FIXTURES });
    seedRegister(em);
    setSetting(em, 'Support lead email', 'lead@helpdesk.test');
    // A contact of a client missing from Clients: their mail is held and the support lead told.
    fill(em, 'Contacts', [{ Email: 'zed@zeta.example', Name: 'Zed', 'Client ID': 'ZETA', Role: 'User', 'Can open tickets': 'Yes' }]);
    await withFixtures(em);
    await em.mailbox.deliver(
      ['From: zed@zeta.example', 'To: support@helpdesk.test', 'Subject: Help', 'Message-ID: <zed-1@zeta.example>', '', 'Hi', ''].join(
        '\r\n',
      ),
      { at: AFTER_FIXTURES - 60_000 },
    );
    expect(em.run<string>('ingestInbox').error).toBeUndefined();

    for (const id of ['ACME', 'GLOBEX']) {
      setCell(em, 'Clients', 'Client ID', id, 'CSM email', 'csm@helpdesk.test');
      setCell(em, 'Clients', 'Client ID', id, 'Escalation matrix', 'CSM-Director-VP');
    }
    setCell(em, 'Tickets', 'Ticket ID', 'T-000005', 'Assignee', 'sam@helpdesk.test'); // Critical: update reminders
    setCell(em, 'Tickets', 'Ticket ID', 'T-000002', 'Status', 'Resolved');
    // Acme used 12 of its 10 monthly hours: a usage alert to the CSM.
    fill(em, 'Hours', [
      { Date: day('2026-11-02'), 'Client ID': 'ACME', Person: 'sam@helpdesk.test', Activity: 'Troubleshooting', Hours: 12 },
    ]);
    for (const t of ['2026-11-02T15:30', '2026-11-03T09:30', '2026-11-03T12:00', '2026-11-03T16:30', '2026-11-04T10:00']) {
      em.clock.set(mt(t));
      expect(em.run<string>('sweepSla').error).toBeUndefined();
    }
    expect(em.run<string>('checkHours').error).toBeUndefined();
    em.clock.set(mt('2026-11-04T11:00'));
    await throughThreads(em, [
      /^Re: \[#T-\d{6}\]/, // acknowledgements
      /^Re: Access to reports$/, // the reply to an unregistered sender
      /^Re: \[#T-\d{6}\] Resolved: How do I add a new user\?$/, // the resolution notice, in the thread under its tagged subject
      /Critical: next update/,
      /Escalation tier/,
      /hours/i,
      /mail held/,
    ]);
  });

  it('billing drafts — invoices, statements, the finance summary — once a person sends them', async () => {
    const em = emulator();
    octoberRegister(em);
    fill(em, 'Contacts', [{ Email: 'ap@acme.test', Name: 'Acme AP', 'Client ID': 'ACME', Role: 'Billing', 'Can open tickets': 'Yes' }]);
    expect(em.run<string>('billMonth', '2026-10').error).toBeUndefined();
    const drafts = em.mailbox.drafts.length;
    expect(drafts).toBeGreaterThan(2);
    for (const d of em.mailbox.drafts) expect(ownMarkIn(d.text), d.subject).not.toBeNull();
    em.clock.advance(60 * 60_000);
    // A statement for a client with no billing address waits for a person to fill it in.
    const sent = inSandbox<number>(
      em,
      'var n = 0; GmailApp.getDrafts().forEach(function (d) { if (d.getMessage().getTo()) { d.send(); n++; } }); return n;',
    );
    expect(sent).toBeGreaterThan(2);
    expect(em.mailbox.sent).toHaveLength(sent);
    em.clock.advance(60 * 60_000);
    await throughThreads(em, [/^Invoice /, /statement|hours/i]);
  });
});
