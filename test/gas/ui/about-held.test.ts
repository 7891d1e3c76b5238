import { emulator, inSandbox } from '../../support/emulator';
import { AFTER_FIXTURES, rows, seedRegister, withFixtures } from '../ingest-support';

describe('About shows held mail', () => {
  it('counts the held messages and names each reason; none once the register is fixed', async () => {
    const em = emulator({ now: AFTER_FIXTURES });
    seedRegister(em);
    await withFixtures(em);
    const setGlobexHours = (v: string | number) =>
      inSandbox(
        em,
        `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients');
         var values = sh.getDataRange().getValues();
         var col = values[0].indexOf('Monthly hours');
         for (var r = 1; r < values.length; r++) if (values[r][0] === 'GLOBEX') sh.getRange(r + 1, col + 1).setValue(${JSON.stringify(v)});
         return true;`,
      );
    setGlobexHours('four');
    expect(em.run<string>('ingestInbox').error).toBeUndefined();
    const held = rows(em, 'Messages').filter((m) => String(m.Action).startsWith('held: '));
    expect(held.length).toBeGreaterThan(1);

    const text = em.call<string>('showAbout');
    const n = held.length;
    expect(text).toContain(`Held mail: ${n} messages waiting for a fix in the register (every inbox check retries them):`);
    expect(text).toMatch(new RegExp(`• ${n} × the Clients row of GLOBEX has a problem \\(Monthly hours`));

    setGlobexHours(20);
    em.clock.advance(10 * 60_000);
    expect(em.run<string>('ingestInbox').error).toBeUndefined();
    expect(em.call<string>('showAbout')).toContain('Held mail: none.');
  });
});
