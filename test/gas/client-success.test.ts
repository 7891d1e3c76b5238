import { DateTime } from 'luxon';
import type { Emulator } from '../../src/local/emulator';
import { emulator } from '../support/emulator';
import { at, day, fill, setCell, setSetting } from './billing-register';
import { rows } from './ingest-support';

/**
 * Issue 17, through the bundle: the seeds' client success rules on a register.
 * - Ascent360 onboarding: kick-off "1 to 2 days after client contract signature"; CSM calls
 *   "weekly for 6 to 8 weeks, monthly thereafter".
 * - ClientSuccess: pooled clients "engage with a CSM every 45 days"; pooled hours Tue–Thu;
 *   risk flags go to "the pooled CSM or executive sponsor".
 * - essensys: QBR for Enterprise editions only.
 * - Ascent360 service overview: a CSM for "8+ hours of monthly CSM support".
 */
const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();

function desk(now: string): Emulator {
  const em = emulator({ now: mt(now) });
  em.call('setup');
  fill(em, 'Clients', [
    // Signed Monday 2 Nov 2026; its kick-off is due Tue 3 – Wed 4.
    {
      'Client ID': 'NEWCO',
      Name: 'NewCo',
      Plan: 'CSM',
      Edition: 'Other',
      'Monthly hours': 10,
      'CSM email': 'csm@helpdesk.test',
      'Escalation matrix': 'CSM-Director-VP',
      Status: 'Onboarding',
      'Contract start': day('2026-11-02'),
      'Contract signed': day('2026-11-02'),
      'Implementation manager': 'impl@helpdesk.test',
    },
    // Designated, contract started 7 Sep: weekly touches until 2 Nov (8 weeks), then monthly.
    {
      'Client ID': 'WEEKLY',
      Name: 'Weekly Ltd',
      Plan: 'CSM',
      Edition: 'Other',
      'Monthly hours': 12,
      'CSM email': 'csm@helpdesk.test',
      Status: 'Active',
      'Contract start': day('2026-09-07'),
    },
    // Pooled, last touch 45+ days ago.
    {
      'Client ID': 'POOL',
      Name: 'Pool Inc',
      Plan: 'Standard',
      Edition: 'Other',
      'Monthly hours': 4,
      Cohort: 'Pooled',
      Status: 'Active',
      'Contract start': day('2026-01-05'),
    },
    // Enterprise edition: a QBR each quarter.
    {
      'Client ID': 'ENT',
      Name: 'Enterprise Co',
      Plan: 'Standard',
      Edition: 'Enterprise',
      'Monthly hours': 20,
      'CSM email': 'ent-csm@helpdesk.test',
      Status: 'Active',
      'Contract start': day('2026-01-05'),
    },
    // A CSM plan below the minimum monthly hours.
    {
      'Client ID': 'SHORT',
      Name: 'Short Hours',
      Plan: 'CSM',
      Edition: 'Other',
      'Monthly hours': 6,
      'CSM email': 'csm@helpdesk.test',
      Status: 'Active',
      'Contract start': day('2026-01-05'),
    },
  ]);
  fill(em, 'Escalation', []);
  // Tier 2 of the Ascent360 matrix is the Director Client Success.
  const esc = em.workbook.sheetValues('Escalation');
  const h = esc[0] as string[];
  const dir = esc.findIndex((r) => r[h.indexOf('Title')] === 'Director Client Success');
  em.workbook.writeRaw('Escalation', [['director@helpdesk.test']], dir + 1, h.indexOf('Email') + 1);
  setSetting(em, 'Pooled CSM rota', 'Tue: tue-csm@helpdesk.test; Wed: wed-csm@helpdesk.test; Thu: thu-csm@helpdesk.test');
  setSetting(em, 'Executive sponsor email', 'sponsor@helpdesk.test');
  fill(em, 'Hours', [
    { Date: day('2026-09-14'), 'Client ID': 'WEEKLY', Person: 'csm@helpdesk.test', Activity: 'Status update', Hours: '0.5' },
    { Date: day('2026-10-26'), 'Client ID': 'WEEKLY', Person: 'csm@helpdesk.test', Activity: 'Status update', Hours: '0.5' },
    { Date: day('2026-09-10'), 'Client ID': 'POOL', Person: 'pool@helpdesk.test', Activity: 'Training', Hours: '1' },
    { Date: day('2026-10-20'), 'Client ID': 'ENT', Person: 'ent-csm@helpdesk.test', Activity: 'Status update', Hours: '1' },
  ]);
  return em;
}

