import { createRealm } from '../../../src/local/emulator/realm';
import vm from 'node:vm';

describe('the sandbox Date follows the emulated clock and behaves as Date', () => {
  it('new Date(), Date(), Date.now(), instanceof, arities and subclasses', () => {
    const now = Date.UTC(2026, 10, 2, 17, 0);
    const realm = createRealm(() => now);
    const run = (code: string) => vm.runInContext(code, realm.context);
    expect(run('new Date().getTime()')).toBe(now);
    expect(run('Date.now()')).toBe(now);
    expect(run('typeof Date()')).toBe('string');
    expect(run('new Date(0) instanceof Date')).toBe(true);
    expect(run('new Date(2026, 0).getMonth()')).toBe(0);
    expect(run('new Date(2026, 0, 31, 23, 59, 58, 7).getMilliseconds()')).toBe(7);
    expect(run("new Date('2026-11-02T17:00:00Z').getTime()")).toBe(now);
    expect(run('Date.UTC(2026, 10, 2, 17)')).toBe(now);
    expect(run("Date.parse('2026-11-02T17:00:00Z')")).toBe(now);
    expect(run('new Date(5).constructor === Date')).toBe(true);
    expect(run('Object.prototype.toString.call(new Date())')).toBe('[object Date]');
    expect(run('class D extends Date { twice() { return this.getTime() * 2; } } new D(21).twice()')).toBe(42);
    expect(run('class E extends Date {} (new E()).getTime()')).toBe(now);
  });
});
