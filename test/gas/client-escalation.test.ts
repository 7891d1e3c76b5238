import { DateTime } from 'luxon';
import type { Emulator } from '../../src/local/emulator';
import { emulator } from '../support/emulator';
import { rows, seedRegister } from './ingest-support';

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();

function setCell(em: Emulator, tab: string, keyHeader: string, key: string, header: string, value: string) {
  const values = em.workbook.sheetValues(tab);
  const h = values[0] as string[];
  const row = values.findIndex((r) => r[h.indexOf(keyHeader)] === key);
  em.workbook.writeRaw(tab, [[value]], row + 1, h.indexOf(header) + 1);
}

/** Acme on the Ascent360 Communication Matrix: CSM, then Director Client Success, then VP, each with a person. */
function desk(): Emulator {
  const em = emulator({ now: mt('2026-11-02T09:00') });
  seedRegister(em);
  setCell(em, 'Clients', 'Client ID', 'ACME', 'CSM email', 'csm@helpdesk.test');
  setCell(em, 'Clients', 'Client ID', 'ACME', 'Escalation matrix', 'CSM-Director-VP');
  const esc = em.workbook.sheetValues('Escalation');
  const h = esc[0] as string[];
  esc.forEach((row, i) => {
    const put = (header: string, v: string) => em.workbook.writeRaw('Escalation', [[v]], i + 1, h.indexOf(header) + 1);
    if (row[h.indexOf('Matrix')] !== 'CSM-Director-VP') return;
    if (row[h.indexOf('Title')] === 'Client Success Manager') put('Name', 'Casey Moore');
    if (row[h.indexOf('Title')] === 'Director Client Success') {
      put('Name', 'Dana Reyes');
      put('Email', 'director@helpdesk.test');
    }
    if (row[h.indexOf('Title')] === 'VP Client Success') {
      put('Name', 'Vic Park');
      put('Email', 'vp@helpdesk.test');
    }
  });
  return em;
}

