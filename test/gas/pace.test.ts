import { DateTime } from 'luxon';
import type { Emulator } from '../../src/local/emulator';
import { emulator } from '../support/emulator';
import { rows, seedRegister } from './ingest-support';

/**
 * Issue 15: the scheduled jobs stay within the account's daily trigger run time (Apps Script
 * Quotas: 90 min/day consumer, 6 h Workspace). Each trigger run adds its run time to a
 * rolling 24-hour ledger; past 75 % the inbox check and the sweep run every 2nd time, past
 * 90 % every 4th, said once in the Log; menu runs are never held back.
 */
const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();
const HOUR = 3_600_000;

function desk(user: string): Emulator {
  const em = emulator({ now: mt('2026-11-02T09:00'), user });
  seedRegister(em);
  em.call('installTriggers');
  return em;
}

const trigger = (em: Emulator, handler: string) => em.triggers.triggers.find((t) => t.handler === handler)!;
/** A day's use so far: `minutes` of run time spread over the last hours. */
function used(em: Emulator, minutes: number): void {
  const hour = Math.floor(em.clock.now() / HOUR);
  const hours = { [String(hour - 3)]: (minutes * 60_000) / 2, [String(hour - 1)]: (minutes * 60_000) / 2 };
  em.properties.document.data.set('runtime.ledger', JSON.stringify({ hours }));
}
const ledgerMs = (em: Emulator) =>
  Object.values(
    (JSON.parse(em.properties.document.data.get('runtime.ledger') ?? '{"hours":{}}') as { hours: Record<string, number> }).hours,
  ).reduce((a, b) => a + b, 0);
const logged = (em: Emulator, action: string) => rows(em, 'Log').filter((l) => l.Action === action);

describe('pace of the scheduled jobs against the daily trigger run time', () => {
  it('records the account’s quota at install: 90 min for @gmail.com, 6 h for a Workspace domain', () => {
    const consumer = desk('support.desk@gmail.com');
    expect(JSON.parse(consumer.properties.document.data.get('runtime.schedule')!)).toMatchObject({
      quotaMin: 90,
      every: { ingest: 300_000 },
    });
    const workspace = desk('support@helpdesk.test');
    expect(JSON.parse(workspace.properties.document.data.get('runtime.schedule')!)).toMatchObject({ quotaMin: 360 });
  });

  it('each trigger run adds its run time to the ledger; a menu run does not count', () => {
    const em = desk('support@helpdesk.test');
    em.run('ingestInbox');
    expect(ledgerMs(em)).toBe(0);
    const r = em.fire(trigger(em, 'ingestInbox').id);
    expect(r.error).toBeUndefined();
    expect(ledgerMs(em)).toBeGreaterThan(0);
    expect(ledgerMs(em)).toBeLessThanOrEqual(r.calls.modeledMs + 1);
  });

  it('past 90 % the inbox check runs every 4th time, says so once, and returns to every run below 75 %', () => {
    const em = desk('support.desk@gmail.com');
    used(em, 85); // of 90 min: 94 %
    const ingest = trigger(em, 'ingestInbox').id;
    const ran = () => !/^Not run this time: backing off/.test(String(em.fire(ingest).value));
    const pattern: boolean[] = [];
    for (let i = 0; i < 8; i++) {
      em.clock.set(mt('2026-11-02T09:00') + i * 5 * 60_000);
      pattern.push(ran());
    }
    expect(pattern).toEqual([true, false, false, false, true, false, false, false]);
    expect(logged(em, 'Backing off')).toHaveLength(1);
    expect(String(logged(em, 'Backing off')[0]!.Detail)).toMatch(/85 of the account's 90 min.*every 4th time/);
    // A person's "Check inbox now" is never held back.
    expect(String(em.run('ingestInbox').value)).not.toMatch(/backing off/);

    // A day later the old hours have left the rolling window: every run again, said once.
    em.clock.set(mt('2026-11-03T10:00'));
    expect(ran()).toBe(true);
    em.clock.set(mt('2026-11-03T10:05'));
    expect(ran()).toBe(true);
    expect(logged(em, 'Back to schedule')).toHaveLength(1);
  });

  it('between 75 % and 90 % the sweep runs every 2nd time', () => {
    const em = desk('support.desk@gmail.com');
    used(em, 72); // 80 %
    const sweep = trigger(em, 'sweepSla').id;
    const pattern: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      em.clock.set(mt('2026-11-02T09:00') + i * 10 * 60_000);
      pattern.push(!/^Not run this time/.test(String(em.fire(sweep).value)));
    }
    expect(pattern).toEqual([true, false, true, false]);
  });
});
