import vm from 'node:vm';
import { emulator } from '../support/emulator';
import { AFTER_FIXTURES, rows, seedRegister, withFixtures } from './ingest-support';

type Em = ReturnType<typeof emulator>;

function setStatus(em: Em, id: string, status: string) {
  const values = em.workbook.sheetValues('Tickets') as unknown[][];
  const col = (values[0] as string[]).indexOf('Status');
  const row = values.findIndex((r) => r[0] === id);
  em.realm.context.__setStatus = [row + 1, col + 1, status];
  vm.runInContext(
    `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets').getRange(__setStatus[0], __setStatus[1]).setValue(__setStatus[2])`,
    em.realm.context,
  );
}

/** A reply in the ticket's thread (In-Reply-To its first message). */
async function reply(em: Em, from: string, ticketId: string, messageId: string, body: string) {
  const first = rows(em, 'Messages').find((m) => m['Ticket ID'] === ticketId)!;
  const ticket = rows(em, 'Tickets').find((t) => t['Ticket ID'] === ticketId)!;
  await em.mailbox.deliver(
    [
      `From: ${from}`,
      'To: support@helpdesk.test',
      `Subject: Re: ${ticket.Subject}`,
      `Date: ${new Date(em.clock.now() - 60_000).toUTCString()}`,
      `Message-ID: ${messageId}`,
      `In-Reply-To: ${first['Message ID']}`,
      `References: ${first['Message ID']}`,
      '',
      body,
      '',
    ].join('\r\n'),
    { at: em.clock.now() - 60_000 },
  );
}

describe('agreement to close a Resolved ticket, through the bundle', () => {
  it('“thanks, you can close it” closes it, recording who agreed and when, and thanks them; “still” reopens; quoted agreement does not count', async () => {
    const em = emulator({ now: AFTER_FIXTURES });
    seedRegister(em);
    await withFixtures(em);
    em.call('ingestInbox');
    for (const id of ['T-000001', 'T-000002', 'T-000006']) setStatus(em, id, 'Resolved');
    em.clock.advance(10 * 60_000);
    // essensys: "seek to obtain the agreement of an Authorized Representative of Customer that a problem record can be closed".
    await reply(em, 'Ann Lee <ann@acme.com>', 'T-000006', '<agree-6@acme.com>', 'Thanks, the link works now. You can close the ticket.');
    // In French, as Globex's contacts write.
    await reply(
      em,
      'Dee Novak <dee@globex.example>',
      'T-000002',
      '<agree-2@globex.example>',
      'Merci, ça marche. Vous pouvez fermer le ticket.',
    );
    // "you can close" only in the quoted mail below; the client's own words say it persists.
    await reply(
      em,
      'Ann Lee <ann@acme.com>',
      'T-000001',
      '<again-1@acme.com>',
      'Sorry, the export still fails.\n\nOn Mon, 2 Nov 2026 at 10:00, Support <support@helpdesk.test> wrote:\n> Fixed, you can close the ticket if it works.',
    );
    const before = em.mailbox.sent.length;
    em.call('ingestInbox');
    const tickets = rows(em, 'Tickets');
    const t = (id: string) => tickets.find((r) => r['Ticket ID'] === id)!;
    const agreed = rows(em, 'Messages').find((m) => m['Message ID'] === '<agree-6@acme.com>')!;
    const at = (agreed.Date as Date).toISOString();
    expect(t('T-000006')).toMatchObject({ Status: 'Closed', 'Closed by': 'ann@acme.com (agreed by mail)' });
    expect((t('T-000006')['Closed at'] as Date).toISOString()).toBe(at);
    expect(t('T-000002')).toMatchObject({ Status: 'Closed', 'Closed by': 'dee@globex.example (agreed by mail)' });
    expect(t('T-000001')).toMatchObject({ Status: 'Open', 'Closed by': '' });

    const sent = em.mailbox.sent.slice(before);
    const thanks = sent.filter((m) => m.text.includes('Thank you for confirming the fix'));
    expect(thanks.map((m) => m.to).sort()).toEqual(['Ann Lee <ann@acme.com>', 'Dee Novak <dee@globex.example>']);
    const toAnn = thanks.find((m) => m.to.includes('ann@acme.com'))!;
    expect(toAnn.subject).toContain('[#T-000006]');
    expect(toAnn.inReplyTo).toBe('<agree-6@acme.com>');
    expect(toAnn.text).toContain('Ticket T-000006 is now closed');

    // The reply that reopened T-000001 is answered with a status update to the requester and the followers.
    const reopened = sent.filter((m) => m.text.includes('We have reopened ticket T-000001'));
    expect(reopened).toHaveLength(1);
    expect(reopened[0]!.to).toContain('ann@acme.com');
    expect(reopened[0]!.cc).toContain('cy@acme.com');
    expect(reopened[0]!.inReplyTo).toBe('<again-1@acme.com>');

    const messages = rows(em, 'Messages');
    expect(messages.find((m) => m['Message ID'] === '<agree-6@acme.com>')!.Action).toMatch(
      /closed: ann@acme\.com agreed; reply sent|closed: ann@acme\.com agreed; replied/,
    );
    expect(
      rows(em, 'Log')
        .filter((l) => l.Action === 'Closed on agreement')
        .map((l) => l['Ticket ID'])
        .sort(),
    ).toEqual(['T-000002', 'T-000006']);

    // A second run changes nothing and sends nothing more; our thank-you in the thread is our own.
    const after = em.mailbox.sent.length;
    em.clock.advance(10 * 60_000);
    em.call('ingestInbox');
    expect(em.mailbox.sent.length).toBe(after);
    expect(rows(em, 'Tickets').find((r) => r['Ticket ID'] === 'T-000006')!.Status).toBe('Closed');
  });
});

