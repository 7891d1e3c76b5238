/**
 * Defects found running the sweep as a new user would: each test
 * names what broke and fails without its fix.
 */
import { runSweep } from '../../../src/jobs/sweep/sweep';
import { fixture, mt, ticket } from '../../jobs/sweep-fixture';

const at = (f: ReturnType<typeof fixture>, iso: string) => {
  f.now = mt(iso);
  return runSweep(f.ports());
};

describe('sweep audit: the Critical update reminder', () => {
  it('reaches the assignee before the update is due, even with a 30-minute sweep interval', () => {
    // Critical, received Mon 09:00: first response and next update both due 11:00, at risk from 10:30.
    // Three notices fall due at 10:30 (two tier-1 escalations and the reminder), one mail per sweep.
    const f = fixture([ticket('T-000001', { Priority: 'Critical' })]);
    for (const t of ['10:31', '11:01', '11:31']) at(f, `2026-11-02T${t}`);
    const reminder = f.mail.sent.findIndex((m) => m.subject.includes('Critical: next update due soon'));
    // Without the fix it came third, at 11:31: half an hour after the update was due.
    expect(reminder).toBe(0);
    expect(f.mail.sent[0]!.to).toEqual(['sam@helpdesk.test']);
    // The escalations still follow, one per target (by then breached: tier 2, tier 1 copied).
    const escalations = f.mail.sent.filter((m) => m.subject.includes('Escalation tier'));
    expect(escalations.map((m) => m.subject.match(/: (first response|next update) /)?.[1])).toEqual(['first response', 'next update']);
    expect(escalations.every((m) => m.cc.includes('csm@helpdesk.test'))).toBe(true);
    // The sweep was running all along: the copy must not claim it was down and only that.
    expect(escalations[0]!.body).toContain('waiting their turn, one mail per sweep');
  });
});
