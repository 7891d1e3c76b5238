import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/local/bundle';
import { ADDON_SCOPES, BOUND_SCOPES } from '../../src/gas/required-scopes';
import { WorkbookModel, type Emulator } from '../../src/local/emulator';
import { emulator, inSandbox, MANIFEST } from '../support/emulator';
import { rows, seedRegister } from './ingest-support';

const ADDON = JSON.parse(readFileSync(path.join(ROOT, 'addon/appsscript.json'), 'utf8')) as { oauthScopes: string[] };

function setSetting(em: Emulator, key: string, value: unknown) {
  inSandbox(
    em,
    `var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings');
     var keys = s.getRange(1, 1, s.getLastRow(), 1).getValues().map(function (r) { return r[0]; });
     s.getRange(keys.indexOf(${JSON.stringify(key)}) + 1, 2).setValue(${JSON.stringify(value)});`,
  );
}

const lines = (text: string) => text.split('\n').filter((l) => /^(PASS|FAIL) /.test(l));

describe('Support Desk → Check installation', () => {
  it('the scopes it checks are the manifests’ own', () => {
    expect([...BOUND_SCOPES].sort()).toEqual([...MANIFEST.oauthScopes].sort());
    expect([...ADDON_SCOPES].sort()).toEqual([...ADDON.oauthScopes].sort());
  });

  it('bound to the sheet: every check passes on a set-up register with automation, shown in a dialog and the Log', () => {
    const em = emulator();
    seedRegister(em);
    em.call('installTriggers');
    const text = em.call<string>('checkInstallation');
    expect(text.split('\n')[0]).toBe('All 10 checks passed.');
    expect(lines(text).map((l) => l.split(':')[0])).toEqual([
      'PASS  Permissions granted',
      'PASS  Time zones (Intl) and luxon',
      'PASS  JavaScript runtime',
      'PASS  Document lock',
      'PASS  Document properties',
      'PASS  Triggers',
      'PASS  Gmail search (Ingest query)',
      'PASS  Mail quota',
      'PASS  Register tabs and headers',
      'PASS  Time zones of sheet, script and provider',
    ]);
    expect(text).toContain('PASS  Triggers: yours (support@helpdesk.test): ingestInbox, sweepSla');
    // The emulator leaves out what Apps Script is not confirmed to have; WebAssembly is documented.
    expect(text).toContain('PASS  JavaScript runtime: the builtins the bundle uses are there; also present, unused: WebAssembly');
    expect(em.workbook.ui.alerts.at(-1)).toMatchObject({ title: 'Check installation', prompt: text });
    expect(rows(em, 'Log').at(-1)).toMatchObject({ Action: 'Check installation', Detail: 'All 10 checks passed.' });
    // Read-only: nothing but the Log line changed.
    expect(em.triggers.triggers).toHaveLength(5);
  });

  it('as an Editor add-on: every check passes too', () => {
    const em = emulator({ installAs: 'addon', oauthScopes: ADDON.oauthScopes });
    seedRegister(em);
    setSetting(em, 'Trigger interval (min)', 60);
    em.call('installTriggers');
    const text = em.call<string>('checkInstallation');
    expect(text.split('\n')[0]).toBe('All 10 checks passed.');
    expect(text).toContain('the hourly trigger, outside the document, uses the user lock');
    expect(text).toContain('PASS  Triggers: yours (support@helpdesk.test): runAutomation, handleEdit');
  });

  it('says what is wrong: missing setup, no automation, a withheld scope, zones that differ', () => {
    const fresh = emulator();
    const before = fresh.call<string>('checkInstallation');
    expect(before).toMatch(/^5 of 10 checks failed\./);
    expect(before).toContain('FAIL  Triggers: none installed: use Support Desk → Install automation');
    expect(before).toMatch(/FAIL {2}Register tabs and headers: Tickets missing; .*Run Support Desk → Set up register\./);
    expect(before).toMatch(/FAIL {2}Gmail search \(Ingest query\): The register is not set up yet/);

    const noMail = emulator({ oauthScopes: MANIFEST.oauthScopes.filter((s) => !s.endsWith('script.send_mail')) });
    seedRegister(noMail);
    noMail.call('installTriggers');
    const text = noMail.call<string>('checkInstallation');
    expect(text).toContain('FAIL  Permissions granted: not granted: https://www.googleapis.com/auth/script.send_mail.');
    expect(text).toContain(
      'FAIL  Mail quota: Specified permissions are not sufficient to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );

    const paris = emulator({ workbook: new WorkbookModel({ name: 'Support Desk', timeZone: 'Europe/Paris' }) });
    seedRegister(paris);
    setSetting(paris, 'Provider time zone', 'America/Denver');
    paris.call('installTriggers');
    expect(paris.call<string>('checkInstallation')).toContain(
      'FAIL  Time zones of sheet, script and provider: sheet Europe/Paris, script America/Denver, Settings → Provider time zone America/Denver',
    );
  });
});
