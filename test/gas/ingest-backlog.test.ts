import { emulator } from '../support/emulator';
import { rows, seedRegister } from './ingest-support';

const NOW = Date.UTC(2026, 10, 2, 22, 0, 0);

/** The registered contacts of seedRegister, who take turns. */
const SENDERS = [
  'Ann Lee <ann@acme.com>',
  'Cy Park <cy@acme.com>',
  'Bob Stone <bob@acme.com>',
  'Dee Novak <dee@globex.example>',
  'Renée Müller <renee@globex.example>',
];
/** 90 s apart over five senders: each writes 8 times an hour, under `Tickets per sender per hour` (10), so every request is a ticket. */
const SPACING_MS = 90_000;

/** `n` requests from registered contacts, one thread each, all before NOW: a real backlog (days of mail), not a flood. */
async function backlog(n: number) {
  const em = emulator({ now: NOW });
  seedRegister(em);
  for (let i = 0; i < n; i++) {
    const at = NOW - (n - i) * SPACING_MS;
    await em.mailbox.deliver(
      [
        `From: ${SENDERS[i % SENDERS.length]}`,
        'To: support@helpdesk.test',
        `Subject: Request number ${i}`,
        `Date: ${new Date(at).toUTCString()}`,
        `Message-ID: <backlog-${i}@acme.com>`,
        '',
        `Request ${i} body.`,
        '',
      ].join('\r\n'),
      { at },
    );
  }
  return em;
}

describe('a backlog larger than one run reads', () => {
  it('2,500 threads: the first run ends partial and says so; repeated runs put every message in the ledger exactly once', async () => {
    const n = 2500;
    const em = await backlog(n);
    const results: string[] = [];
    for (let run = 0; run < 10; run++) {
      const r = em.run<string>('ingestInbox');
      expect(r.error).toBeUndefined();
      results.push(r.value!);
      if (r.value === 'No new mail.') break;
      em.clock.advance(10 * 60_000);
    }
    // The first run could not read everything: it is not "Inbox checked" and says the next run continues.
    expect(results[0]).toMatch(/More mail is waiting than one run reads; the next run continues/);
    const log = rows(em, 'Log');
    expect(log.some((l) => l.Action === 'Stopped early' && /More mail is waiting/.test(String(l.Detail)))).toBe(true);
    expect(results.at(-1)).toBe('No new mail.');

    const ids = rows(em, 'Messages').map((m) => m['Message ID']);
    expect(ids.filter((id) => /^<backlog-\d+@acme\.com>$/.test(String(id)))).toHaveLength(n);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows(em, 'Tickets')).toHaveLength(n);
    // The oldest request, the one a capped search reaches last, became a ticket.
    expect(rows(em, 'Tickets').some((t) => t.Subject === 'Request number 0')).toBe(true);
  }, 600_000);
});