let n = 0;
async function mail(em: Emulator, at: string, subject: string, body: string, inReplyTo?: string, extra: string[] = []): Promise<string> {
  const id = `<esc-${++n}@acme.com>`;
  const ms = mt(at);
  await em.mailbox.deliver(
    [
      'From: Ann Lee <ann@acme.com>',
      'To: support@helpdesk.test',
      `Subject: ${subject}`,
      `Date: ${new Date(ms).toUTCString()}`,
      `Message-ID: ${id}`,
      ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`] : []),
      ...extra,
      '',
      body,
      '',
    ].join('\r\n'),
    { at: ms },
  );
  return id;
}

const notified = (em: Emulator) => String(rows(em, 'Tickets')[0]!.Notified);
const sentSince = (em: Emulator, k: number) => em.mailbox.sent.slice(k);
/** The bare address a sent mail went to (a reply in a thread names the person too). */
const toOf = (m: { to: string }) => /<([^>]+)>/.exec(m.to)?.[1] ?? m.to;

describe('a client asks to escalate (Ascent360 Communication Matrix, ADvendio Support Escalation Path)', () => {
  it('each request raises the ticket one tier: that tier gets the history, the client hears who owns it, no tier is told twice', async () => {
    const em = desk();
    const first = await mail(em, '2026-11-02T09:00', 'Spring campaign will not send', 'Our spring campaign is stuck in Scheduled.');
    em.clock.set(mt('2026-11-02T09:05'));
    em.call('ingestInbox');
    expect(rows(em, 'Tickets')).toHaveLength(1);

    // "not being addressed in a timeframe satisfactory to the client": Ann asks to escalate.
    await mail(
      em,
      '2026-11-02T09:40',
      'Re: Spring campaign will not send',
      'This blocks our send tomorrow. Please escalate this.\n\n> Our spring campaign is stuck',
      first,
    );
    // The inbox check that reads it answers it at once: it runs a sweep right after itself.
    let k = em.mailbox.sent.length;
    em.clock.set(mt('2026-11-02T09:45'));
    const said = em.call<string>('ingestInbox');
    expect(said).toMatch(/An escalation request answered by a sweep now/);
    const msg = rows(em, 'Messages').find((m) => m['Message ID'] === '<esc-2@acme.com>')!;
    expect(String(msg.Action)).toMatch(/escalation requested/);
    expect(notified(em)).toMatch(/client escalation@2026-11-02T16:40:00Z — requested: ann@acme\.com: "please escalate"/);
    expect(rows(em, 'Log').some((l) => l.Action === 'Escalation requested')).toBe(true);

    let out = sentSince(em, k);
    expect(out.map(toOf)).toEqual(['csm@helpdesk.test', 'ann@acme.com']);
    expect(out[0]!.subject).toMatch(/^\[#T-000001\] Client escalation to tier 1 — Acme Corp/);
    expect(out[0]!.text).toMatch(/ann@acme\.com: "please escalate"/);
    expect(out[1]!.subject).toMatch(/\[#T-000001\]/);
    expect(out[1]!.threadId).toBe(rows(em, 'Tickets')[0]!['Thread ID']); // in the ticket's thread
    expect(out[1]!.text).toMatch(/Casey Moore, Client Success Manager now owns it/);
    expect(out[1]!.text).not.toMatch(/helpdesk\.test/); // never an internal address or note
    // Written as a person would: the contact's name from Contacts, the provider's sign-off, an HTML part.
    expect(out[1]!.text).toMatch(/^Hello Ann Lee,/);
    expect(out[1]!.text).toMatch(/^Client Success$/m);
    expect(out[1]!.html).toContain('<p>Hello Ann Lee,</p>');
    // The escalation to staff stays plain.
    expect(out[0]!.html).toBeUndefined();
    expect(rows(em, 'Tickets')[0]!['Escalation tier']).toBe(1);
    // The same sweep again tells nobody.
    k = em.mailbox.sent.length;
    em.clock.set(mt('2026-11-02T09:55'));
    em.call('sweepSla');
    expect(sentSince(em, k)).toEqual([]);

    // "no need to escalate" is not a request; a second request goes to the Director, with the history.
    await mail(em, '2026-11-02T10:10', 'Re: Spring campaign will not send', 'Thanks Casey, no need to escalate further for now.', first);
    await mail(
      em,
      '2026-11-02T11:30',
      'Re: Spring campaign will not send',
      'Still stuck. I would like to escalate to your manager.',
      first,
    );
    em.clock.set(mt('2026-11-02T11:35'));
    k = em.mailbox.sent.length;
    em.call('ingestInbox');
    out = sentSince(em, k);
    expect(out.map(toOf)).toEqual(['director@helpdesk.test', 'ann@acme.com']);
    expect(out[0]!.text).toMatch(/Told before about this ticket:\n {2}- .*tier 1 \(client escalation@2026-11-02T16:40:00Z\) sent/);
    expect(out[1]!.text).toMatch(/Dana Reyes, Director Client Success now owns it/);

    // Third: the VP. Fourth: everyone was told; the client hears who already owns it, and no tier gets mail.
    await mail(em, '2026-11-02T13:00', 'Re: Spring campaign will not send', 'Please escalate.', first);
    em.clock.set(mt('2026-11-02T13:05'));
    em.call('ingestInbox');
    await mail(em, '2026-11-02T14:00', 'Re: Spring campaign will not send', 'Please escalate!', first);
    em.clock.set(mt('2026-11-02T14:05'));
    k = em.mailbox.sent.length;
    em.call('ingestInbox');
    out = sentSince(em, k);
    expect(out.map(toOf)).toEqual(['ann@acme.com']);
    expect(out[0]!.text).toMatch(/already with Vic Park, VP Client Success/);
    expect(rows(em, 'Tickets')[0]!['Escalation tier']).toBe(3);

    // The SLA clock breaching later tells none of them again.
    k = em.mailbox.sent.length;
    em.clock.set(mt('2026-11-04T16:00'));
    em.call('sweepSla');
    expect(sentSince(em, k).filter((m) => /Escalation tier/.test(m.subject))).toEqual([]);
    expect(
      notified(em)
        .split('\n')
        .filter((l) => / — requested: /.test(l)),
    ).toHaveLength(4);
  });

  it('a request quoted from an older mail, or from a sender whose From failed DMARC, raises nothing', async () => {
    const em = desk();
    const first = await mail(em, '2026-11-02T09:00', 'Export fails', 'Exports give error 500.');
    em.clock.set(mt('2026-11-02T09:05'));
    em.call('ingestInbox');
    await mail(
      em,
      '2026-11-02T09:30',
      'Re: Export fails',
      'Thanks, that helped.\n\nOn Mon, 2 Nov 2026 at 08:00, Ann Lee <ann@acme.com> wrote:\n> please escalate this',
      first,
    );
    em.clock.set(mt('2026-11-02T09:35'));
    em.call('ingestInbox');
    await mail(em, '2026-11-02T09:40', 'Re: Export fails', 'Please escalate this.', first, [
      'Authentication-Results: mx.google.com; spf=fail smtp.mailfrom=acme.com; dmarc=fail header.from=acme.com',
    ]);
    em.clock.set(mt('2026-11-02T09:45'));
    em.call('ingestInbox');
    expect(notified(em)).not.toMatch(/requested/);
    const k = em.mailbox.sent.length;
    em.call('sweepSla');
    expect(sentSince(em, k)).toEqual([]);
  });
});
