import { emulator } from '../support/emulator';
import { rows } from './ingest-support';

const SEEDS =
  /^(Ascent360 Service and Support Overview|Ascent360 Client Onboarding & Support Model|ADvendio Support Team Process|essensys Service Description – Customer Success)\b/;

describe('a new register’s reference rows come only from the seeds, through the bundle', () => {
  const em = emulator();
  em.call('setup');

  it('every seeded policy, calendar, holiday, matrix and activity row names the document it comes from', () => {
    for (const tab of ['SLA Policies', 'Calendars', 'Holidays', 'Escalation', 'Activities', 'Entitlements']) {
      const list = rows(em, tab);
      expect(list.length, tab).toBeGreaterThan(0);
      for (const r of list) expect(String(r.Source), `${tab}: ${JSON.stringify(r)}`).toMatch(SEEDS);
    }
  });

  it('the Enterprise policies are the matrix, as for every plan: no invented resolution targets, no 24×7 Critical', () => {
    const enterprise = rows(em, 'SLA Policies').filter((r) => r.Plan === 'Enterprise');
    expect(enterprise.map((r) => [r.Priority, r['First response (h)'], r['Next update (h)'], r['Resolution (h)'], r.Calendar])).toEqual([
      ['Critical', 2, 2, '', ''],
      ['High', 4, '', '', ''],
      ['Medium', 8, '', '', ''],
      ['Low', 8, '', '', ''],
    ]);
    for (const r of rows(em, 'SLA Policies')) {
      expect(r['Resolution (h)']).toBe('');
      expect(r['At risk at (%)']).toBe('');
      expect(String(r.Source)).toMatch(/Resolution: no seed gives one .*Schedule 2/);
    }
  });

  it('what no seed gives is said: escalation timing is the product’s default', () => {
    for (const r of rows(em, 'Escalation')) expect(String(r.Source)).toMatch(/When: the product's default; the seed gives no timing/);
  });
});
