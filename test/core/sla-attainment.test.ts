import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attainmentOf, describeAttainment } from '../../src/core/sla';
import { SLA_STATES } from '../../src/core/types/vocab';

describe('SLA attainment, per ticket', () => {
  it('counts Met and Breached tickets, keeps running ones pending and ignores tickets without a state', () => {
    const a = attainmentOf(['Met', 'Met', 'Breached', 'On track', 'At risk', 'Paused', null, 'Met', 'Met', 'Met', 'Met', 'Met']);
    expect(a).toEqual({ met: 7, breached: 1, pending: 3, percent: 88 });
    expect(describeAttainment(a)).toBe('7 of 8 tickets met their targets (88%); 3 still open');
  });

  it('says plainly when nothing is settled', () => {
    expect(describeAttainment(attainmentOf([]))).toBe('no tickets with a service-level target');
    expect(describeAttainment(attainmentOf(['On track']))).toBe('no ticket settled yet; 1 still open');
    expect(describeAttainment(attainmentOf(['Breached']))).toBe('0 of 1 ticket met its targets (0%)');
  });

  it('rounds half up, and the parts always add up to the tickets with a state', () => {
    expect(attainmentOf(['Met', 'Breached']).percent).toBe(50);
    expect(attainmentOf(['Met', 'Met', 'Met', 'Met', 'Met', 'Met', 'Met', 'Breached']).percent).toBe(88); // 87.5
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...SLA_STATES))), (states) => {
        const a = attainmentOf(states);
        expect(a.met + a.breached + a.pending).toBe(states.filter((s) => s !== null).length);
        if (a.percent !== null) {
          expect(a.percent).toBeGreaterThanOrEqual(0);
          expect(a.percent).toBeLessThanOrEqual(100);
          expect(Math.abs(a.percent - (a.met * 100) / (a.met + a.breached))).toBeLessThanOrEqual(0.5);
        }
      }),
    );
  });
});
