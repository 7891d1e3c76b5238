import vm from 'node:vm';
import { Clock } from '../../../src/local/emulator/clock';
import type { ServiceContext } from '../../../src/local/emulator/context';
import { Meter } from '../../../src/local/emulator/meter';
import { createRealm } from '../../../src/local/emulator/realm';
import { createSpreadsheetApp, WorkbookModel } from '../../../src/local/emulator/spreadsheet';

function setup() {
  const clock = new Clock(Date.UTC(2026, 10, 2, 15));
  const meter = new Meter();
  const realm = createRealm(() => clock.now());
  const ctx: ServiceContext = {
    clock,
    meter,
    realm,
    inDocument: () => true,
    user: 'support@acme.test',
    fail(m) {
      throw realm.error(m);
    },
  };
  const workbook = new WorkbookModel({ name: 'Desk', timeZone: 'America/Denver' });
  workbook.addSheet('Tickets');
  const app = createSpreadsheetApp(ctx, workbook);
  realm.context.SpreadsheetApp = app;
  const run = (code: string): unknown => vm.runInContext(code, realm.context);
  return { clock, meter, realm, ctx, workbook, app, run, ss: app.getActiveSpreadsheet()! };
}

describe('spreadsheet and sheets', () => {
  it('insertSheet refuses a taken name (case-insensitively) and activates the new sheet', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('Tickets')).toThrow('A sheet with the name "Tickets" already exists. Please enter another name.');
    expect(() => ss.insertSheet('tickets')).toThrow('already exists');
    const log = ss.insertSheet('Log', 0);
    expect(log.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('Log');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Log', 'Tickets']);
    expect(ss.insertSheet().getName()).toBe('Sheet3');
  });

  it('getSheetByName returns null when absent; deleteSheet keeps at least one sheet', () => {
    const { ss } = setup();
    expect(ss.getSheetByName('Nope')).toBeNull();
    const tickets = ss.getSheetByName('Tickets')!;
    expect(() => ss.deleteSheet(tickets)).toThrow("You can't remove all the sheets in a document.");
    ss.insertSheet('Other');
    ss.deleteSheet(tickets);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Other']);
  });

  it('setName refuses a clash, ids are stable, urls name the id', () => {
    const { ss } = setup();
    const a = ss.insertSheet('A');
    expect(() => a.setName('Tickets')).toThrow('already exists');
    a.setName('Alpha');
    expect(ss.getSheetById(a.getSheetId())!.getName()).toBe('Alpha');
    expect(ss.getSheetByName('Tickets')!.getSheetId()).toBe(0);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
  });

  it('the selection is settable and readable', () => {
    const { ss } = setup();
    const sheet = ss.getSheetByName('Tickets')!;
    sheet.getRange('B3:C4').activate();
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B3:C4');
    expect(ss.getActiveCell()!.getA1Notation()).toBe('B3');
  });

  it('changing the time zone keeps the wall time of date cells', () => {
    const { ss } = setup();
    const sheet = ss.getSheetByName('Tickets')!;
    sheet.getRange('A1').setValue('2026-11-30');
    ss.setSpreadsheetTimeZone('Europe/Paris');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(Date.UTC(2026, 10, 29, 23));
    expect(() => ss.setSpreadsheetTimeZone('Mars/Base')).toThrow();
  });
});

