import { describe, expect, it } from 'vitest';
import { runIngest } from '../../src/jobs/ingest/job';
import { ingestFixture, mail, type IngestFixture } from './ingest-fixture';
import { mt } from './sweep-fixture';
import { ClientsTab } from '../../src/register/tabs';

const run = (f: IngestFixture, at?: string) => {
  if (at) f.now = mt(at);
  return runIngest(f.ports());
};
const actions = (f: IngestFixture) => f.ledger().map((r) => String(r.Action));

describe('the inbox job over memory ports', () => {
  it('opens a ticket for a registered contact, acknowledges it in its thread once, and records both in the ledger', () => {
    const f = ingestFixture();
    f.mailbox.deliver(mail({ id: 'm1@acme.test', from: 'Ann Lee <ann@acme.test>', subject: 'Export fails', at: '2026-11-02T09:00' }));
    const r = run(f);
    expect(r).toMatchObject({ status: 'done', processed: 1, opened: 1, sent: 1 });
    expect(f.wb.ticket('T-000001')).toMatchObject({
      'Client ID': 'ACME',
      Requester: 'ann@acme.test',
      Status: 'New',
      Subject: 'Export fails',
    });
    expect(f.mail.replies.map((x) => [x.threadId, x.mail.to, x.draft])).toEqual([['th-m1@acme.test', ['ann@acme.test'], false]]);
    expect(actions(f)).toEqual(['opened T-000001; acknowledgement sent']);
    // A second run finds nothing new and writes nothing.
    const calls = f.wb.calls();
    expect(run(f, '2026-11-02T10:05')).toMatchObject({ processed: 0, sent: 0 });
    expect(f.wb.calls() - calls).toBeLessThanOrEqual(8); // reads only
    expect(f.mail.replies).toHaveLength(1);
  });

  it('a staff answer in the same run withdraws the acknowledgement; the ledger says so', () => {
    const f = ingestFixture();
    f.mailbox.deliver(mail({ id: 'm1@acme.test', from: 'ann@acme.test', subject: 'Help', at: '2026-11-02T09:00', thread: 't1' }));
    f.mailbox.deliver(
      mail({
        id: 's1@helpdesk.test',
        from: 'Sam <sam@helpdesk.test>',
        subject: 'Re: Help',
        at: '2026-11-02T09:10',
        thread: 't1',
        inReplyTo: 'm1@acme.test',
      }),
    );
    run(f);
    expect(f.mail.all()).toEqual([]);
    expect(actions(f)[0]).toBe('opened T-000001; not acknowledged: staff replied first');
    expect(f.wb.ticket('T-000001')['First response at']).toEqual(new Date(mt('2026-11-02T09:10')));
  });

  it('acknowledges one sender at most N times an hour, counting this run, and says why the rest were not', () => {
    const f = ingestFixture({ 'Acknowledgements per sender per hour': '2' });
    for (let i = 1; i <= 3; i++)
      f.mailbox.deliver(mail({ id: `m${i}@acme.test`, from: 'ann@acme.test', subject: `Request ${i}`, at: `2026-11-02T09:0${i}` }));
    run(f);
    expect(f.mail.replies).toHaveLength(2);
    expect(actions(f)).toEqual([
      'opened T-000001; acknowledgement sent',
      'opened T-000002; acknowledgement sent',
      'opened T-000003; not acknowledged: 2 per hour already',
    ]);
    expect(f.log.lines.filter((l) => l.action === 'Acknowledgement withheld')).toHaveLength(1);
  });

  it('holds the acknowledgement as a draft near the end of the quota, with the one quota wording', () => {
    const f = ingestFixture({ 'Mail quota reserve': '10' });
    f.mail.quota = 10;
    f.mailbox.deliver(mail({ id: 'm1@acme.test', from: 'ann@acme.test', subject: 'Help', at: '2026-11-02T09:00' }));
    const r = run(f);
    expect(r).toMatchObject({ sent: 0, drafted: 1 });
    expect(f.mail.replies[0]!.draft).toBe(true);
    expect(actions(f)).toEqual(['opened T-000001; acknowledgement held as draft']);
    expect(f.log.lines.find((l) => l.action === 'Held as draft')?.detail).toMatch(
      /mail quota below the reserve \(10 recipients left today, reserve 10\)/,
    );
  });

  it('a run cut after the ticket rows were written is recovered: the next run adopts the ticket and acknowledges it once', () => {
    const f = ingestFixture();
    f.mailbox.deliver(mail({ id: 'm1@acme.test', from: 'ann@acme.test', subject: 'Help', at: '2026-11-02T09:00' }));
    const messages = f.wb.tabs.get('Messages')!;
    const append = messages.append.bind(messages);
    messages.append = () => {
      throw new Error('Service Spreadsheets timed out');
    };
    expect(() => run(f)).toThrow(/timed out/);
    expect(f.wb.tickets()).toHaveLength(1);
    expect(f.mail.all()).toEqual([]);
    messages.append = append;
    const r = run(f, '2026-11-02T10:05');
    expect(r).toMatchObject({ opened: 1, sent: 1 });
    expect(f.wb.tickets()).toHaveLength(1);
    expect(actions(f)).toEqual(['opened T-000001; acknowledgement sent']);
    expect(f.log.lines.some((l) => l.action === 'Recovered')).toBe(true);
  });

  it('a send that failed is recorded as failed, and the other replies still go out', () => {
    const f = ingestFixture();
    f.mailbox.deliver(mail({ id: 'm1@acme.test', from: 'ann@acme.test', subject: 'One', at: '2026-11-02T09:00' }));
    f.mailbox.deliver(mail({ id: 'm2@acme.test', from: 'cy@acme.test', subject: 'Two', at: '2026-11-02T09:01' }));
    const send = f.mail.send.bind(f.mail);
    let first = true;
    f.mail.send = (m, r) => {
      if (first) {
        first = false;
        throw new Error('Invalid email: ann@acme.test');
      }
      send(m, r);
    };
    run(f);
    expect(actions(f)).toEqual(['opened T-000001; acknowledgement failed', 'opened T-000002; acknowledgement sent']);
    expect(f.log.lines.find((l) => l.action === 'Reply failed')?.detail).toMatch(/Invalid email/);
  });

  it('holds the mail of a client whose row has a bad cell, says so once, and opens its tickets once the row is fixed', () => {
    const f = ingestFixture({ 'Support lead email': 'lead@helpdesk.test' });
    const acme = {
      'Client ID': 'ACME',
      Name: 'Acme Corp',
      Domains: 'acme.test',
      Plan: 'Standard',
      Status: 'Active',
      'CSM email': 'csm@helpdesk.test',
    };
    f.wb.put(ClientsTab, [{ ...acme, 'Hourly rate': '150 USD' }]);
    f.mailbox.deliver(mail({ id: 'm1@acme.test', from: 'ann@acme.test', subject: 'Export fails', at: '2026-11-02T09:00' }));
    f.mailbox.deliver(mail({ id: 'm2@acme.test', from: 'cy@acme.test', subject: 'Login broken', at: '2026-11-02T09:05' }));
    expect(run(f)).toMatchObject({ opened: 0, held: 2, ignored: 0, sent: 0 });
    expect(f.wb.tickets()).toEqual([]);
    expect(actions(f)).toEqual([
      expect.stringMatching(/^held: the Clients row of ACME has a problem \(Hourly rate/),
      expect.stringMatching(/^held: /),
    ]);
    expect(f.ledger().map((r) => r.Kind)).toEqual(['customer', 'customer']); // not "unregistered"
    expect(f.log.lines.filter((l) => l.action === 'Mail held')).toHaveLength(1);
    const problems = () =>
      f.wb.tabs
        .get('Clients')!
        .rows.slice(1)
        .map((r) => r[f.wb.tabs.get('Clients')!.rows[0]!.indexOf('Problems')]);
    expect(problems()).toEqual([expect.stringMatching(/Hourly rate/)]);
    expect(f.log.lines.filter((l) => l.action === 'Register problem')).toEqual([]); // "Mail held" is the one line
    // One mail to the support lead for the one problem; nothing to the held senders.
    expect(f.mail.all().map((m) => [m.to, m.subject])).toEqual([
      [['lead@helpdesk.test'], 'Support Desk: mail held — a register problem needs a fix'],
    ]);
    expect(f.mail.sent[0]!.body).toMatch(/the Clients row of ACME has a problem \(Hourly rate/);

    // Later runs retry: still held, nothing new in the Log, no second ledger row.
    f.mailbox.deliver(mail({ id: 'm3@acme.test', from: 'ann@acme.test', subject: 'Also this', at: '2026-11-02T10:30' }));
    expect(run(f, '2026-11-02T11:00')).toMatchObject({ opened: 0, held: 3 });
    expect(f.log.lines.filter((l) => l.action === 'Mail held')).toHaveLength(1);
    expect(f.mail.all()).toHaveLength(1);
    expect(f.ledger()).toHaveLength(3);

    // Fixed: the next run opens every held request, with its original Received at, and rewrites its own rows.
    f.wb.put(ClientsTab, [{ ...acme, 'Hourly rate': '150' }]);
    expect(run(f, '2026-11-02T12:00')).toMatchObject({ opened: 3, held: 0 });
    expect(f.wb.tickets().map((t) => [t.Requester, (t['Received at'] as Date).getTime()])).toEqual([
      ['ann@acme.test', mt('2026-11-02T09:00')],
      ['cy@acme.test', mt('2026-11-02T09:05')],
      ['ann@acme.test', mt('2026-11-02T10:30')],
    ]);
    expect(actions(f)).toEqual([
      'opened T-000001; acknowledgement sent',
      'opened T-000002; acknowledgement sent',
      'opened T-000003; acknowledgement sent',
    ]);
    expect(f.ledger().map((r) => r['Message ID'])).toEqual(
      ['m1@acme.test', 'm2@acme.test', 'm3@acme.test'].map((id) => expect.stringContaining(id)),
    );
    // And then it is done: the next run has nothing to retry.
    expect(run(f, '2026-11-02T12:10')).toMatchObject({ processed: 0, held: 0 });
  });

  it.each([
    ['a plan with no SLA policy', { Plan: 'Gold' }, /^held: a ticket of ACME gets no deadlines: no SLA policy for plan "Gold"/],
    [
      'a calendar that is not on Calendars',
      { Calendar: 'MT-9-5' },
      /^held: a ticket of ACME gets no deadlines: calendar MT-9-5 is not on the Calendars tab/,
    ],
  ])('holds a request whose SLA cannot be counted (%s) instead of opening a ticket without deadlines', (_, bad, held) => {
    const f = ingestFixture();
    const acme = {
      'Client ID': 'ACME',
      Name: 'Acme Corp',
      Domains: 'acme.test',
      Plan: 'Standard',
      Status: 'Active',
      'CSM email': 'csm@helpdesk.test',
    };
    f.wb.put(ClientsTab, [{ ...acme, ...bad }]);
    f.mailbox.deliver(mail({ id: 'm1@acme.test', from: 'ann@acme.test', subject: 'Export fails', at: '2026-11-02T09:00' }));
    f.mailbox.deliver(mail({ id: 'm2@acme.test', from: 'cy@acme.test', subject: 'Login broken', at: '2026-11-02T09:05' }));
    expect(run(f)).toMatchObject({ opened: 0, held: 2 });
    expect(actions(f)).toEqual([expect.stringMatching(held), expect.stringMatching(held)]);
    expect(f.log.lines.filter((l) => l.action === 'Mail held')).toHaveLength(1);
    expect(f.mail.all()).toEqual([]);
    f.wb.put(ClientsTab, [acme]);
    expect(run(f, '2026-11-02T11:00')).toMatchObject({ opened: 2, held: 0 });
    // Numbers are not skipped for the held messages; deadlines count from the mail's own arrival.
    expect(f.wb.tickets().map((t) => [t['Ticket ID'], (t['Received at'] as Date).getTime()])).toEqual([
      ['T-000001', mt('2026-11-02T09:00')],
      ['T-000002', mt('2026-11-02T09:05')],
    ]);
    expect(f.wb.ticket('T-000001')['First response due']).toBeInstanceOf(Date);
  });

  it('holds the mail of a contact whose client has no Clients row, once per client, until the row is added', () => {
    const f = ingestFixture();
    f.mailbox.deliver(mail({ id: 'm1@acme.test', from: 'ann@acme.test', subject: 'Help', at: '2026-11-02T09:00' }));
    f.mailbox.deliver(mail({ id: 'm2@acme.test', from: 'cy@acme.test', subject: 'Help too', at: '2026-11-02T09:05' }));
    f.wb.put(ClientsTab, []);
    expect(run(f)).toMatchObject({ opened: 0, held: 2, ignored: 0 });
    expect(actions(f)).toEqual([
      'held: Contacts lists contacts of client ACME, which is not on the Clients tab',
      'held: Contacts lists contacts of client ACME, which is not on the Clients tab',
    ]);
    expect(f.log.lines.filter((l) => l.action === 'Mail held')).toHaveLength(1);
    f.wb.put(ClientsTab, [{ 'Client ID': 'ACME', Name: 'Acme Corp', Domains: 'acme.test', Plan: 'Standard', Status: 'Active' }]);
    expect(run(f, '2026-11-02T11:00')).toMatchObject({ opened: 2, held: 0 });
    expect(f.wb.tickets().map((t) => (t['Received at'] as Date).getTime())).toEqual([mt('2026-11-02T09:00'), mt('2026-11-02T09:05')]);
  });

  it('with the lock busy it reads nothing and says it skipped', () => {
    const f = ingestFixture();
    f.locked = true;
    f.mailbox.deliver(mail({ id: 'm1@acme.test', from: 'ann@acme.test', subject: 'Help', at: '2026-11-02T09:00' }));
    expect(run(f).status).toBe('busy');
    expect(f.mailbox.searches).toBe(0);
    expect(f.log.lines.map((l) => l.action)).toEqual(['Skipped']);
  });
});
