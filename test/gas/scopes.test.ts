import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Emulator, EmulatorOptions } from '../../src/local/emulator';
import { ROOT } from '../../src/local/bundle';
import { requiredScopes, SCOPE } from '../../src/local/emulator';
import { emulator, inSandbox, MANIFEST } from '../support/emulator';
import { AFTER_FIXTURES, seedRegister, withFixtures } from './ingest-support';

/**
 * Every entry point and sidebar handler of the bundle, run under the deployed manifest's
 * grant: the menu, setup, automation, each job, each sidebar and its google.script.run
 * handlers, the edit trigger. Returns each run's error, by entry point, and every logged
 * permission error.
 */
async function driveEverything(em: Emulator, driven = new Set<string>(), addOn = false): Promise<Map<string, string>> {
  const errors = new Map<string, string>();
  const run = (name: string, ...args: unknown[]) => {
    driven.add(name);
    const r = em.run(name, ...args);
    if (r.error) errors.set(name, r.error.message);
    return r.value;
  };
  run('onOpen');
  run('onInstall', { authMode: 'FULL' });
  run('setup');
  // The test's own setting-up goes through the same services; when a scope it needs is
  // withheld the entry points below fail on it anyway.
  const harness = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      errors.set('(test harness)', (e as Error).message);
    }
  };
  harness(() => seedRegister(em));
  await withFixtures(em);
  if (addOn) harness(() => setHourly(em));
  run('installTriggers');
  // Each installed clock trigger fires as Apps Script fires it (an add-on's outside the document).
  for (const t of em.triggers.triggers.filter((x) => x.eventType === 'CLOCK')) {
    driven.add(t.handler);
    const r = em.fire(t.id);
    if (r.error) errors.set(`trigger ${t.handler}`, r.error.message);
  }
  run('ingestInbox');
  run('sweepSla');
  run('runAutomation');
  run('checkHours');
  run('runMonthlyBilling');
  run('sortQueue');
  run('reapplyPolicies');
  run('refreshDashboard');
  run('refreshSuccess');
  run('showAbout');
  run('showLogTimeSidebar');
  run('logTimeForm');
  run('submitTimeEntry', {
    client: 'ACME',
    ticket: 'T-000001',
    activity: 'Troubleshooting',
    hours: '1:00',
    date: '2026-11-02',
    required: 'Yes',
    notes: 'x',
  });
  harness(() => inSandbox(em, `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets').getRange('A2').activate(); return true;`));
  run('showTicketDetails');
  run('ticketDetails');
  run('ticketDetails', 'T-000001');
  em.workbook.ui.promptResponses.push({ button: 'OK', text: '2026-10' }, { button: 'OK', text: 'Draft' });
  run('closeMonth');
  run('billMonth', '2026-10', false);
  run('billMonthOutcome', '2026-10', false);
  em.workbook.ui.promptResponses.push({ button: 'OK', text: '2026-10' }, { button: 'OK', text: 'checking scopes' });
  run('reopenMonth');
  harness(() => {
    const header = em.workbook.sheetValues('Tickets')[0] as string[];
    const edit = em.edit('Tickets', `${String.fromCharCode(65 + header.indexOf('Status'))}2`, 'Waiting on customer');
    for (const t of edit.installed) {
      driven.add(t.handler);
      if (t.result.error) errors.set(t.handler, t.result.error.message);
    }
    if (edit.simple) driven.add('onEdit');
    if (edit.simple?.error) errors.set('onEdit', edit.simple.error.message);
  });
  run('checkInstallation');
  run('removeTriggers');
  // A job that catches a failed call says so in its Log (and so in the execution log).
  em.logs.forEach((line, i) => {
    if (line.includes('Specified permissions')) errors.set(`(log line ${i})`, line);
  });
  return errors;
}

const bound = (opts: EmulatorOptions = {}) => emulator({ now: AFTER_FIXTURES, ...opts });

