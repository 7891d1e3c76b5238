import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showDayTime, showTime, zoneAbbreviation } from '../../src/core/time/show';

const at = (iso: string) => Date.parse(iso);

describe('one time style', () => {
  it('local time to the minute with the zone name its people use', () => {
    expect(showTime(at('2026-09-08T16:00:00Z'), 'America/Denver')).toBe('Tue 8 Sep 2026 10:00 MDT');
    expect(showTime(at('2026-12-08T17:00:00Z'), 'America/Denver')).toBe('Tue 8 Dec 2026 10:00 MST');
    expect(showTime(at('2026-09-08T16:00:00Z'), 'Europe/London')).toBe('Tue 8 Sep 2026 17:00 BST');
    expect(showTime(at('2026-12-08T16:00:00Z'), 'Europe/London')).toBe('Tue 8 Dec 2026 16:00 GMT');
    expect(showTime(at('2026-09-08T16:00:00Z'), 'Europe/Berlin')).toBe('Tue 8 Sep 2026 18:00 CEST');
    expect(showTime(at('2026-09-08T16:00:00Z'), 'Asia/Kolkata')).toBe('Tue 8 Sep 2026 21:30 IST');
    expect(showTime(at('2026-09-08T16:00:00Z'), 'Asia/Tokyo')).toBe('Wed 9 Sep 2026 01:00 GMT+9');
    expect(showTime(at('2026-09-08T16:00:59.999Z'), 'UTC')).toBe('Tue 8 Sep 2026 16:00 UTC');
    expect(showDayTime(at('2026-09-08T16:00:00Z'), 'America/Denver')).toBe('Tue 10:00 MDT');
  });

  it('never milliseconds, never a bare offset where the zone has a name, any instant (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom('America/Denver', 'Europe/London', 'America/New_York'),
        (ms, zone) => {
          const s = showTime(ms, zone);
          expect(s).toMatch(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} [A-Z]{3,4}$/);
          expect(zoneAbbreviation(ms, zone)).not.toMatch(/^GMT[+-]/);
        },
      ),
    );
  });
});
