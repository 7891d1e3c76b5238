import { emulator, inSandbox } from '../support/emulator';
import { rows, seedRegister } from './ingest-support';

/** Mon 2 Nov 2026, 10:00 MST. */
const NOW = Date.UTC(2026, 10, 2, 17, 0, 0);

/** The n-th request, ten minutes after the one before: a contact's ordinary day, under the per-hour ticket cap. */
async function deliver(em: ReturnType<typeof emulator>, n: number, subject: string, body: string) {
  await em.mailbox.deliver(
    [
      'From: Ann Lee <ann@acme.com>',
      'To: support@helpdesk.test',
      `Subject: ${subject}`,
      `Date: ${new Date(NOW - (120 - 10 * n) * 60_000).toUTCString()}`,
      `Message-ID: <prio-${n}@acme.com>`,
      '',
      body,
      '',
    ].join('\r\n'),
    { at: NOW - (120 - 10 * n) * 60_000 },
  );
}

describe('priority from the seeds’ matrix, through the bundle', () => {
  it('each Ascent360 example and ADvendio criterion gets the seed’s priority; negation and quoted history do not lift it', async () => {
    const em = emulator({ now: NOW });
    seedRegister(em);
    const cases: [string, string, string][] = [
      // Ascent360 Support Response Time Matrix, its eight examples.
      ['Help', 'The server is down.', 'Critical'],
      ['Acoustic', 'Acoustic is not accessible for a duration exceeding 8 hours.', 'High'],
      ['Integration', 'Our system integration is not receiving data.', 'High'],
      ['Query change', 'Time-sensitive update to query for upcoming email send.', 'Medium'],
      ['Reporting request', 'Could you pull opens and clicks for October?', 'Low'],
      ['Campaign creation request', 'Please set up the spring sale campaign.', 'Low'],
      ['Training', 'Training for our two new coordinators, please.', 'Low'],
      ['How-to', 'How do I build a suppression list?', 'Low'],
      // ADvendio Level 1.
      ['Bookings', 'Since the update our data is unusable or corrupt.', 'Critical'],
      // Negation and quoted history.
      ['Footer', 'Not urgent: please update the footer text.', 'Low'],
      [
        'Re: monthly report',
        'Thanks! Could you send the monthly report?\n\nOn Mon, 26 Oct 2026 at 09:00, Ann Lee <ann@acme.com> wrote:\n> The server is down, URGENT',
        'Low',
      ],
    ];
    for (const [i, [subject, body]] of cases.entries()) await deliver(em, i, subject, body);
    em.call('ingestInbox');
    const tickets = rows(em, 'Tickets');
    const got = cases.map(([subject]) => [subject, tickets.find((t) => t.Subject === subject.replace(/^Re: /, ''))?.Priority]);
    expect(got).toEqual(cases.map(([subject, , want]) => [subject, want]));
    // The Log says which rule decided it.
    const log = rows(em, 'Log').find((l) => String(l.Detail).includes('"Acoustic"'))!;
    expect(String(log.Detail)).toMatch(/Level 2 for "not accessible" \(Ascent360 High/);
  });

  it('the Priority header note shows the definitions', () => {
    const em = emulator({ now: NOW });
    em.call('setup');
    const note = inSandbox<string>(
      em,
      `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets');
       var header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
       return sh.getRange(1, header.indexOf('Priority') + 1).getNote();`,
    );
    expect(note).toMatch(/Level 1 Critical: a global production outage/);
    expect(note).toMatch(/Level 4 Low: all other requests — reporting, campaign creation, training, how-to/);
  });
});