const success = (em: Emulator) => new Map(rows(em, 'Success').map((r) => [String(r['Client ID']), r]));
const mailsTo = (em: Emulator, address: string) => em.mailbox.sent.filter((m) => m.to.includes(address));

describe('client success (issue 17), through the bundle', () => {
  it('a client signed Monday has its kick-off due Tuesday–Wednesday; missed, the implementation manager and tier 2 are told once; a logged kick-off closes it', () => {
    const em = desk('2026-11-03T09:00');
    em.call('refreshSuccess');
    expect(success(em).get('NEWCO')!['Kick-off']).toBe('Due: 2026-11-03 – 2026-11-04');

    em.clock.set(mt('2026-11-05T09:00'));
    em.call('refreshSuccess');
    expect(success(em).get('NEWCO')!['Kick-off']).toBe('Missed: 2026-11-03 – 2026-11-04');
    const missed = em.mailbox.sent.filter((m) => /kick-off call missed/.test(m.subject));
    expect(missed).toHaveLength(1);
    expect(missed[0]!.to).toContain('impl@helpdesk.test');
    expect(missed[0]!.to).toContain('director@helpdesk.test');
    em.call('refreshSuccess');
    expect(em.mailbox.sent.filter((m) => /kick-off call missed/.test(m.subject))).toHaveLength(1);
    const client = rows(em, 'Clients').find((c) => c['Client ID'] === 'NEWCO')!;
    expect(String(client['Success notified'])).toMatch(/kick-off@2026-11-04 — sent: /);

    fill(em, 'Hours', [
      { Date: day('2026-11-05'), 'Client ID': 'NEWCO', Person: 'impl@helpdesk.test', Activity: 'Kick-off call', Hours: '1' },
    ]);
    em.call('refreshSuccess');
    expect(success(em).get('NEWCO')!['Kick-off']).toBe('Done 2026-11-05');
    const kicked = rows(em, 'Clients').find((c) => c['Client ID'] === 'NEWCO')!['Kick-off at'];
    expect(kicked instanceof Date && DateTime.fromJSDate(kicked).toISODate()).toBe('2026-11-05');
  });

  it('a designated client is due weekly for 8 weeks after Contract start, then monthly', () => {
    const em = desk('2026-10-27T09:00');
    em.call('refreshSuccess');
    // Last touch 26 Oct, inside the 8 weeks (to 2 Nov): next due a week later.
    expect(success(em).get('WEEKLY')!['Next touch due']).toBe('2026-11-02');
    fill(em, 'Hours', [
      { Date: day('2026-11-02'), 'Client ID': 'WEEKLY', Person: 'csm@helpdesk.test', Activity: 'Status update', Hours: '0.5' },
    ]);
    em.clock.set(mt('2026-11-03T09:00'));
    em.call('refreshSuccess');
    // Past the eighth week: a month after the last touch.
    expect(success(em).get('WEEKLY')!['Next touch due']).toBe('2026-12-02');
    expect(success(em).get('WEEKLY')!['Touch state']).toBe('On track');
    // A client's own cadence (Clients → Touch every (days)) overrides its cohort's.
    setCell(em, 'Clients', 'Client ID', 'WEEKLY', 'Touch every (days)', 14);
    em.call('refreshSuccess');
    expect(success(em).get('WEEKLY')!['Next touch due']).toBe('2026-11-16');
  });

  it('a pooled client with no touch for 45 days is Overdue; on a Monday its reminder goes to Tuesday’s pooled CSM, once', () => {
    const em = desk('2026-11-02T09:00'); // a Monday; last touch 10 Sep
    em.call('refreshSuccess');
    const pool = success(em).get('POOL')!;
    expect(pool['Touch state']).toBe('Overdue');
    expect(pool['Next touch due']).toBe('2026-10-25');
    expect(pool['CSM or pool']).toBe('pool (tue-csm@helpdesk.test on duty)');
    expect(mailsTo(em, 'tue-csm@helpdesk.test').filter((m) => /Pool Inc .*touch overdue/.test(m.subject))).toHaveLength(1);
    em.clock.set(mt('2026-11-02T10:00'));
    em.call('refreshSuccess');
    expect(mailsTo(em, 'tue-csm@helpdesk.test').filter((m) => /Pool Inc .*touch overdue/.test(m.subject))).toHaveLength(1);
  });

  it('an Enterprise-edition client has a QBR due each quarter; an Other-edition client none', () => {
    const em = desk('2026-11-10T09:00');
    em.call('refreshSuccess');
    expect(String(success(em).get('ENT')!['Next review due'])).toMatch(/^QBR 2026-12-31/);
    expect(String(success(em).get('POOL')!['Next review due'])).toBe('');
    // A QBR held this quarter moves the next one to the end of the next quarter.
    fill(em, 'Hours', [
      { Date: day('2026-11-10'), 'Client ID': 'ENT', Person: 'ent-csm@helpdesk.test', Activity: 'Quarterly business review', Hours: '2' },
    ]);
    em.call('refreshSuccess');
    expect(String(success(em).get('ENT')!['Next review due'])).toMatch(/^QBR 2027-03-31/);
  });

  it('a CSM plan with fewer than the minimum monthly hours gets a Problems note on Clients and one Log line; fixed, the note goes', () => {
    const em = desk('2026-11-10T09:00');
    fill(em, 'Tickets', [
      {
        'Ticket ID': 'T-000001',
        'Client ID': 'SHORT',
        Subject: 'Open question',
        Priority: 'Low',
        Status: 'Open',
        'Received at': at('2026-11-10T08:00'),
      },
    ]);
    em.call('refreshSuccess');
    // The sweep rewrites Clients Problems every run; it keeps the note the hourly check wrote.
    em.clock.set(mt('2026-11-10T09:30'));
    em.call('sweepSla');
    em.clock.set(mt('2026-11-10T10:30'));
    em.call('refreshSuccess');
    const short = rows(em, 'Clients').find((c) => c['Client ID'] === 'SHORT')!;
    expect(String(short.Problems)).toMatch(/plan CSM includes a CSM, which needs at least 8 monthly hours; the contract has 6/);
    expect(rows(em, 'Log').filter((l) => /Clients row \d+: .*needs at least 8 monthly hours/.test(String(l.Detail)))).toHaveLength(1);
    expect(String(success(em).get('SHORT')!['Entitlement problems'])).toMatch(/at least 8 monthly hours/);
    expect(String(rows(em, 'Clients').find((c) => c['Client ID'] === 'WEEKLY')!.Problems)).toBe('');
    setCell(em, 'Clients', 'Client ID', 'SHORT', 'Monthly hours', 8);
    em.clock.set(mt('2026-11-10T11:30'));
    em.call('refreshSuccess');
    expect(String(rows(em, 'Clients').find((c) => c['Client ID'] === 'SHORT')!.Problems)).toBe('');
  });

  it('three breaches and two complaints in 30 days flag a client at risk; its owner is told once; the flag clears when the cause does', async () => {
    const em = desk('2026-11-10T09:00');
    const breached = (n: number, received: string) => ({
      'Ticket ID': `T-00010${n}`,
      'Client ID': 'ENT',
      Subject: `Outage ${n}`,
      Priority: 'High',
      Status: 'Closed',
      'Received at': at(received),
      'SLA state': 'Breached',
    });
    fill(em, 'Tickets', [breached(1, '2026-10-20T09:00'), breached(2, '2026-10-27T09:00'), breached(3, '2026-11-03T09:00')]);
    fill(em, 'Contacts', [{ Email: 'eve@ent.example', Name: 'Eve', 'Client ID': 'ENT', Role: 'User', 'Can open tickets': 'Yes' }]);
    for (const [i, text] of ['This is not acceptable, the export is still broken.', 'Very disappointed: still not working.'].entries()) {
      const ms = mt(`2026-11-0${5 + i}T10:00`);
      await em.mailbox.deliver(
        [
          'From: Eve <eve@ent.example>',
          'To: support@helpdesk.test',
          `Subject: Export ${i}`,
          `Date: ${new Date(ms).toUTCString()}`,
          `Message-ID: <complaint-${i}@ent.example>`,
          '',
          text,
          '',
        ].join('\r\n'),
        { at: ms },
      );
    }
    em.call('ingestInbox');
    expect(rows(em, 'Messages').filter((m) => /; complaint/.test(String(m.Action)))).toHaveLength(2);

    em.call('refreshSuccess');
    const ent = success(em).get('ENT')!;
    // Both triggers, and the health they pull down (SLA 0 and Sentiment 0 of 100).
    expect(String(ent.Risk)).toBe('Low health, SLA breaches, Complaints');
    expect(ent['Risk owner']).toBe('ent-csm@helpdesk.test');
    const told = () => mailsTo(em, 'ent-csm@helpdesk.test').filter((m) => /Enterprise Co .*is at risk/.test(m.subject));
    expect(told()).toHaveLength(1);
    // The two complaints opened tickets of their own, read days late: breached too (3 + 2).
    expect(told()[0]!.text).toMatch(/5 breached tickets, 2 complaints or escalation requests/);
    em.clock.set(mt('2026-11-10T11:00'));
    em.call('refreshSuccess');
    expect(told()).toHaveLength(1);

    // Three months on, the breaches are past the 90 days of the SLA part and the complaints past 30: the flag clears itself, the history stays.
    em.clock.set(mt('2027-02-10T09:00'));
    em.call('refreshSuccess');
    expect(String(success(em).get('ENT')!.Risk)).toBe('');
    const ledger = String(rows(em, 'Clients').find((c) => c['Client ID'] === 'ENT')!['Success notified']);
    expect(ledger).toMatch(/risk@2026-11-10 — sent: ent-csm@helpdesk\.test/);
    expect(ledger).toMatch(/risk cleared@2027-02-10 — cleared/);
    expect(rows(em, 'Log').filter((l) => l.Action === 'Risk cleared')).toHaveLength(1);
  });

  it('the Success tab has a row per active client, worst health first, with each part of the score shown', () => {
    const em = desk('2026-11-10T09:00');
    em.call('refreshSuccess');
    const tab = rows(em, 'Success');
    expect(tab.map((r) => r['Client ID']).sort()).toEqual(['ENT', 'NEWCO', 'POOL', 'SHORT', 'WEEKLY']);
    const scores = tab.map((r) => Number(r.Health));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(String(tab[0]!['Health parts'])).toMatch(/^SLA \d+ ×30, Touch \d+ ×20, Hours \d+ ×15, Reopens \d+ ×15, Sentiment \d+ ×20$/);
    em.call('refreshSuccess');
    expect(rows(em, 'Success').every((r) => r.Trend === '=')).toBe(true);
    // The next day the trend is against yesterday's scores: the pooled client's touch got more overdue, not its health.
    em.clock.set(mt('2026-11-11T09:00'));
    em.call('refreshSuccess');
    expect(rows(em, 'Success').every((r) => /^(=|▲ \d+|▼ \d+)$/.test(String(r.Trend)))).toBe(true);
  });

  it('a review never held, with no Contract start, is due by the month end: one reminder, not one a day', () => {
    const em = desk('2026-11-27T09:00');
    fill(em, 'Clients', [
      {
        'Client ID': 'NOSTART',
        Name: 'No Start',
        Plan: 'CSM',
        Edition: 'Other',
        'Monthly hours': 10,
        'CSM email': 'ns@helpdesk.test',
        Status: 'Active',
      },
    ]);
    for (const d of ['27', '28', '29', '30']) {
      em.clock.set(mt(`2026-11-${d}T09:00`));
      em.call('refreshSuccess');
    }
    expect(String(success(em).get('NOSTART')!['Next review due'])).toMatch(/^Monthly review 2026-11-30/);
    expect(mailsTo(em, 'ns@helpdesk.test').filter((m) => /Monthly review due/.test(m.subject))).toHaveLength(1);
  });

  it('a pooled client’s tier-1 escalation goes to the pooled CSM on duty', () => {
    const em = desk('2026-11-03T08:00'); // Tuesday
    fill(em, 'Tickets', [
      {
        'Ticket ID': 'T-000201',
        'Client ID': 'POOL',
        Subject: 'Sync stopped',
        Priority: 'High',
        Status: 'Open',
        'Received at': at('2026-11-03T08:00'),
      },
    ]);
    em.call('sweepSla');
    // At risk at 80 % of the 4 business hours (11:12): tier 1, the CSM tier, is the pooled CSM on duty Tuesday.
    em.clock.set(mt('2026-11-03T11:30'));
    em.call('sweepSla');
    const tier1 = em.mailbox.sent.filter((m) => /T-000201/.test(m.subject) && /tier 1/i.test(m.subject));
    expect(tier1.map((m) => m.to)).toEqual(['tue-csm@helpdesk.test']);
  });
});
