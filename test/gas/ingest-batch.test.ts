import { DateTime } from 'luxon';
import { emulator } from '../support/emulator';
import { rows, seedRegister } from './ingest-support';

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();

const mail = (lines: string[]) => [...lines, ''].join('\r\n');

describe('states from the whole batch', () => {
  it('a backlog with a request and its in-time staff reply in one run reads Met, never Breached', async () => {
    // The inbox check was down from Monday morning to Tuesday noon: both mails wait for one run.
    const em = emulator({ now: mt('2026-11-03T12:00') });
    seedRegister(em);
    const asked = mt('2026-11-02T09:00');
    const answered = mt('2026-11-02T10:00');
    await em.mailbox.deliver(
      mail([
        'From: Ann Lee <ann@acme.com>',
        'To: support@helpdesk.test',
        'Subject: Export question',
        `Date: ${new Date(asked).toUTCString()}`,
        'Message-ID: <batch-1@acme.com>',
        '',
        'How do I export last month?',
      ]),
      { at: asked },
    );
    await em.mailbox.deliver(
      mail([
        'From: Sam Staff <sam@helpdesk.test>',
        'To: Ann Lee <ann@acme.com>',
        'Subject: Re: Export question',
        `Date: ${new Date(answered).toUTCString()}`,
        'Message-ID: <batch-2@helpdesk.test>',
        'In-Reply-To: <batch-1@acme.com>',
        'References: <batch-1@acme.com>',
        '',
        'Use Reports, then Export.',
      ]),
      { at: answered },
    );
    const r = em.run<string>('ingestInbox');
    expect(r.error).toBeUndefined();
    const tickets = rows(em, 'Tickets');
    expect(tickets).toHaveLength(1);
    const t = tickets[0]!;
    // Medium: 8 business hours from Monday 09:00, answered at 10:00.
    expect((t['First response due'] as Date).getTime()).toBe(mt('2026-11-02T17:00'));
    expect((t['First response at'] as Date).getTime()).toBe(answered);
    expect(t['SLA state']).toBe('Met');
    expect(String(t['SLA record'])).toMatch(/first response.*Met/i);
    expect(String(t['SLA record'])).not.toMatch(/Breached/);
    // A sweep right after agrees: nothing to correct.
    em.run('sweepSla');
    expect(rows(em, 'Tickets')[0]!['SLA state']).toBe('Met');
  });
});
