import vm from 'node:vm';
import { makeContext } from '../../../src/local/emulator/gmail/testing';
import { createPropertiesService, PropertyStore, PROPERTY_VALUE_LIMIT } from '../../../src/local/emulator/services/properties';
import { createLockService, LockState } from '../../../src/local/emulator/services/lock';
import { createScriptApp, TriggerRegistry } from '../../../src/local/emulator/services/script-app';
import { createUtilities } from '../../../src/local/emulator/services/utilities';
import { Meter, MAX_RUN_MS, ExecutionTimeExceeded } from '../../../src/local/emulator/meter';
import { Clock } from '../../../src/local/emulator/clock';
import { createRealm } from '../../../src/local/emulator/realm';

const stores = () => ({ document: new PropertyStore('Document'), script: new PropertyStore('Script'), user: new PropertyStore('User') });

describe('sandbox realm', () => {
  it('has no require, process, Buffer, timers, URL, TextEncoder, atob or fetch', () => {
    const realm = createRealm(() => 0);
    for (const g of [
      'require',
      'process',
      'module',
      'Buffer',
      'setTimeout',
      'setInterval',
      'URL',
      'URLSearchParams',
      'TextEncoder',
      'atob',
      'fetch',
      'crypto',
    ]) {
      expect(vm.runInContext(`typeof ${g}`, realm.context), g).toBe('undefined');
    }
  });

  it('leaves out what Apps Script is not confirmed to have (SharedArrayBuffer, Atomics, WeakRef, FinalizationRegistry, Intl.Segmenter), keeps WebAssembly', () => {
    const realm = createRealm(() => 0);
    for (const g of ['SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry', 'Intl.Segmenter'])
      expect(vm.runInContext(`typeof ${g}`, realm.context), g).toBe('undefined');
    for (const g of ['WebAssembly', 'Intl.DateTimeFormat', 'Intl.NumberFormat', 'Intl.ListFormat', 'Intl.RelativeTimeFormat'])
      expect(vm.runInContext(`typeof ${g}`, realm.context), g).not.toBe('undefined');
  });

  it('Date follows the emulated clock, and values handed in are the sandbox’s own', () => {
    const clock = new Clock(Date.UTC(2026, 0, 5, 12));
    const realm = createRealm(() => clock.now());
    expect(vm.runInContext('Date.now()', realm.context)).toBe(Date.UTC(2026, 0, 5, 12));
    clock.advance(60_000);
    expect(vm.runInContext('new Date().toISOString()', realm.context)).toBe('2026-01-05T12:01:00.000Z');
    expect(vm.runInContext('new Date(0).getTime()', realm.context)).toBe(0);
    expect(typeof vm.runInContext('Date()', realm.context)).toBe('string');
    realm.context.handed = realm.toRealm({ when: new Date(5), list: [new Date(6)] });
    expect(
      vm.runInContext('handed.when instanceof Date && handed.list instanceof Array && handed.list[0] instanceof Date', realm.context),
    ).toBe(true);
    // A host Date is *not* an instance of the sandbox's Date: the reason toRealm exists.
    realm.context.hostDate = new Date(5);
    expect(vm.runInContext('hostDate instanceof Date', realm.context)).toBe(false);
    expect(vm.runInContext('class D extends Date {}; new D(7).getTime()', realm.context)).toBe(7);
  });
});

