import { ALL_TABS } from '../../src/register/tabs';
import { headersOf } from '../../src/register/tab-spec';
import { emulator, inSandbox, snapshot } from '../support/emulator';

describe('setup', () => {
  it('creates every tab of the register with its headers, frozen header row and explanations', () => {
    const em = emulator();
    const message = em.call<string>('setup');
    expect(message).toMatch(new RegExp(`Register ready: created ${ALL_TABS.length} tabs; seeded \\d+ rows`));
    const sheets = inSandbox<{ name: string; header: string[]; frozen: number; note: string }[]>(
      em,
      `
      return SpreadsheetApp.getActiveSpreadsheet().getSheets().map(function (s) {
        return { name: s.getName(), header: s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0], frozen: s.getFrozenRows(), note: s.getRange(1, 1).getNote() };
      });`,
    );
    expect(sheets.map((s) => s.name).sort()).toEqual(ALL_TABS.map((t) => t.name).sort());
    for (const spec of ALL_TABS) {
      const sheet = sheets.find((s) => s.name === spec.name)!;
      expect(sheet.header, spec.name).toEqual(headersOf(spec));
      expect(sheet.frozen).toBe(1);
      expect(sheet.note).toContain(spec.purpose);
    }
  });

  it('puts dropdowns on vocabulary columns, warning-only protection on computed columns, and colours SLA states', () => {
    const em = emulator();
    em.call('setup');
    const t = inSandbox<{ priority: unknown[]; allowInvalid: boolean; protections: [string, boolean][]; rules: number }>(
      em,
      `
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets');
      var header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
      var v = sh.getRange(5, header.indexOf('Priority') + 1).getDataValidation();
      return {
        priority: v.getCriteriaValues()[0],
        allowInvalid: v.getAllowInvalid(),
        protections: sh.getProtections(SpreadsheetApp.ProtectionType.RANGE).map(function (p) { return [p.getDescription(), p.isWarningOnly()]; }),
        rules: sh.getConditionalFormatRules().length,
      };`,
    );
    expect(t.priority).toEqual(['Critical', 'High', 'Medium', 'Low']);
    expect(t.allowInvalid).toBe(false);
    expect(t.protections.map((p) => p[0])).toContain('Support Desk computes this column: Tickets → SLA state');
    expect(t.protections.map((p) => p[0])).not.toContain('Support Desk computes this column: Tickets → Status');
    expect(t.protections.every((p) => p[1] === true)).toBe(true);
    expect(t.rules).toBe(4);
  });

  it('offers the register’s own IDs as warning-only dropdowns: plans, calendars, matrices, clients, activities', () => {
    const em = emulator();
    em.call('setup');
    const picks = inSandbox<Record<string, [string, string, boolean] | null>>(
      em,
      `
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      function pick(tab, h) {
        var sh = ss.getSheetByName(tab);
        var header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
        var v = sh.getRange(3, header.indexOf(h) + 1).getDataValidation();
        if (!v) return null;
        var source = v.getCriteriaValues()[0];
        return [String(v.getCriteriaType()), source.getSheet().getName() + '!' + source.getA1Notation(), v.getAllowInvalid()];
      }
      return {
        plan: pick('Clients', 'Plan'), calendar: pick('Clients', 'Calendar'), matrix: pick('Clients', 'Escalation matrix'),
        hoursClient: pick('Hours', 'Client ID'), activity: pick('Hours', 'Activity'), contactClient: pick('Contacts', 'Client ID'),
      };`,
    );
    expect(picks).toEqual({
      plan: ['VALUE_IN_RANGE', 'SLA Policies!A2:A1000', true],
      calendar: ['VALUE_IN_RANGE', 'Calendars!A2:A1000', true],
      matrix: ['VALUE_IN_RANGE', 'Escalation!A2:A1000', true],
      hoursClient: ['VALUE_IN_RANGE', 'Clients!A2:A1000', true],
      activity: ['VALUE_IN_RANGE', 'Activities!A2:A1000', true],
      contactClient: ['VALUE_IN_RANGE', 'Clients!A2:A1000', true],
    });
  });

  it('seeds settings, the provider calendar and its holidays as date cells (local midnight, half day on Dec 31)', () => {
    const em = emulator();
    em.call('setup');
    const rows = em.workbook.sheetValues('Holidays');
    const header = rows[0] as string[];
    const byName = (n: string) =>
      rows.find((r) => r[header.indexOf('Name')] === n && String((r[header.indexOf('Date')] as Date).getFullYear?.() ?? '') !== '');
    const thanksgiving = rows.filter((r) => r[header.indexOf('Name')] === 'Thanksgiving').map((r) => r[header.indexOf('Date')]);
    expect(thanksgiving).toHaveLength(2);
    // 2026-11-26 00:00 in America/Denver (MST, UTC−7) is 07:00Z.
    expect((thanksgiving[0] as Date).toISOString()).toBe('2026-11-26T07:00:00.000Z');
    const nye = rows.find((r) => (r[header.indexOf('Date')] as Date).toISOString?.() === '2026-12-31T07:00:00.000Z');
    expect(nye?.[header.indexOf('Open hours')]).toBe('08:00-12:00');
    expect(byName('Christmas Day')).toBeDefined();

    const settings = Object.fromEntries(
      em.workbook
        .sheetValues('Settings')
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    expect(settings['Support address']).toBe('support@helpdesk.test');
    expect(settings['Staff domains']).toBe('helpdesk.test');
    expect(settings['Provider time zone']).toBe('America/Denver');
    expect(settings['Default hourly rate']).toBe(125);
    expect(settings['Billing increment (h)']).toBe(0.25);

    const calendars = em.workbook.sheetValues('Calendars');
    expect(calendars[1]!.slice(0, 9)).toEqual([
      'MT-8-5',
      'America/Denver',
      '08:00-17:00',
      '08:00-17:00',
      '08:00-17:00',
      '08:00-17:00',
      '08:00-17:00',
      'closed',
      'closed',
    ]);
    const activities = em.workbook
      .sheetValues('Activities')
      .slice(1)
      .map((r) => [r[0], r[1]]);
    expect(activities).toContainEqual(['Troubleshooting', 'Unless bug']);
    expect(activities).toContainEqual(['Product troubleshooting', 'No']);
    const policies = em.workbook.sheetValues('SLA Policies').slice(1);
    expect(policies.find((r) => r[0] === 'Standard' && r[1] === 'Critical')!.slice(2, 4)).toEqual([2, 2]);
    expect(policies.find((r) => r[0] === 'Standard' && r[1] === 'High')![2]).toBe(4);
    // The matrix for Enterprise too: no seed puts its Critical on a 24×7 calendar.
    expect(policies.find((r) => r[0] === 'Enterprise' && r[1] === 'Critical')![5]).toBe('');
  });

  it('running it twice changes nothing', () => {
    const em = emulator();
    em.call('setup');
    const first = snapshot(em);
    expect(em.call<string>('setup')).toMatch(/Register ready: all tabs present\./);
    // The Log gains one line per setup run; everything else is identical.
    const strip = (s: unknown) => (s as { name: string }[]).filter((t) => t.name !== 'Log');
    expect(strip(snapshot(em))).toEqual(strip(first));
  });

  it('puts back lost edit warnings on automation columns and says so (an .xlsx cannot carry them)', () => {
    const em = emulator();
    em.call('setup');
    const removed = inSandbox(
      em,
      `
      var ps = SpreadsheetApp.getActiveSpreadsheet().getProtections(SpreadsheetApp.ProtectionType.RANGE);
      ps.forEach(function (p) { p.remove(); });
      return ps.length;
    `,
    ) as number;
    expect(removed).toBeGreaterThan(10);
    expect(em.call<string>('setup')).toBe(`Register ready: all tabs present; put the edit warning back on ${removed} automation columns.`);
    expect(em.call<string>('setup')).toBe('Register ready: all tabs present.');
  });

  it('keeps user data, user columns and column order; restores a deleted header at the end', () => {
    const em = emulator();
    em.call('setup');
    inSandbox(
      em,
      `
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var c = ss.getSheetByName('Clients');
      var lastCol = c.getLastColumn();
      // A person adding a column past the tab's last one inserts it first, as Sheets requires.
      if (c.getMaxColumns() <= lastCol) c.insertColumnsAfter(lastCol, 1);
      c.getRange(1, lastCol + 1).setValue('Account owner');
      c.getRange(2, 1, 1, 3).setValues([['ACME', 'Acme Corp', 'acme.com']]);
      c.getRange(2, lastCol + 1).setValue('Dana');
      var s = ss.getSheetByName('Settings');
      s.getRange(2, 2).setValue('help@acme.test');
      // The user deletes the Phone header of Contacts.
      var k = ss.getSheetByName('Contacts');
      var header = k.getRange(1, 1, 1, k.getLastColumn()).getValues()[0];
      k.getRange(1, header.indexOf('Phone') + 1).setValue('');
    `,
    );
    em.call('setup');
    const clients = em.workbook.sheetValues('Clients');
    expect(clients[0]).toContain('Account owner');
    expect(clients[1]!.slice(0, 3)).toEqual(['ACME', 'Acme Corp', 'acme.com']);
    expect(clients[1]![clients[0]!.indexOf('Account owner')]).toBe('Dana');
    expect(em.workbook.sheetValues('Settings')[1]![1]).toBe('help@acme.test');
    const contacts = em.workbook.sheetValues('Contacts')[0]!;
    expect(contacts[contacts.length - 1]).toBe('Phone');
    expect(contacts.filter((h) => h === 'Phone')).toHaveLength(1);
  });
});

describe('installTriggers', () => {
  it('installs one trigger of each kind at the Settings intervals; running it twice leaves one of each', () => {
    const em = emulator();
    em.call('setup');
    em.call('installTriggers');
    em.call('installTriggers');
    const t = em.triggers.triggers.map((x) => [x.handler, x.eventType, x.everyMinutes ?? null]).sort();
    expect(t).toEqual([
      ['checkHours', 'CLOCK', 60],
      ['handleEdit', 'ON_EDIT', null],
      ['ingestInbox', 'CLOCK', 5],
      ['runMonthlyBilling', 'CLOCK', 0],
      ['sweepSla', 'CLOCK', 10],
    ]);
  });

  it('explains a bad interval instead of failing obscurely', () => {
    const em = emulator();
    em.call('setup');
    inSandbox(
      em,
      `
      var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings');
      var keys = s.getRange(1, 1, s.getLastRow(), 1).getValues().map(function (r) { return r[0]; });
      s.getRange(keys.indexOf('Trigger interval (min)') + 1, 2).setValue(7);`,
    );
    const r = em.run('installTriggers');
    expect(r.error?.message).toMatch(/Trigger interval \(min\) is 7: use 1, 5, 10, 15 or 30 minutes/);
  });

  it('as an Editor add-on, refuses sub-hourly intervals and installs one hourly trigger that runs every job', () => {
    const em = emulator({ installAs: 'addon' });
    em.call('setup');
    expect(em.run('installTriggers').error?.message).toMatch(/an add-on runs at most hourly/);
    expect(em.triggers.triggers).toEqual([]);
    inSandbox(
      em,
      `
      var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings');
      var keys = s.getRange(1, 1, s.getLastRow(), 1).getValues().map(function (r) { return r[0]; });
      s.getRange(keys.indexOf('Trigger interval (min)') + 1, 2).setValue(60);`,
    );
    em.call('installTriggers');
    em.call('installTriggers');
    // One clock trigger and one edit trigger: an add-on may have one of each type per document.
    expect(em.triggers.triggers.map((t) => [t.handler, t.eventType, t.everyMinutes ?? null])).toEqual([
      ['runAutomation', 'CLOCK', 60],
      ['handleEdit', 'ON_EDIT', null],
    ]);
  });
});

describe('menu and lock', () => {
  it('onOpen adds the Support Desk menu naming real entry points', () => {
    const em = emulator();
    em.call('onOpen');
    const menus = JSON.stringify(em.workbook.ui.menus);
    expect(menus).toContain('Support Desk');
    for (const fn of ['setup', 'installTriggers', 'ingestInbox', 'sweepSla', 'checkHours', 'closeMonth', 'showAbout']) {
      expect(menus).toContain(fn);
      expect(em.entryPoints()).toContain(fn);
    }
  });

  it('as an Editor add-on the menu goes under Extensions (createAddonMenu)', () => {
    const em = emulator({ installAs: 'addon' });
    em.call('onOpen');
    expect(em.workbook.ui.menus).toHaveLength(1);
    expect(JSON.stringify(em.workbook.ui.menus[0])).toMatch(/"addon":true/);
    expect(JSON.stringify(em.workbook.ui.menus[0])).toContain('installTriggers');
  });

  it('setup backs off with a clear message while another run holds the document lock', () => {
    const em = emulator();
    em.locks.holdAs('document', 'another run');
    expect(em.run('setup').error?.message).toMatch(/another Support Desk job is still running/);
  });
});
