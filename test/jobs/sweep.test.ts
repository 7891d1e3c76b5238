import { runSweep } from '../../src/jobs/sweep/sweep';
import { fixture, mt, ticket } from './sweep-fixture';

const at = (f: ReturnType<typeof fixture>, iso: string) => {
  f.now = mt(iso);
  return runSweep(f.ports());
};

describe('SLA sweep over ports', () => {
  it('writes due times, policy and state for a new High ticket (4 business hours from Mon 09:00 MST)', () => {
    const f = fixture([ticket('T-000001')]);
    const r = at(f, '2026-11-02T10:00');
    expect(r.outcome).toBe('done');
    expect(r.evaluated).toBe(1);
    const t = f.wb.ticket('T-000001');
    expect((t['First response due'] as Date).getTime()).toBe(mt('2026-11-02T13:00'));
    expect(t['SLA state']).toBe('On track');
    expect(t['Policy']).toMatch(/^Standard\/High: first response 4 h, .*, at risk at 75%$/);
    expect(f.mail.all()).toHaveLength(0);
    expect(f.mail.quotaCalls).toBe(0);
  });

  it('escalates tier by tier at the matrix moments, each tier once (at risk 12:00, breach 13:00, breach + 4 h = 17:00)', () => {
    const f = fixture([ticket('T-000001')]);
    at(f, '2026-11-02T11:59');
    expect(f.mail.sent).toHaveLength(0);
    at(f, '2026-11-02T12:01');
    expect(f.mail.sent.map((m) => m.to)).toEqual([['csm@helpdesk.test']]);
    expect(f.wb.ticket('T-000001')['SLA state']).toBe('At risk');
    expect(f.wb.ticket('T-000001')['Escalation tier']).toBe(1);
    at(f, '2026-11-02T12:30');
    expect(f.mail.sent).toHaveLength(1);
    at(f, '2026-11-02T13:01');
    expect(f.mail.sent.map((m) => m.to[0])).toEqual(['csm@helpdesk.test', 'director@helpdesk.test']);
    const second = f.mail.sent[1]!;
    expect(second.subject).toContain('[#T-000001] Escalation tier 2: first response breached');
    expect(second.body).toContain('Acme Corp (ACME)');
    expect(second.body).toContain('Told before about this target:');
    expect(second.body).toContain('tier 1 sent (csm@helpdesk.test)');
    expect(second.body).toContain('https://sheet.test/#gid=1&range=A2');
    expect(f.wb.ticket('T-000001')['SLA state']).toBe('Breached');
    at(f, '2026-11-02T16:59');
    expect(f.mail.sent).toHaveLength(2);
    at(f, '2026-11-02T17:00');
    expect(f.mail.sent.map((m) => m.to[0])).toEqual(['csm@helpdesk.test', 'director@helpdesk.test', 'vp@helpdesk.test']);
    // Days later: nothing new.
    at(f, '2026-11-05T10:00');
    expect(f.mail.sent).toHaveLength(3);
    expect(f.wb.ticket('T-000001')['Escalation tier']).toBe(3);
    expect(String(f.wb.ticket('T-000001')['SLA record'])).toBe('first response: Breached 2026-11-02T20:00:00Z');
  });

  it('after a day down, sends only the highest due tier, copying the others and naming the history', () => {
    const f = fixture([ticket('T-000001')]);
    at(f, '2026-11-03T10:00');
    expect(f.mail.sent).toHaveLength(1);
    const m = f.mail.sent[0]!;
    expect(m.to).toEqual(['vp@helpdesk.test']);
    expect([...m.cc].sort()).toEqual(['csm@helpdesk.test', 'director@helpdesk.test']);
    expect(m.body).toContain('the SLA sweep was not running');
    const ledger = String(f.wb.ticket('T-000001')['Notified']).split('\n');
    expect(ledger).toHaveLength(3);
    expect(ledger[0]).toMatch(/first response T3 — sent: vp@helpdesk.test/);
    expect(ledger.slice(1).every((l) => / — caught up: copied on the tier 3 notice$/.test(l))).toBe(true);
    at(f, '2026-11-03T10:10');
    at(f, '2026-11-04T10:10');
    expect(f.mail.sent).toHaveLength(1);
  });

  it('two sweeps at the same now: the second writes nothing and sends nothing', () => {
    const f = fixture([ticket('T-000001'), ticket('T-000002', { Priority: 'Medium' }), ticket('T-000003', { Status: 'Closed' })]);
    at(f, '2026-11-02T12:30');
    expect(f.mail.all()).toHaveLength(1);
    const before = JSON.stringify(f.wb.tabs.get('Tickets')!.rows);
    const calls = f.wb.tabs.get('Tickets')!.calls.length;
    at(f, '2026-11-02T12:30');
    expect(f.mail.all()).toHaveLength(1);
    expect(JSON.stringify(f.wb.tabs.get('Tickets')!.rows)).toBe(before);
    expect(f.wb.tabs.get('Tickets')!.calls.length - calls).toBe(1); // one read, no writes
    expect(f.mail.quotaCalls).toBe(1); // the quota is asked only when there is something to send
  });

  it('repeated sweeps at the same now settle: deferred notices go out one per run, none twice', () => {
    const f = fixture([ticket('T-000001', { Priority: 'Critical' })]);
    for (let i = 0; i < 5; i++) at(f, '2026-11-02T10:45');
    const keys = f.mail.sent.map((m) => `${m.to.join()}|${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(3);
    const before = JSON.stringify(f.wb.tabs.get('Tickets')!.rows);
    at(f, '2026-11-02T10:45');
    expect(JSON.stringify(f.wb.tabs.get('Tickets')!.rows)).toBe(before);
  });

  it('never more than one mail per ticket per sweep: the Critical update reminder waits for the next sweep', () => {
    // Critical: first response 2 h and next update 2 h from 09:00 → both at risk at 10:30.
    const f = fixture([ticket('T-000001', { Priority: 'Critical' })]);
    at(f, '2026-11-02T10:31');
    expect(f.mail.sent).toHaveLength(1);
    at(f, '2026-11-02T10:41');
    expect(f.mail.sent).toHaveLength(2);
    at(f, '2026-11-02T10:51');
    expect(f.mail.sent).toHaveLength(3);
    const subjects = f.mail.sent.map((m) => m.subject);
    expect(subjects.filter((s) => s.includes('Escalation tier 1'))).toHaveLength(2); // first response and next update
    expect(subjects.filter((s) => s.includes('Critical: next update due soon'))).toHaveLength(1);
    expect(f.mail.sent.find((m) => m.subject.includes('Critical'))!.to).toEqual(['sam@helpdesk.test']);
  });

  it('skips and reports closed tickets, tickets of ended clients and invalid rows; never fatal', () => {
    const f = fixture(
      [
        ticket('T-000001'),
        ticket('T-000002', { 'Client ID': 'OLD' }),
        ticket('T-000003', { Status: 'Closed' }),
        ticket('T-000004', { Priority: 'Urgent!' }),
        ticket('T-000005', { 'Client ID': 'NOPE' }),
      ],
      {
        clients: [
          { 'Client ID': 'ACME', Name: 'Acme Corp', Plan: 'Standard', 'CSM email': 'csm@helpdesk.test', Status: 'Active' },
          { 'Client ID': 'OLD', Name: 'Old Co', Plan: 'Standard', Status: 'Ended' },
        ],
      },
    );
    const r = at(f, '2026-11-03T10:00');
    expect(r).toMatchObject({ evaluated: 1, skippedClosed: 1, skippedEnded: 1, invalidRows: 1, problems: 3 });
    expect(f.wb.ticket('T-000002')['Problems']).toMatch(/Client OLD has ended/);
    expect(f.wb.ticket('T-000002')['SLA state']).toBe('');
    expect(f.wb.ticket('T-000004')['Problems']).toMatch(/Priority must be one of/);
    expect(f.wb.ticket('T-000005')['Problems']).toMatch(/Client ID NOPE is not on the Clients tab/);
    expect(f.mail.sent.map((m) => m.to[0])).toEqual(['vp@helpdesk.test']);
    const skipped = f.log.lines.filter((l) => l.action === 'Ticket skipped').length;
    at(f, '2026-11-03T10:10');
    expect(f.log.lines.filter((l) => l.action === 'Ticket skipped').length).toBe(skipped); // reported once, not every run
    // Fixing the row clears its problem.
    f.wb.tabs.get('Tickets')!.rows[4]![headerIndex(f, 'Priority')] = 'Low';
    at(f, '2026-11-03T10:20');
    expect(f.wb.ticket('T-000004')['Problems']).toBe('');
  });

  it('a busy lock skips the run without touching anything', () => {
    const f = fixture([ticket('T-000001')]);
    f.locked = true;
    expect(at(f, '2026-11-02T12:30').outcome).toBe('busy');
    expect(f.wb.calls()).toBe(0);
  });

  it('holds notices as Gmail drafts when the quota is below the reserve, and logs it', () => {
    const f = fixture([ticket('T-000001')]);
    f.mail.quota = 10;
    at(f, '2026-11-02T12:30');
    expect(f.mail.sent).toHaveLength(0);
    expect(f.mail.drafts).toHaveLength(1);
    expect(f.log.lines.some((l) => l.action === 'Escalation tier 1 held as draft' && /quota/.test(l.detail))).toBe(true);
    expect(String(f.wb.ticket('T-000001')['Notified'])).toMatch(/T1 — draft/);
    at(f, '2026-11-02T12:40');
    expect(f.mail.drafts).toHaveLength(1);
  });

  it('pauses while Waiting on customer, stamps Resolved at, tells the customer once in the thread, and clears it on reopen', () => {
    // Enterprise High: 4 h first response, 40 h resolution.
    const f = fixture([ticket('T-000001', { 'First response at': new Date(mt('2026-11-02T09:30')), Followers: 'bob@acme.test' })], {
      clients: [{ 'Client ID': 'ACME', Name: 'Acme Corp', Plan: 'Enterprise', 'CSM email': 'csm@helpdesk.test', Status: 'Active' }],
    });
    at(f, '2026-11-02T10:00');
    const due0 = (f.wb.ticket('T-000001')['Resolution due'] as Date).getTime();
    setCell(f, 'T-000001', 'Status', 'Waiting on customer');
    at(f, '2026-11-02T11:00');
    expect(f.wb.ticket('T-000001')['Paused']).toBe('2026-11-02T11:00-07:00 →');
    expect(f.wb.ticket('T-000001')['SLA state']).toBe('Paused');
    expect(f.wb.ticket('T-000001')['Resolution due']).toBe('');
    setCell(f, 'T-000001', 'Status', 'Open');
    at(f, '2026-11-02T13:00');
    expect(f.wb.ticket('T-000001')['Paused']).toBe('2026-11-02T11:00-07:00 → 2026-11-02T13:00-07:00');
    // Two business hours paused push the resolution due by two business hours.
    expect((f.wb.ticket('T-000001')['Resolution due'] as Date).getTime()).toBe(due0 + 2 * 3600_000);
    expect(f.log.lines.filter((l) => l.action === 'Status stamp').map((l) => l.detail)).toEqual([
      'pause started by the sweep (Status is Waiting on customer)',
      'pause ended by the sweep (Status is Open)',
    ]);

    setCell(f, 'T-000001', 'Status', 'Resolved');
    at(f, '2026-11-02T14:00');
    const t = f.wb.ticket('T-000001');
    expect((t['Resolved at'] as Date).getTime()).toBe(mt('2026-11-02T14:00'));
    expect(t['SLA state']).toBe('Met');
    // One status update for the wait, one for the resolution, each in the thread to requester and follower.
    expect(f.mail.replies).toHaveLength(2);
    expect(f.mail.replies[0]!.mail.subject).toMatch(/Waiting on you/);
    const resolved = f.mail.replies[1]!;
    expect(resolved.threadId).toBe('thread-T-000001');
    expect(resolved.mail.to).toEqual(['ann@acme.test']);
    expect(resolved.mail.cc).toEqual(['bob@acme.test']);
    expect(resolved.mail.body).toContain('reply to this message');
    at(f, '2026-11-02T14:10');
    expect(f.mail.replies).toHaveLength(2);

    setCell(f, 'T-000001', 'Status', 'Open');
    at(f, '2026-11-02T15:00');
    expect(f.wb.ticket('T-000001')['Resolved at']).toBe('');
    expect(f.wb.ticket('T-000001')['SLA record']).toBe('first response: Met 2026-11-02T16:30:00Z');
    expect(f.wb.ticket('T-000001')['SLA state']).toBe('On track');
  });

  it('a Priority change recomputes every deadline from Received at and forgets the old final records', () => {
    const f = fixture([ticket('T-000001', { Priority: 'Low' })]);
    at(f, '2026-11-02T10:00');
    expect((f.wb.ticket('T-000001')['First response due'] as Date).getTime()).toBe(mt('2026-11-02T17:00'));
    setCell(f, 'T-000001', 'Priority', 'Critical');
    at(f, '2026-11-02T10:05');
    const t = f.wb.ticket('T-000001');
    expect((t['First response due'] as Date).getTime()).toBe(mt('2026-11-02T11:00'));
    expect((t['Next update due'] as Date).getTime()).toBe(mt('2026-11-02T11:00'));
    expect(t['Policy']).toMatch(/^Standard\/Critical: /);
    expect(f.log.lines.some((l) => l.action === 'Policy reapplied' && /was Standard\/Low/.test(l.detail))).toBe(true);
  });
});

function headerIndex(f: ReturnType<typeof fixture>, h: string) {
  return (f.wb.tabs.get('Tickets')!.rows[0] as string[]).indexOf(h);
}
function setCell(f: ReturnType<typeof fixture>, id: string, h: string, v: unknown) {
  const rows = f.wb.tabs.get('Tickets')!.rows;
  const r = rows.findIndex((row) => row[0] === id);
  rows[r]![headerIndex(f, h)] = v;
}