describe('data validation', () => {
  it('builds list rules and reads them back', () => {
    const { app, ss } = setup();
    const rule = app.newDataValidation().requireValueInList(['Low', 'High'], true).setAllowInvalid(false).setHelpText('Pick one').build();
    const range = ss.getSheetByName('Tickets')!.getRange('C2:C10');
    range.setDataValidation(rule);
    const back = range.getCell(3, 1).getDataValidation()!;
    expect(back.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(back.getCriteriaValues()).toEqual([['Low', 'High'], true]);
    expect(back.getAllowInvalid()).toBe(false);
    expect(back.getHelpText()).toBe('Pick one');
    const copy = back.copy().setAllowInvalid(true).build();
    expect(copy.getAllowInvalid()).toBe(true);
    expect(copy.getCriteriaValues()).toEqual([['Low', 'High'], true]);
    expect(range.getDataValidations().length).toBe(9);
    range.clearDataValidations();
    expect(range.getDataValidation()).toBeNull();
  });

  it('a rejecting rule refuses invalid script writes; a warning rule accepts them', () => {
    const { app, ss } = setup();
    const sheet = ss.getSheetByName('Tickets')!;
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(['Low', 'High']).setAllowInvalid(false).build());
    sheet.getRange('B1').setDataValidation(app.newDataValidation().requireValueInList(['Low', 'High']).build());
    expect(() => sheet.getRange('A1').setValue('Urgent')).toThrow(
      'The data you entered in cell A1 violates the data validation rules set on this cell.',
    );
    sheet.getRange('A1').setValue('High');
    sheet.getRange('B1').setValue('Urgent');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['High', 'Urgent']]);
  });

  it('supports range, checkbox, number and date criteria', () => {
    const { app, ss, realm } = setup();
    const sheet = ss.getSheetByName('Tickets')!;
    const source = sheet.getRange('Z1:Z3');
    const inRange = app.newDataValidation().requireValueInRange(source, false).build();
    const values = inRange.getCriteriaValues();
    expect((values[0] as { getA1Notation(): string }).getA1Notation()).toBe('Z1:Z3');
    expect(values[1]).toBe(false);
    expect(app.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe('CHECKBOX');
    expect(app.newDataValidation().requireNumberBetween(0, 24).build().getCriteriaValues()).toEqual([0, 24]);
    const after = realm.date(Date.UTC(2026, 0, 1));
    const dateRule = app.newDataValidation().requireDateAfter(after).build();
    expect(dateRule.getCriteriaType()).toBe('DATE_AFTER');
    expect((dateRule.getCriteriaValues()[0] as Date).getTime()).toBe(after.getTime());
    expect(app.newDataValidation().requireDate().build().getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(() => app.newDataValidation().build()).toThrow();
    sheet.getRange('D1:D2').insertCheckboxes();
    expect(sheet.getRange('D1:D2').getValues()).toEqual([[false], [false]]);
    expect(() => sheet.getRange('D1').setValue('maybe')).toThrow('violates the data validation rules');
  });
});

describe('protection', () => {
  it('protects ranges and sheets, lists and removes protections', () => {
    const { ss, app } = setup();
    const sheet = ss.getSheetByName('Tickets')!;
    const p = sheet.getRange('A1:C1').protect().setDescription('Headers').setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getDescription()).toBe('Headers');
    expect(p.getRange().getA1Notation()).toBe('A1:C1');
    expect(p.getProtectionType()).toBe('RANGE');
    const list = sheet.getProtections(app.ProtectionType.RANGE);
    expect(list.map((x) => x.getDescription())).toEqual(['Headers']);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toEqual([]);
    const sp = sheet.protect();
    expect(sheet.protect().getProtectionType()).toBe('SHEET');
    expect(sheet.getProtections(app.ProtectionType.SHEET).length).toBe(1);
    expect(sp.getRange().getNumRows()).toBe(1000);
    expect(sp.getEditors().map((u) => u.getEmail())).toEqual(['support@acme.test']);
    list[0]!.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toEqual([]);
    // The owner's script can still write a protected range.
    sheet.getRange('A1').setValue('ok');
    expect(sheet.getRange('A1').getValue()).toBe('ok');
  });
});

