import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import path from 'node:path';
import { ROOT } from '../../src/local/bundle';
import type { Emulator } from '../../src/local/emulator';
import { emulator, inSandbox } from '../support/emulator';
import { AFTER_FIXTURES, rows, seedRegister, withFixtures } from './ingest-support';

const ADDON = JSON.parse(readFileSync(path.join(ROOT, 'addon/appsscript.json'), 'utf8')) as { oauthScopes: string[] };

function hourly(em: Emulator) {
  inSandbox(
    em,
    `var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings');
     var keys = s.getRange(1, 1, s.getLastRow(), 1).getValues().map(function (r) { return r[0]; });
     s.getRange(keys.indexOf('Trigger interval (min)') + 1, 2).setValue(60);`,
  );
}

async function installedAddOn(): Promise<Emulator> {
  const em = emulator({ now: AFTER_FIXTURES, installAs: 'addon', oauthScopes: ADDON.oauthScopes });
  seedRegister(em);
  await withFixtures(em);
  hourly(em);
  em.call('installTriggers');
  return em;
}

const clockTrigger = (em: Emulator) => em.triggers.triggers.find((t) => t.eventType === 'CLOCK')!;

describe('Editor add-on: the hourly trigger runs outside the document', () => {
  it('the emulated trigger context has no active spreadsheet, document lock, document properties or Ui', () => {
    const em = emulator({ installAs: 'addon', oauthScopes: ADDON.oauthScopes });
    vm.runInContext(
      `function probe_() {
        var ui = true; try { SpreadsheetApp.getUi(); } catch (e) { ui = false; }
        return [SpreadsheetApp.getActiveSpreadsheet() === null, LockService.getDocumentLock() === null,
          PropertiesService.getDocumentProperties() === null, ui, LockService.getUserLock() !== null].join(',');
      }`,
      em.realm.context,
    );
    const t = em.triggers.add(em.ctx, { handler: 'probe_', source: 'CLOCK', eventType: 'CLOCK', everyMinutes: 60 });
    expect(em.fire<string>(t.id).value).toBe('true,true,true,false,true');
    // In the document (a menu run), all of them are there.
    expect(em.call<string>('probe_')).toBe('false,false,false,true,true');
  });

  it('runAutomation opens its spreadsheet by the id recorded for its trigger, and keeps its state per user and sheet', async () => {
    const em = await installedAddOn();
    const t = clockTrigger(em);
    expect(t.handler).toBe('runAutomation');
    expect(t.everyMinutes).toBe(60);
    const r = em.fire<string>(t.id);
    expect(r.error).toBeUndefined();
    expect(r.value).toMatch(/tickets opened/);
    expect(rows(em, 'Tickets').length).toBeGreaterThan(0);
    expect(r.calls.counts['SpreadsheetApp.openById']).toBe(1);
    // The spreadsheet id is the installer's user property for this trigger; checkpoints sit beside it, namespaced by sheet.
    expect(em.properties.user.data.get(`automation.spreadsheetFor.${t.id}`)).toBe(em.workbook.id);
    expect([...em.properties.user.data.keys()].some((k) => k.startsWith(`${em.workbook.id}:`))).toBe(true);
    // A second hourly run continues from that state: nothing new, nothing twice.
    em.clock.advance(60 * 60_000);
    const again = em.fire<string>(t.id);
    expect(again.error).toBeUndefined();
    expect(again.value).toMatch(/^No new mail\./);
    // The menu, in the document, sees the same state (About lists the trigger's runs).
    expect(em.call<string>('showAbout')).toMatch(/• Check inbox: Mon 2 Nov 2026 \d\d:\d\d MST — No new mail\./);
  });

  it('a trigger whose spreadsheet is not recorded fails saying what to do', async () => {
    const em = await installedAddOn();
    const t = clockTrigger(em);
    em.properties.user.data.delete(`automation.spreadsheetFor.${t.id}`);
    expect(em.fire(t.id).error?.message).toMatch(/this trigger does not know its spreadsheet.*Install automation again/);
  });

  it('Remove automation forgets the trigger’s spreadsheet with the trigger', async () => {
    const em = await installedAddOn();
    const t = clockTrigger(em);
    em.call('removeTriggers');
    expect(em.triggers.triggers).toEqual([]);
    expect(em.properties.user.data.has(`automation.spreadsheetFor.${t.id}`)).toBe(false);
  });

  it('bound to the sheet, the same trigger kinds run in the container', async () => {
    const em = emulator({ now: AFTER_FIXTURES });
    seedRegister(em);
    await withFixtures(em);
    em.call('installTriggers');
    const ingest = em.triggers.triggers.find((t) => t.handler === 'ingestInbox')!;
    const r = em.fire<string>(ingest.id);
    expect(r.error).toBeUndefined();
    expect(r.calls.counts['SpreadsheetApp.openById']).toBeUndefined();
  });
});