describe('closing after silence, through the bundle', () => {
  it('a Resolved ticket nobody answers closes after 5 business days with a notice in its thread, recorded as auto-closed, once', async () => {
    const em = emulator({ now: AFTER_FIXTURES });
    seedRegister(em);
    await withFixtures(em);
    em.call('ingestInbox');
    setStatus(em, 'T-000006', 'Resolved');
    em.clock.set(Date.UTC(2026, 10, 2, 22, 10)); // Mon 2 Nov, 15:10 MST
    em.call('sweepSla');
    const t6 = () => rows(em, 'Tickets').find((r) => r['Ticket ID'] === 'T-000006')!;
    const resolvedAt = (t6()['Resolved at'] as Date).getTime();
    const closing = () => em.mailbox.sent.filter((m) => m.text.includes('we have closed it as resolved') && m.text.includes('T-000006'));
    // Five business days of MT-8-5 later is Mon 9 Nov at the same time: not yet a minute before.
    em.clock.set(resolvedAt + 7 * 86_400_000 - 60_000);
    em.call('sweepSla');
    expect(t6().Status).toBe('Resolved');
    em.clock.set(resolvedAt + 7 * 86_400_000 + 60_000);
    em.call('sweepSla');
    expect(t6()).toMatchObject({ Status: 'Closed', 'Closed by': 'auto-closed (no reply in 5 business days)' });
    expect((t6()['Closed at'] as Date).getTime()).toBe(resolvedAt + 7 * 86_400_000);
    expect(closing()).toHaveLength(1);
    expect(closing()[0]!.text).toMatch(/we have closed it as resolved/);
    expect(closing()[0]!.text).toMatch(/reply to this message: we pick it up again/);
    expect(closing()[0]!.threadId).toBe(t6()['Thread ID']);
    expect(String(t6().Notified)).toMatch(/auto-closed@\S+ — sent: /);
    expect(rows(em, 'Log').some((l) => l.Action === 'Auto-closed' && l['Ticket ID'] === 'T-000006')).toBe(true);
    em.clock.advance(3600_000);
    em.call('sweepSla');
    expect(closing()).toHaveLength(1);
  });
});