describe('protected and conditional-format ranges follow rows', () => {
  it('shift with rows above, grow with rows inside, shrink with rows deleted; rows added after the end are outside', () => {
    const { ss, app } = setup();
    const sheet = ss.getSheetByName('Tickets')!;
    sheet.getRange('B5:B10').protect().setDescription('B');
    sheet.getRange('C1:C1000').protect().setDescription('C');
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('x')
        .setBackground('#ffffff')
        .setRanges([sheet.getRange('D2:D1000')])
        .build(),
    ]);
    const ranges = () => [
      ...sheet.getProtections(app.ProtectionType.RANGE).map((p) => `${p.getDescription()}=${p.getRange().getA1Notation()}`),
      ...sheet.getConditionalFormatRules().map((r) => `cf=${r.getRanges()[0]!.getA1Notation()}`),
    ];
    sheet.insertRowsBefore(2, 2);
    expect(ranges()).toEqual(['B=B7:B12', 'C=C1:C1002', 'cf=D4:D1002']);
    sheet.insertRowsAfter(sheet.getMaxRows(), 10);
    expect(ranges()).toEqual(['B=B7:B12', 'C=C1:C1002', 'cf=D4:D1002']);
    sheet.deleteRows(8, 995);
    expect(ranges()).toEqual(['B=B7', 'C=C1:C7', 'cf=D4:D7']);
    sheet.deleteRows(7, 1);
    expect(ranges()).toEqual(['C=C1:C6', 'cf=D4:D6']);
  });
});

