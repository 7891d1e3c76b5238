import { DateTime } from 'luxon';
import { headersOf } from '../../src/register/tab-spec';
import { TicketsTab } from '../../src/register/tabs';
import { LATENCY_MS, MAX_RUN_MS, Meter } from '../../src/local/emulator/meter';
import type { Emulator } from '../../src/local/emulator';
import { emulator } from '../support/emulator';
import { rows, seedRegister } from './ingest-support';

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();
const NOW = mt('2026-11-02T15:00');

function setColumn(em: Emulator, tab: string, keyHeader: string, key: string, header: string, value: string) {
  const values = em.workbook.sheetValues(tab);
  const h = values[0] as string[];
  const row = values.findIndex((r) => r[h.indexOf(keyHeader)] === key);
  em.workbook.writeRaw(tab, [[value]], row + 1, h.indexOf(header) + 1);
}

/**
 * A desk behind on everything at once: `mails` unread requests (more than one run reads)
 * and `breached` open High tickets past their deadlines, each owed an escalation mail (more
 * than the sweep can send in what the inbox leaves it).
 */
async function behind(mails: number, breached: number): Promise<Emulator> {
  // A slow Gmail day: reading a message's raw source takes 250 ms, not 20.
  const meter = new Meter({ ...LATENCY_MS, 'GmailApp.GmailMessage.getRawContent': 250 });
  const em = emulator({ now: NOW, meter });
  seedRegister(em);
  setColumn(em, 'Clients', 'Client ID', 'ACME', 'CSM email', 'csm@helpdesk.test');
  setColumn(em, 'Clients', 'Client ID', 'ACME', 'Escalation matrix', 'CSM-Director-VP');
  const th = headersOf(TicketsTab);
  const tickets = [];
  for (let i = 1; i <= breached; i++)
    tickets.push(
      th.map(
        (h) =>
          ((
            ({
              'Ticket ID': `T-${String(i).padStart(6, '0')}`,
              'Client ID': 'ACME',
              Requester: 'ann@acme.com',
              Subject: `Old request ${i}`,
              Priority: 'High',
              Status: 'Open',
              'Received at': new Date(mt('2026-10-26T09:00') + i * 60_000),
            }) as Record<string, unknown>
          )[h] ?? '') as never,
      ),
    );
  em.workbook.writeRaw('Tickets', tickets, 2, 1);
  for (let i = 0; i < mails; i++) {
    const at = NOW - (mails - i) * 20_000;
    await em.mailbox.deliver(
      [
        'From: Ann Lee <ann@acme.com>',
        'To: support@helpdesk.test',
        `Subject: Backlog request ${i}`,
        `Date: ${new Date(at).toUTCString()}`,
        `Message-ID: <auto-${i}@acme.com>`,
        '',
        `Request ${i}.`,
        '',
      ].join('\r\n'),
      { at },
    );
  }
  return em;
}

describe('runAutomation: the add-on trigger runs three jobs in one 6-minute execution', () => {
  it('with a large backlog each job checkpoints within the shared budget, and later runs finish the work', async () => {
    const em = await behind(1200, 900);
    const first = em.run<string>('runAutomation');
    // Had the sweep believed it had 6 minutes of its own, it would have been cut at 6 minutes.
    expect(first.error).toBeUndefined();
    // One execution: all three jobs together stay under Apps Script's cut.
    expect(first.calls.modeledMs).toBeLessThan(MAX_RUN_MS);
    // The inbox stopped early with a checkpoint and left time to the others…
    expect(first.value).toMatch(/Stopped before the time limit; the next run continues/);
    // …the sweep ran in what was left: what it sent went out as a few digests (no single mail
    // over Gmail's body limit), and what it had no time for is kept for the next sweep…
    expect(first.value).toMatch(/Swept \d+ tickets/);
    expect(first.value).toMatch(/notices? sent|notices? left for the next sweep/);
    // …and billing either ran or said it was left for the next run.
    expect(first.value).toMatch(/Hours|billing|Billing/);
    const log = rows(em, 'Log');
    expect(log.some((l) => l.Job === 'ingest' && l.Action === 'Stopped early')).toBe(true);
    expect(log.some((l) => l.Job === 'sweep')).toBe(true);

    // Hourly runs afterwards: each stays in budget, and together they catch up.
    let last = first;
    for (let run = 0; run < 8; run++) {
      em.clock.advance(60 * 60_000);
      last = em.run<string>('runAutomation');
      expect(last.error).toBeUndefined();
      expect(last.calls.modeledMs).toBeLessThan(MAX_RUN_MS);
      if (/No new mail\./.test(last.value!) && !/left for the next sweep/.test(last.value!)) break;
    }
    expect(last.value).toMatch(/No new mail\./);
    expect(last.value).not.toMatch(/left for the next sweep/);
    const ids = rows(em, 'Messages').map((m) => String(m['Message ID']));
    expect(ids.filter((id) => /^<auto-\d+@acme\.com>$/.test(id))).toHaveLength(1200);
    // Every breached ticket got its first escalation (sent or, past the quota, drafted) exactly once.
    const notified = rows(em, 'Tickets')
      .filter((t) => /^Old request/.test(String(t.Subject)))
      .map((t) => String(t.Notified));
    expect(notified.every((n) => n.length > 0)).toBe(true);
    expect(notified.filter((n) => /failed/.test(n))).toEqual([]);
    const digests = em.mailbox.sent.filter((m) => /^Escalations: /.test(m.subject));
    expect(digests.length).toBeGreaterThan(1);
    for (const d of digests) expect(Buffer.byteLength(d.text)).toBeLessThan(200 * 1024);
  }, 600_000);
});
