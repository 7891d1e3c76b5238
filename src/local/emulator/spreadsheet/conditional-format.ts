import { isDate } from '../realm';
import type { Env } from './env';
import type { Range } from './range';
import type { CellFormat, ConditionalRuleSpec } from './specs';

/** Enum SpreadsheetApp.BooleanCriteria (the subset with builder methods below). */
export const BooleanCriteria = Object.freeze({
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_NOT_EQUAL_TO: 'TEXT_NOT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_AFTER: 'DATE_AFTER',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
});

const specs = new WeakMap<object, ConditionalRuleSpec>();

export function ruleSpecOf(rule: unknown): ConditionalRuleSpec | undefined {
  return rule !== null && typeof rule === 'object' ? specs.get(rule) : undefined;
}

function cloneSpec(spec: ConditionalRuleSpec): ConditionalRuleSpec {
  return {
    ranges: spec.ranges.map((r) => ({ ...r })),
    condition: spec.condition && { type: spec.condition.type, values: [...spec.condition.values] },
    format: { ...spec.format },
  };
}

/** SpreadsheetApp.BooleanCondition: the condition and format of a rule. */
export class BooleanCondition {
  constructor(
    private readonly env: Env,
    private readonly spec: ConditionalRuleSpec,
  ) {}
  getCriteriaType(): string | null {
    this.env.call('BooleanCondition.getCriteriaType', { cheap: true });
    return this.spec.condition?.type ?? null;
  }
  getCriteriaValues(): unknown[] {
    this.env.call('BooleanCondition.getCriteriaValues', { cheap: true });
    return this.env.ctx.realm.toRealm(this.spec.condition?.values ?? []);
  }
  getBackground(): string | null {
    this.env.call('BooleanCondition.getBackground', { cheap: true });
    return this.spec.format.background ?? null;
  }
  getFontColor(): string | null {
    this.env.call('BooleanCondition.getFontColor', { cheap: true });
    return this.spec.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    this.env.call('BooleanCondition.getBold', { cheap: true });
    return this.spec.format.bold ?? null;
  }
  getItalic(): boolean | null {
    this.env.call('BooleanCondition.getItalic', { cheap: true });
    return this.spec.format.italic ?? null;
  }
  toString(): string {
    return 'BooleanCondition';
  }
}

/** SpreadsheetApp.ConditionalFormatRule (immutable). */
export class ConditionalFormatRule {
  constructor(
    private readonly env: Env,
    spec: ConditionalRuleSpec,
  ) {
    specs.set(this, spec);
  }
  private get spec(): ConditionalRuleSpec {
    return specs.get(this)!;
  }
  getRanges(): Range[] {
    this.env.call('ConditionalFormatRule.getRanges', { cheap: true });
    const ranges = this.spec.ranges.map((r) => this.env.rangeOf(r)).filter((r): r is Range => r !== null);
    return this.env.ctx.realm.toRealm(ranges);
  }
  getBooleanCondition(): BooleanCondition | null {
    this.env.call('ConditionalFormatRule.getBooleanCondition', { cheap: true });
    return this.spec.condition ? new BooleanCondition(this.env, this.spec) : null;
  }
  copy(): ConditionalFormatRuleBuilder {
    this.env.call('ConditionalFormatRule.copy', { cheap: true });
    return new ConditionalFormatRuleBuilder(this.env, cloneSpec(this.spec));
  }
  toString(): string {
    return 'ConditionalFormatRule';
  }
}

/** SpreadsheetApp.ConditionalFormatRuleBuilder. */
export class ConditionalFormatRuleBuilder {
  private readonly spec: ConditionalRuleSpec;
  constructor(
    private readonly env: Env,
    from?: ConditionalRuleSpec,
  ) {
    this.spec = from ?? { ranges: [], condition: null, format: {} };
  }

  private when(name: string, type: string, values: unknown[]): ConditionalFormatRuleBuilder {
    this.env.call(`ConditionalFormatRuleBuilder.${name}`, { cheap: true });
    this.spec.condition = { type, values: values.map((v) => (isDate(v) ? new Date(v.getTime()) : v)) };
    return this;
  }
  private style(name: string, patch: CellFormat): ConditionalFormatRuleBuilder {
    this.env.call(`ConditionalFormatRuleBuilder.${name}`, { cheap: true });
    Object.assign(this.spec.format, patch);
    return this;
  }

  whenCellEmpty() {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenTextContains(text: string) {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [String(text)]);
  }
  whenTextDoesNotContain(text: string) {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }
  whenTextEqualTo(text: string) {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [String(text)]);
  }
  whenTextNotEqualTo(text: string) {
    return this.when('whenTextNotEqualTo', 'TEXT_NOT_EQUAL_TO', [String(text)]);
  }
  whenTextStartsWith(text: string) {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [String(text)]);
  }
  whenTextEndsWith(text: string) {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [String(text)]);
  }
  whenNumberGreaterThan(n: number) {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberBetween(a: number, b: number) {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number) {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  whenDateBefore(date: Date) {
    return this.when('whenDateBefore', 'DATE_BEFORE', [date]);
  }
  whenDateAfter(date: Date) {
    return this.when('whenDateAfter', 'DATE_AFTER', [date]);
  }
  whenFormulaSatisfied(formula: string) {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [String(formula)]);
  }

  setBackground(color: string | null) {
    return this.style('setBackground', { background: color });
  }
  setFontColor(color: string | null) {
    return this.style('setFontColor', { fontColor: color });
  }
  setBold(bold: boolean | null) {
    return this.style('setBold', { bold: bold ?? undefined });
  }
  setItalic(italic: boolean | null) {
    return this.style('setItalic', { italic: italic ?? undefined });
  }
  setUnderline(underline: boolean | null) {
    return this.style('setUnderline', { underline: underline ?? undefined });
  }
  setStrikethrough(strike: boolean | null) {
    return this.style('setStrikethrough', { strikethrough: strike ?? undefined });
  }

  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    this.env.call('ConditionalFormatRuleBuilder.setRanges', { cheap: true });
    this.spec.ranges = Array.from(ranges, (r) => r.ref());
    return this;
  }
  getRanges(): Range[] {
    this.env.call('ConditionalFormatRuleBuilder.getRanges', { cheap: true });
    return this.env.ctx.realm.toRealm(this.spec.ranges.map((r) => this.env.rangeOf(r)).filter((r): r is Range => r !== null));
  }
  copy(): ConditionalFormatRuleBuilder {
    this.env.call('ConditionalFormatRuleBuilder.copy', { cheap: true });
    return new ConditionalFormatRuleBuilder(this.env, cloneSpec(this.spec));
  }
  build(): ConditionalFormatRule {
    this.env.call('ConditionalFormatRuleBuilder.build', { cheap: true });
    return this.env.conditionalRule(cloneSpec(this.spec));
  }
  toString(): string {
    return 'ConditionalFormatRuleBuilder';
  }
}
