import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRIORITIES } from '../../../src/core/types/vocab';
import { readTable } from '../../../src/register/table';
import { TicketsTab } from '../../../src/register/tabs';
import { loadMatrices } from '../../../src/jobs/shared/matrices';
import { loadSlaContext } from '../../../src/jobs/shared/sla-context';
import { computeRow } from '../../../src/jobs/tickets/compute-row';
import { Deadlines } from '../../../src/jobs/ingest/deadlines';
import { fixture, mt, ticket, ZONE } from '../sweep-fixture';

const PLANS = ['Standard', 'CSM', 'Professional'] as const;
const CLIENTS = PLANS.map((Plan) => ({
  'Client ID': Plan.toUpperCase(),
  Name: Plan,
  Plan,
  'CSM email': 'csm@helpdesk.test',
  'Escalation matrix': 'CSM-Director-VP',
  Status: 'Active',
}));

/** The row ingest appends for a new ticket, then that row read back and computed as the sweep does. */
function openThenSweep(clientId: string, priority: string, receivedAt: number, now: number) {
  const f = fixture([], { clients: CLIENTS });
  const ctx = loadSlaContext(f.wb);
  const cells = ticket('T-000001', {
    'Client ID': clientId,
    Priority: priority,
    Status: 'New',
    Assignee: '',
    'Received at': new Date(receivedAt),
  });
  const opened = new Deadlines(ctx, ZONE).forNewTicket(ctx.clients.get(clientId)!, cells, now);
  f.wb.put(TicketsTab, [{ ...cells, ...opened.values }]);
  const read = readTable(f.wb.tab(TicketsTab.name)!, TicketsTab).rows[0]!;
  const swept = computeRow('T-000001', read.rowNumber, read.data, ctx, loadMatrices(f.wb).matrices, now, ZONE);
  return { opened, swept };
}

describe('a new ticket row', () => {
  it('equals the row the sweep computes for the same ticket at the same now (any plan, priority, times)', () => {
    const from = mt('2026-01-05T00:00');
    const to = mt('2026-12-20T00:00');
    fc.assert(
      fc.property(
        fc.constantFrom(...CLIENTS.map((c) => c['Client ID'])),
        fc.constantFrom(...PRIORITIES),
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 0, max: 10 * 24 * 3600_000 }),
        (clientId, priority, receivedAt, after) => {
          const now = receivedAt + after;
          const { opened, swept } = openThenSweep(clientId, priority, receivedAt, now);
          expect(opened.problem).toBeUndefined();
          expect(swept.problem).toBe('');
          expect(swept.prepared.ok && swept.prepared.policyChange).toBe(null);
          expect(swept.prepared.ok && swept.prepared.stampChanges).toEqual([]);
          expect(swept.values).toEqual(opened.values);
          // The first-response deadline is a real date on every seeded policy.
          expect(opened.values['First response due']).toBeInstanceOf(Date);
          expect(opened.firstResponseDue).toBe((opened.values['First response due'] as Date).getTime());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says why there are no deadlines, in the sweep’s words, and writes no computed cells', () => {
    const f = fixture([], { clients: [{ ...CLIENTS[0]!, Calendar: 'NOPE' }] });
    const ctx = loadSlaContext(f.wb);
    const cells = ticket('T-000002', { 'Client ID': 'STANDARD', Status: 'New', 'Received at': new Date(mt('2026-11-02T09:00')) });
    const opened = new Deadlines(ctx, ZONE).forNewTicket(ctx.clients.get('STANDARD')!, cells, mt('2026-11-02T09:00'));
    expect(opened.problem).toBe('Calendar NOPE is not on the Calendars tab (or has a problem)');
    expect(opened.values).toEqual({});
  });
});
