import { type ChartKind, type ChartSpec, DASHBOARD_COLUMN_WIDTHS } from '../../core/dashboard';
import type { ChartPort } from '../../jobs/dashboard/ports';
import { refreshDashboard, DASHBOARD_TAB } from '../../jobs/dashboard/refresh';
import { refreshHourlyIfDue, refreshNow } from '../hourly-refresh';
import { workbookPort } from '../ports';
import { activeSpreadsheet } from './context';

/** Looked up when used, not when the bundle loads. */
const chartType = (kind: ChartKind): GoogleAppsScript.Charts.ChartType =>
  ({ column: Charts.ChartType.COLUMN, pie: Charts.ChartType.PIE, bar: Charts.ChartType.BAR })[kind];

function a1(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: ChartSpec): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(spec.range.row, spec.range.column, spec.range.numRows, spec.range.numColumns);
}

function configure(builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: ChartSpec) {
  let b = builder
    .clearRanges()
    .addRange(a1(sheet, spec))
    .setChartType(chartType(spec.kind))
    .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
    .setOption('title', spec.title)
    .setOption('legend', { position: spec.kind === 'pie' ? 'right' : 'bottom' });
  if (spec.axisTitle) b = b.setOption(spec.kind === 'bar' ? 'hAxis.title' : 'vAxis.title', spec.axisTitle);
  return b.build();
}

/** Native charts over the real Sheet: found by title; touched only when missing or different. */
export function dashboardChartPort(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ChartPort {
  return {
    ensure(tab, specs) {
      const sheet = ss.getSheetByName(tab);
      if (!sheet) throw new Error(`The ${tab} tab is missing.`);
      const existing = sheet.getCharts();
      const seen = new Set<string>();
      let inserted = 0;
      let updated = 0;
      let removed = 0;
      const titleOf = (c: GoogleAppsScript.Spreadsheet.EmbeddedChart) => String(c.getOptions().get('title') ?? '');
      for (const chart of existing) {
        const title = titleOf(chart);
        const spec = specs.find((s) => s.title === title);
        if (!spec) continue; // a chart people added: theirs
        if (seen.has(title)) {
          sheet.removeChart(chart);
          removed++;
          continue;
        }
        seen.add(title);
        const range = chart.getRanges()[0];
        const same =
          chart.getRanges().length === 1 &&
          range?.getA1Notation() === a1(sheet, spec).getA1Notation() &&
          range.getSheet().getName() === tab;
        if (!same) {
          sheet.updateChart(configure(chart.modify(), sheet, spec));
          updated++;
        }
      }
      for (const spec of specs) {
        if (seen.has(spec.title)) continue;
        sheet.insertChart(configure(sheet.newChart(), sheet, spec));
        inserted++;
      }
      return { inserted, updated, removed };
    },
  };
}

/** The Dashboard's column widths, set only where they differ (a few reads, no write once right). */
function fitColumns(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const sheet = ss.getSheetByName(DASHBOARD_TAB);
  if (!sheet) return;
  DASHBOARD_COLUMN_WIDTHS.forEach((px, i) => {
    if (sheet.getColumnWidth(i + 1) !== px) sheet.setColumnWidth(i + 1, px);
  });
}

/** Menu "Refresh dashboard" (the sweep refreshes it too): the tab and its charts. */
export function refreshDashboardNow(): string {
  const ss = activeSpreadsheet();
  return refreshNow(ss, {
    job: 'dashboard',
    what: 'Refresh dashboard',
    toast: true,
    run: () => {
      const report = refreshDashboard(workbookPort(ss), Date.now(), dashboardChartPort(ss));
      fitColumns(ss);
      return report.message;
    },
  });
}

/**
 * After a sweep: refresh the Dashboard when it is an hour old (or missing). The sweep runs
 * every 10 minutes; an hourly refresh keeps the charts current for a lead without adding
 * its reads to every idle sweep. A routine refresh is not news: only failures reach the Log.
 */
export function refreshDashboardIfDue(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  refreshHourlyIfDue(ss, {
    stamp: 'dashboard.refreshedAt',
    tab: DASHBOARD_TAB,
    job: 'dashboard',
    what: 'Refresh dashboard',
    run: (_log, now) => {
      refreshDashboard(workbookPort(ss), now, dashboardChartPort(ss));
      fitColumns(ss);
    },
  });
}