describe('conditional format rules', () => {
  it('builds rules and replaces the sheet list', () => {
    const { app, ss, workbook } = setup();
    const sheet = ss.getSheetByName('Tickets')!;
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Breached')
      .setBackground('#f4cccc')
      .setFontColor('#990000')
      .setRanges([sheet.getRange('P2:P1000')])
      .build();
    const rule2 = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$H2="Open"')
      .setBackground('#fff2cc')
      .setRanges([sheet.getRange('A2:U1000')])
      .build();
    sheet.setConditionalFormatRules([rule, rule2]);
    expect(workbook.requireSheet('Tickets').conditionalRules).toHaveLength(2);
    const back = sheet.getConditionalFormatRules();
    expect(back[0]!.getBooleanCondition()!.getCriteriaType()).toBe('TEXT_EQUAL_TO');
    expect(back[0]!.getBooleanCondition()!.getBackground()).toBe('#f4cccc');
    expect(back[0]!.getRanges()[0]!.getA1Notation()).toBe('P2:P1000');
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextContains('x')
        .setBold(true)
        .setRanges([sheet.getRange('A1')])
        .build(),
    ]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
    expect(sheet.getConditionalFormatRules()[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual(['x']);
  });
});

describe('ui', () => {
  it('records menus with separators and submenus', () => {
    const { app, workbook } = setup();
    const ui = app.getUi();
    ui.createMenu('Support Desk')
      .addItem('Set up', 'setup')
      .addSeparator()
      .addSubMenu(ui.createMenu('Billing').addItem('Run billing', 'runMonthlyBilling'))
      .addToUi();
    expect(workbook.ui.menu('Support Desk')).toEqual({
      caption: 'Support Desk',
      addon: false,
      items: [
        { type: 'item', caption: 'Set up', functionName: 'setup' },
        { type: 'separator' },
        {
          type: 'submenu',
          menu: { caption: 'Billing', addon: false, items: [{ type: 'item', caption: 'Run billing', functionName: 'runMonthlyBilling' }] },
        },
      ],
    });
  });

  it('records alerts, prompts and toasts with configurable answers', () => {
    const { app, ss, workbook, clock } = setup();
    const ui = app.getUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    workbook.ui.alertResponses.push('NO');
    expect(ui.alert('Sure?', 'Overwrite billing?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Again?', ui.ButtonSet.YES_NO)).toBe('YES');
    workbook.ui.promptResponses.push({ button: 'OK', text: '2026-10' });
    const answer = ui.prompt('Month', 'Which month?', ui.ButtonSet.OK_CANCEL);
    expect(answer.getResponseText()).toBe('2026-10');
    expect(answer.getSelectedButton()).toBe(ui.Button.OK);
    ss.toast('Ingested 3 messages', 'Support Desk', 10);
    expect(workbook.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.response])).toEqual([
      ['', 'Done', 'OK', 'OK'],
      ['Sure?', 'Overwrite billing?', 'YES_NO', 'NO'],
      ['', 'Again?', 'YES_NO', 'YES'],
    ]);
    expect(workbook.ui.prompts[0]!.prompt).toBe('Which month?');
    expect(workbook.ui.toasts).toEqual([{ message: 'Ingested 3 messages', title: 'Support Desk', timeoutSeconds: 10, at: clock.now() }]);
  });

  it('getUi fails where no editor is open (time-driven triggers)', () => {
    const { app, workbook } = setup();
    workbook.ui.available = false;
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('inside the sandbox', () => {
  it('date cells are Dates of the sandbox realm and arrays are sandbox arrays', () => {
    const { run, workbook } = setup();
    workbook.writeRaw('Tickets', [['Received at'], [new Date(Date.UTC(2026, 10, 30, 7))]]);
    expect(
      run(`
        var values = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets').getDataRange().getValues();
        [values instanceof Array, values[0] instanceof Array, values[1][0] instanceof Date, values[1][0].getTime()].join(',');
      `),
    ).toBe(`true,true,true,${Date.UTC(2026, 10, 30, 7)}`);
  });

  it('typed dates and product-made Dates round-trip as sandbox Dates', () => {
    const { run } = setup();
    expect(
      run(`
        var s = SpreadsheetApp.getActive().getSheetByName('Tickets');
        s.getRange('A1:B1').setValues([['2026-11-30', new Date(Date.UTC(2026, 6, 1, 12))]]);
        var v = s.getRange('A1:B1').getValues()[0];
        [v[0] instanceof Date, v[0].toISOString(), v[1] instanceof Date, v[1].toISOString()].join(',');
      `),
    ).toBe('true,2026-11-30T07:00:00.000Z,true,2026-07-01T12:00:00.000Z');
  });

  it('errors are sandbox Errors with Apps Script messages, and absent methods are TypeErrors', () => {
    const { run } = setup();
    expect(
      run(`
        var s = SpreadsheetApp.getActive().getSheetByName('Tickets');
        var out = [];
        try { s.getRange(1, 1, 2, 2).setValues([[1]]); } catch (e) { out.push(e instanceof Error, e.message); }
        try { s.getRange(1, 1).newRichTextValue(); } catch (e) { out.push(e instanceof TypeError); }
        out.join('|');
      `),
    ).toBe('true|The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.|true');
  });

  it('enum comparisons hold for the product', () => {
    const { run } = setup();
    expect(
      run(`
        var rule = SpreadsheetApp.newDataValidation().requireValueInList(['a']).build();
        var ui = SpreadsheetApp.getUi();
        [rule.getCriteriaType() == SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST, ui.alert('x') == ui.Button.OK].join(',');
      `),
    ).toBe('true,true');
  });
});

describe('a workbook built empty', () => {
  it('gets Sheet1 when the script first opens it, like a new Google Sheet', () => {
    const clock = new Clock(Date.UTC(2026, 10, 2, 15));
    const realm = createRealm(() => clock.now());
    const ctx: ServiceContext = {
      clock,
      meter: new Meter(),
      realm,
      inDocument: () => true,
      user: 'support@acme.test',
      fail(m) {
        throw realm.error(m);
      },
    };
    const workbook = new WorkbookModel({ name: 'Blank' });
    const app = createSpreadsheetApp(ctx, workbook);
    expect(workbook.sheets).toHaveLength(0);
    const ss = app.getActiveSpreadsheet()!;
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(ss.getActiveSheet().getMaxRows()).toBe(1000);
    expect(ss.getActiveSheet().getMaxColumns()).toBe(26);
  });
});
