import type { ServiceContext } from '../context';
import type { Env } from './env';
import { Range } from './range';
import type { SheetModel } from './sheet-model';
import type { GridRef } from './specs';

/**
 * Embedded charts: Sheet.newChart() → EmbeddedChartBuilder → build() → insertChart(),
 * getCharts(), updateChart(modified), removeChart(). The chart is a description (type,
 * source ranges, anchor, options), as in Sheets: it draws whatever its ranges hold, so a
 * job that rewrites the data refreshes the chart without touching it. Tests read
 * `chartsOf(model)`.
 *
 * Quirks kept: a built chart is not on the sheet until insertChart(); getChartId() is
 * null until then (and stays null on the built object: take the inserted chart from
 * getCharts()); updateChart() needs a chart that is on the sheet (one from getCharts()
 * or modify().build() of one); the builder's setPosition takes 1-based anchor row and
 * column and pixel offsets.
 */

export const ChartType = Object.freeze({
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  RADAR: 'RADAR',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const);
export type ChartTypeName = keyof typeof ChartType;

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** What a chart on a sheet is. */
export interface ChartRecord {
  id: number;
  type: ChartTypeName;
  ranges: GridRef[];
  position: ChartPosition;
  options: Record<string, unknown>;
}

const store = new WeakMap<SheetModel, ChartRecord[]>();
let nextId = 1_000_001;

/** The charts on a sheet, in insertion order (host objects, for tests). */
export function chartsOf(model: SheetModel): ChartRecord[] {
  let list = store.get(model);
  if (!list) store.set(model, (list = []));
  return list;
}

/** The `Charts` global: the enums the builder takes. */
export function createCharts(_ctx: ServiceContext) {
  return { ChartType, toString: () => 'Charts' };
}

interface Draft {
  type: ChartTypeName | null;
  ranges: GridRef[];
  position: ChartPosition;
  options: Record<string, unknown>;
  /** The chart this draft modifies (modify()), or null for a new one. */
  id: number | null;
}

const copyDraft = (d: Draft): Draft => ({
  ...d,
  ranges: d.ranges.map((r) => ({ ...r })),
  position: { ...d.position },
  options: { ...d.options },
});

export class EmbeddedChartBuilder {
  constructor(
    private readonly env: Env,
    private readonly model: SheetModel,
    private readonly draft: Draft,
  ) {}

  private call(method: string): void {
    this.env.call(`EmbeddedChartBuilder.${method}`, { cheap: true });
  }

  private bad(method: string): never {
    return this.env.ctx.fail(`The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.${method}.`);
  }

  setChartType(type: unknown): EmbeddedChartBuilder {
    this.call('setChartType');
    if (typeof type !== 'string' || !(type in ChartType)) this.bad('setChartType');
    this.draft.type = type as ChartTypeName;
    return this;
  }
  addRange(range: unknown): EmbeddedChartBuilder {
    this.call('addRange');
    if (!(range instanceof Range)) this.bad('addRange');
    this.draft.ranges.push((range as Range).ref());
    return this;
  }
  removeRange(range: unknown): EmbeddedChartBuilder {
    this.call('removeRange');
    if (!(range instanceof Range)) this.bad('removeRange');
    const ref = (range as Range).ref();
    this.draft.ranges = this.draft.ranges.filter((r) => JSON.stringify(r) !== JSON.stringify(ref));
    return this;
  }
  clearRanges(): EmbeddedChartBuilder {
    this.call('clearRanges');
    this.draft.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    this.call('getRanges');
    return rangesOf(this.env, this.draft.ranges);
  }
  getChartType(): string | null {
    this.call('getChartType');
    return this.draft.type;
  }
  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): EmbeddedChartBuilder {
    this.call('setPosition');
    const nums = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!nums.every((n) => typeof n === 'number' && Number.isInteger(n))) this.bad('setPosition');
    const [row, col, x, y] = nums as number[];
    if (row! < 1 || col! < 1) this.env.ctx.fail('Those rows are out of bounds.');
    this.draft.position = { anchorRow: row!, anchorColumn: col!, offsetX: x!, offsetY: y! };
    return this;
  }
  /** Options use Google Charts' dotted names ('title', 'vAxis.title', 'legend.position', …). */
  setOption(option: unknown, value: unknown): EmbeddedChartBuilder {
    this.call('setOption');
    if (typeof option !== 'string') this.bad('setOption');
    this.draft.options[option as string] = value;
    return this;
  }
  build(): EmbeddedChart {
    this.call('build');
    if (this.draft.type === null) this.env.ctx.fail('Chart type must be set: use setChartType().');
    return new EmbeddedChart(this.env, this.model, copyDraft(this.draft));
  }
  toString(): string {
    return 'EmbeddedChartBuilder';
  }
}