describe('PropertiesService', () => {
  it('stores strings, returns null for missing keys and refuses values over 9 KB', () => {
    const ctx = makeContext();
    const s = stores();
    const props = createPropertiesService(ctx, s).getDocumentProperties()!;
    props.setProperty('n', 12 as unknown as string);
    expect(props.getProperty('n')).toBe('12');
    expect(props.getProperty('missing')).toBeNull();
    expect(() => props.setProperty('big', 'x'.repeat(PROPERTY_VALUE_LIMIT + 1))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
    props.setProperty('ok', 'x'.repeat(PROPERTY_VALUE_LIMIT));
    // Document and script stores are separate (an add-on must keep state per document).
    expect(createPropertiesService(ctx, s).getScriptProperties().getProperty('n')).toBeNull();
    expect(ctx.meter.count('PropertiesService.Properties.setProperty')).toBe(3);
  });
});

describe('LockService', () => {
  it('grants the lock to one execution; another waits out its timeout and is refused', () => {
    const ctx = makeContext();
    const state = new LockState();
    const service = createLockService(ctx, state, { containerBound: true });
    state.currentExecution = 'run-1';
    expect(service.getDocumentLock()!.tryLock(1000)).toBe(true);
    state.currentExecution = 'run-2';
    ctx.meter.startRun();
    const lock = service.getDocumentLock()!;
    expect(lock.tryLock(5000)).toBe(false);
    expect(ctx.meter.modeledMs).toBeGreaterThanOrEqual(5000);
    expect(() => lock.waitLock(10)).toThrow(/Lock timeout/);
    state.releaseAllOf('run-1');
    expect(lock.tryLock(0)).toBe(true);
    expect(createLockService(ctx, state, { containerBound: false }).getDocumentLock()).toBeNull();
  });
});

describe('ScriptApp triggers', () => {
  it('accepts only the everyMinutes values Apps Script accepts', () => {
    const ctx = makeContext();
    const app = createScriptApp(ctx, new TriggerRegistry('bound'), 'id');
    for (const n of [1, 5, 10, 15, 30]) app.newTrigger('f').timeBased().everyMinutes(n).create();
    for (const n of [2, 7, 20, 60])
      expect(() => app.newTrigger('f').timeBased().everyMinutes(n).create()).toThrow(/everyMinutes\(\) is invalid/);
    expect(() => app.newTrigger('f').timeBased().everyHours(3).create()).toThrow(/everyHours\(\) is invalid/);
    expect(app.getProjectTriggers()).toHaveLength(5);
    app.deleteTrigger(app.getProjectTriggers()[0]!);
    expect(app.getProjectTriggers()).toHaveLength(4);
  });

  it('holds an add-on to hourly clock triggers, one per event type', () => {
    const ctx = makeContext();
    const app = createScriptApp(ctx, new TriggerRegistry('addon'), 'id');
    expect(() => app.newTrigger('f').timeBased().everyMinutes(30).create()).toThrow(/at most once an hour/);
    app.newTrigger('f').timeBased().everyHours(1).create();
    expect(() => app.newTrigger('g').timeBased().everyHours(2).create()).toThrow(/already has a trigger of type CLOCK/);
    expect(app.getInstallationSource()).toBe('WEB_STORE_ADD_ON');
  });
});

describe('Meter', () => {
  it('counts each call and, past 6 modeled minutes, makes the next call throw', () => {
    const meter = new Meter({ default: 1000, cheap: 1 });
    meter.startRun();
    let calls = 0;
    expect(() => {
      for (;;) {
        meter.call('SpreadsheetApp.Range.getValues');
        calls++;
      }
    }).toThrow(ExecutionTimeExceeded);
    expect(calls).toBe(MAX_RUN_MS / 1000 + 1);
    expect(meter.count('SpreadsheetApp.Range.getValues')).toBe(calls);
    meter.startRun();
    expect(() => meter.call('x')).not.toThrow();
  });

  it('charges range I/O per cell on top of the call', () => {
    const meter = new Meter();
    meter.startRun();
    meter.call('SpreadsheetApp.Range.getValues', { cells: 200_000 });
    expect(meter.modeledMs).toBeCloseTo(50 + 200_000 * 0.002);
  });
});

describe('Utilities', () => {
  it('formats dates with Java-style patterns in a time zone', () => {
    const ctx = makeContext();
    const u = createUtilities(ctx);
    const d = ctx.realm.date(Date.UTC(2026, 10, 30, 18, 10));
    expect(u.formatDate(d, 'America/Denver', 'yyyy-MM-dd HH:mm z')).toBe('2026-11-30 11:10 MST');
    expect(u.formatDate(d, 'Europe/London', "EEE d MMM ''yy 'at' h:mm a")).toBe("Mon 30 Nov '26 at 6:10 PM");
    expect(() => u.formatDate(d, 'America/Denver', 'Q')).toThrow(/not supported/);
  });
});

describe('the sandbox clock', () => {
  it('a Date’s local time is in the script time zone during an execution, as in Apps Script', async () => {
    const { Emulator } = await import('../../../src/local/emulator');
    const host = process.env['TZ'];
    for (const zone of ['America/Denver', 'Asia/Kolkata']) {
      const em = new Emulator({ scriptTimeZone: zone, now: Date.UTC(2026, 6, 1, 12, 0) }).load(
        'function localHour_() { return [new Date().getHours(), new Date().getMinutes(), new Date(2026, 0, 1).getTime()].join(","); }',
      );
      const expected = zone === 'America/Denver' ? [6, 0, Date.UTC(2026, 0, 1, 7)] : [17, 30, Date.UTC(2025, 11, 31, 18, 30)];
      expect(em.call<string>('localHour_')).toBe(expected.join(','));
    }
    expect(process.env['TZ']).toBe(host);
  });
});

describe('Meter: a simulated day', () => {
  it('sums every execution’s modeled time and Gmail read/write calls (sends excluded) since startDay', async () => {
    const { Emulator, DAILY_QUOTAS } = await import('../../../src/local/emulator');
    const em = new Emulator({ now: Date.UTC(2026, 10, 2, 15) }).load(
      'function job_() { GmailApp.search("in:inbox"); GmailApp.search("in:sent"); GmailApp.sendEmail("a@b.test", "s", "b"); }',
    );
    em.meter.startDay();
    em.call('job_');
    em.call('job_');
    const d = em.meter.day();
    expect(d.executions).toBe(2);
    expect(d.gmailReadWrite).toBe(4);
    expect(d.byEntryPoint['job_']).toEqual({ runs: 2, ms: d.runMs });
    expect(d.runMs).toBeGreaterThan(0);
    em.meter.startDay();
    expect(em.meter.day().executions).toBe(0);
    expect(DAILY_QUOTAS.consumer).toEqual({ triggerRuntimeMs: 90 * 60_000, gmailReadWrite: 20_000 });
  });
});
