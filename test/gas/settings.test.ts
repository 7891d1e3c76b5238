import type { Emulator } from '../../src/local/emulator';
import { SETTINGS } from '../../src/register/settings/spec';
import { emulator } from '../support/emulator';

const values = (em: Emulator, tab: string) => em.workbook.sheetValues(tab) as unknown[][];

function setValue(em: Emulator, key: string, value: string): number {
  const rows = values(em, 'Settings');
  const h = rows[0] as string[];
  const r = rows.findIndex((row) => row[h.indexOf('Key')] === key);
  em.workbook.writeRaw('Settings', [[value]], r + 1, h.indexOf('Value') + 1);
  return r + 1;
}

const problemOf = (em: Emulator, row: number) => {
  const rows = values(em, 'Settings');
  return rows[row - 1]![(rows[0] as string[]).indexOf('Problems')];
};

const settingLog = (em: Emulator) => {
  const rows = values(em, 'Log');
  const h = rows[0] as string[];
  return rows
    .slice(1)
    .filter((r) => r[h.indexOf('Action')] === 'Setting problem')
    .map((r) => String(r[h.indexOf('Detail')]));
};

describe('Settings problems in the sheet', () => {
  it('setup writes every setting of the spec, once, with a Problems column', () => {
    const em = emulator();
    em.call('setup');
    const rows = values(em, 'Settings');
    expect(rows[0]).toEqual(['Key', 'Value', 'Explanation', 'Problems']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Object.values(SETTINGS).map((s) => s.key));
    // A key retyped in lower case is the same setting: setup does not add a twin.
    em.workbook.writeRaw('Settings', [['mail quota reserve']], rows.findIndex((r) => r[0] === 'Mail quota reserve') + 1, 1);
    expect(em.call<string>('setup')).not.toMatch(/seeded/);
  });

  it('shows a bad value on its row and logs it once, however many jobs read it; fixing it clears the cell', () => {
    const em = emulator();
    em.call('setup');
    const reserve = setValue(em, 'Mail quota reserve', 'ten');
    const rate = setValue(em, 'Default hourly rate', '12O');
    for (const job of ['sweepSla', 'checkHours', 'sweepSla', 'checkHours']) expect(em.run(job).error).toBeUndefined();
    expect(problemOf(em, reserve)).toBe('"ten" is not a whole number; using the default (10)');
    expect(problemOf(em, rate)).toBe('"12O" is not an amount in dollars (e.g. 125 or 125.50); using the default (125)');
    expect(settingLog(em)).toEqual([
      `Settings row ${rate} (Default hourly rate): "12O" is not an amount in dollars (e.g. 125 or 125.50); using the default (125)`,
      `Settings row ${reserve} (Mail quota reserve): "ten" is not a whole number; using the default (10)`,
    ]);
    setValue(em, 'Mail quota reserve', '5');
    em.run('checkHours');
    expect(problemOf(em, reserve)).toBe('');
    expect(problemOf(em, rate)).not.toBe('');
  });

  it('refuses to install triggers on an interval that is not a number, naming what was typed', () => {
    const em = emulator();
    em.call('setup');
    setValue(em, 'Sweep interval (min)', 'ten');
    expect(em.run('installTriggers').error?.message).toBe('Settings → Sweep interval (min) must be a whole number of minutes, not "ten".');
  });
});