function rangesOf(env: Env, refs: readonly GridRef[]): Range[] {
  const out = new env.ctx.realm.Array() as Range[];
  for (const r of refs) {
    const range = env.rangeOf(r);
    if (range) out.push(range);
  }
  return out;
}

class ChartOptions {
  constructor(
    private readonly env: Env,
    private readonly options: Record<string, unknown>,
  ) {}
  get(option: string): unknown {
    this.env.call('ChartOptions.get', { cheap: true });
    return Object.hasOwn(this.options, option) ? this.options[option] : null;
  }
  toString(): string {
    return 'ChartOptions';
  }
}

export class EmbeddedChart {
  constructor(
    private readonly env: Env,
    private readonly model: SheetModel,
    /** Frozen description; for a chart from getCharts() its id is the chart's. */
    private readonly draft: Draft,
  ) {}

  /** For the Sheet methods: the description and the sheet it was built on. */
  describe(): { model: SheetModel; draft: Draft } {
    return { model: this.model, draft: this.draft };
  }

  getChartId(): number | null {
    this.env.call('EmbeddedChart.getChartId', { cheap: true });
    return this.draft.id;
  }
  getId(): string | null {
    this.env.call('EmbeddedChart.getId', { cheap: true });
    return this.draft.id === null ? null : `u${this.draft.id}`;
  }
  getRanges(): Range[] {
    this.env.call('EmbeddedChart.getRanges', { cheap: true });
    return rangesOf(this.env, this.draft.ranges);
  }
  getOptions(): ChartOptions {
    this.env.call('EmbeddedChart.getOptions', { cheap: true });
    return new ChartOptions(this.env, { ...this.draft.options });
  }
  getContainerInfo() {
    this.env.call('EmbeddedChart.getContainerInfo', { cheap: true });
    const p = { ...this.draft.position };
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
      toString: () => 'ContainerInfo',
    };
  }
  modify(): EmbeddedChartBuilder {
    this.env.call('EmbeddedChart.modify', { cheap: true });
    return new EmbeddedChartBuilder(this.env, this.model, copyDraft(this.draft));
  }
  toString(): string {
    return 'EmbeddedChart';
  }
}

const fromRecord = (r: ChartRecord): Draft => ({
  type: r.type,
  ranges: r.ranges.map((g) => ({ ...g })),
  position: { ...r.position },
  options: { ...r.options },
  id: r.id,
});

/** The chart operations of SpreadsheetApp.Sheet; sheet.ts delegates to these. */
export const sheetCharts = {
  newChart(env: Env, model: SheetModel): EmbeddedChartBuilder {
    env.call('Sheet.newChart', { cheap: true });
    return new EmbeddedChartBuilder(env, model, {
      type: null,
      ranges: [],
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      options: {},
      id: null,
    });
  },
  insertChart(env: Env, model: SheetModel, chart: unknown): void {
    env.call('Sheet.insertChart');
    if (!(chart instanceof EmbeddedChart))
      env.ctx.fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.insertChart.");
    const { draft } = (chart as EmbeddedChart).describe();
    const list = chartsOf(model);
    // Inserting a chart that is already on the sheet adds a copy, as in Sheets.
    const id = nextId++;
    list.push({
      id,
      type: draft.type!,
      ranges: draft.ranges.map((g) => ({ ...g })),
      position: { ...draft.position },
      options: { ...draft.options },
    });
  },
  getCharts(env: Env, model: SheetModel): EmbeddedChart[] {
    env.call('Sheet.getCharts');
    const out = new env.ctx.realm.Array() as EmbeddedChart[];
    for (const r of chartsOf(model)) out.push(new EmbeddedChart(env, model, fromRecord(r)));
    return out;
  },
  updateChart(env: Env, model: SheetModel, chart: unknown): void {
    env.call('Sheet.updateChart');
    if (!(chart instanceof EmbeddedChart))
      env.ctx.fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.updateChart.");
    const { draft } = (chart as EmbeddedChart).describe();
    const list = chartsOf(model);
    const at = draft.id === null ? -1 : list.findIndex((r) => r.id === draft.id);
    if (at < 0) env.ctx.fail('The chart is not on this sheet: insert it with insertChart() first.');
    list[at] = {
      id: draft.id!,
      type: draft.type!,
      ranges: draft.ranges.map((g) => ({ ...g })),
      position: { ...draft.position },
      options: { ...draft.options },
    };
  },
  removeChart(env: Env, model: SheetModel, chart: unknown): void {
    env.call('Sheet.removeChart');
    if (!(chart instanceof EmbeddedChart))
      env.ctx.fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.removeChart.");
    const { draft } = (chart as EmbeddedChart).describe();
    const list = chartsOf(model);
    const at = draft.id === null ? -1 : list.findIndex((r) => r.id === draft.id);
    if (at >= 0) list.splice(at, 1);
  },
};
