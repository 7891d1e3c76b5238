import { emulator, inSandbox } from '../../support/emulator';

describe('emulated HtmlService and embedded charts', () => {
  it('HtmlOutput keeps content, title and size, chains, escapes appendUntrusted', () => {
    const em = emulator();
    const r = inSandbox<any>(
      em,
      `
      var out = HtmlService.createHtmlOutput('<p>Hi</p>').setTitle('T').setWidth(300).setHeight(200).append('<b>x</b>').appendUntrusted('<i>&</i>');
      return { content: out.getContent(), title: out.getTitle(), w: out.getWidth(), h: out.getHeight(), s: String(out) };
    `,
    );
    expect(r).toEqual({ content: '<p>Hi</p><b>x</b>&lt;i&gt;&amp;&lt;/i&gt;', title: 'T', w: 300, h: 200, s: 'HtmlOutput' });
  });

  it('there are no HTML files in a one-file project, and bad sizes are refused', () => {
    const em = emulator();
    expect(() => inSandbox(em, `HtmlService.createHtmlOutputFromFile('Sidebar')`)).toThrow('No HTML file named Sidebar was found.');
    expect(() => inSandbox(em, `HtmlService.createHtmlOutput('').setWidth('wide')`)).toThrow(/method signature/);
  });

  it('showSidebar records the HtmlOutput and its title', () => {
    const em = emulator();
    inSandbox(em, `SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>').setTitle('Side'))`);
    expect(em.workbook.ui.dialogs.at(-1)).toMatchObject({ kind: 'sidebar', title: 'Side' });
  });

  it('charts: built charts are not on the sheet until inserted; modify + updateChart changes one in place', () => {
    const em = emulator();
    const r = inSandbox<any>(
      em,
      `
      var sh = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
      var built = sh.newChart().setChartType(Charts.ChartType.PIE).addRange(sh.getRange('A1:B4')).setPosition(2, 3, 0, 0).setOption('title', 'Pie').build();
      var before = sh.getCharts().length;
      var idBefore = built.getChartId();
      sh.insertChart(built);
      var c = sh.getCharts()[0];
      sh.updateChart(c.modify().clearRanges().addRange(sh.getRange('A1:B9')).build());
      var after = sh.getCharts()[0];
      var err = '';
      try { sh.updateChart(built); } catch (e) { err = e.message; }
      var noType = '';
      try { sh.newChart().build(); } catch (e) { noType = e.message; }
      sh.removeChart(after);
      return { before: before, idBefore: idBefore, title: after.getOptions().get('title'), range: after.getRanges()[0].getA1Notation(), row: after.getContainerInfo().getAnchorRow(), err: err, noType: noType, left: sh.getCharts().length };
    `,
    );
    expect(r).toEqual({
      before: 0,
      idBefore: null,
      title: 'Pie',
      range: 'A1:B9',
      row: 2,
      err: 'The chart is not on this sheet: insert it with insertChart() first.',
      noType: 'Chart type must be set: use setChartType().',
      left: 0,
    });
  });
});