/** The add-on's manifest: the standalone project's (addon/appsscript.json). */
const ADDON_MANIFEST = JSON.parse(readFileSync(path.join(ROOT, 'addon/appsscript.json'), 'utf8')) as { oauthScopes: string[] };
const addOn = (opts: EmulatorOptions = {}) =>
  emulator({ now: AFTER_FIXTURES, installAs: 'addon', oauthScopes: ADDON_MANIFEST.oauthScopes, ...opts });

function setHourly(em: Emulator) {
  inSandbox(
    em,
    `var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings');
     var keys = s.getRange(1, 1, s.getLastRow(), 1).getValues().map(function (r) { return r[0]; });
     s.getRange(keys.indexOf('Trigger interval (min)') + 1, 2).setValue(60);`,
  );
}

describe('OAuth scopes: the bundle under the real appsscript.json', () => {
  it('every entry point and sidebar handler runs without a permission error', async () => {
    const em = bound();
    const driven = new Set<string>();
    const errors = await driveEverything(em, driven);
    expect([...driven].sort()).toEqual(em.entryPoints());
    const refused = [...errors].filter(([, m]) => /permission/i.test(m));
    expect(refused).toEqual([]);
  });

  it('every scope the manifest asks for is needed by some call (none is asked for in vain)', async () => {
    const em = bound();
    await driveEverything(em);
    expect(em.scopes!.unused()).toEqual([]);
  });

  it('the manifest asks for userinfo.email (setup reads the account) and no longer for script.locale', () => {
    expect(MANIFEST.oauthScopes).toContain(SCOPE.email);
    expect(MANIFEST.oauthScopes).not.toContain('https://www.googleapis.com/auth/script.locale');
  });

  it('without userinfo.email, setup fails with Apps Script’s permission error', () => {
    const em = bound({ oauthScopes: MANIFEST.oauthScopes.filter((s) => s !== SCOPE.email) });
    const r = em.run('setup');
    expect(r.error?.message).toBe(
      'Specified permissions are not sufficient to call Session.getEffectiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
  });

  it('a call whose scope the manifest lacks is refused (openById needs spreadsheets, not currentonly)', () => {
    const em = bound();
    expect(() => inSandbox(em, `return SpreadsheetApp.openById('x').getName();`)).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('dropping any one scope breaks some entry point', async () => {
    for (const scope of MANIFEST.oauthScopes) {
      const em = bound({ oauthScopes: MANIFEST.oauthScopes.filter((s) => s !== scope) });
      const errors = await driveEverything(em);
      const refused = [...errors.values()].filter((m) => m.includes(scope));
      expect(refused.length, scope).toBeGreaterThan(0);
    }
  });

  it('the scope table refuses to guess: an emulated method without a declared scope is an emulator error', () => {
    expect(() => requiredScopes('DriveApp.getFileById')).toThrow(/no OAuth scope is declared/);
    expect(requiredScopes('SpreadsheetApp.Range.getValues')).toEqual([SCOPE.spreadsheetsCurrent, SCOPE.spreadsheets]);
    expect(requiredScopes('SpreadsheetApp.Ui.showSidebar')).toEqual([SCOPE.containerUi]);
  });
});

describe('OAuth scopes: the add-on under addon/appsscript.json', () => {
  it('every entry point, and the hourly trigger outside the document, runs without a permission error; no scope is unused', async () => {
    const em = addOn();
    const driven = new Set<string>();
    const errors = await driveEverything(em, driven, true);
    expect(driven).toContain('runAutomation');
    expect([...errors].filter(([, m]) => /permission/i.test(m))).toEqual([]);
    expect(em.scopes!.unused()).toEqual([]);
  });

  it('the add-on needs spreadsheets, not currentonly: its trigger opens the sheet by id', async () => {
    const em = addOn({ oauthScopes: MANIFEST.oauthScopes });
    const errors = await driveEverything(em, new Set(), true);
    expect(errors.get('trigger runAutomation')).toBe(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });
});
