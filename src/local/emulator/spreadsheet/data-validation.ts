import { isDate } from '../realm';
import type { Env } from './env';
import { MSG } from './messages';
import type { Range } from './range';
import type { CriteriaType, ValidationSpec } from './specs';

/** Enum SpreadsheetApp.DataValidationCriteria (names as values, so `==` comparisons hold). */
export const DataValidationCriteria = Object.freeze({
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
});

const specs = new WeakMap<object, ValidationSpec>();

/** The rule behind a DataValidation the product hands back (undefined for anything else). */
export function specOf(rule: unknown): ValidationSpec | undefined {
  return rule !== null && typeof rule === 'object' ? specs.get(rule) : undefined;
}

/** Host Dates in, so the spec never holds a sandbox object. */
function hostValue(v: unknown): unknown {
  return isDate(v) ? new Date(v.getTime()) : v;
}

/** Values out, as sandbox objects. */
function sandboxValues(env: Env, spec: ValidationSpec): unknown[] {
  const realm = env.ctx.realm;
  if (spec.criteria === 'VALUE_IN_RANGE') {
    const range = spec.range ? env.rangeOf(spec.range) : null;
    return realm.toRealm([range, spec.values[0] ?? true]) as unknown[];
  }
  return realm.toRealm(spec.values);
}

/** SpreadsheetApp.DataValidation: an immutable rule. */
export class DataValidation {
  constructor(
    private readonly env: Env,
    spec: ValidationSpec,
  ) {
    specs.set(this, spec);
  }
  private get spec(): ValidationSpec {
    return specs.get(this)!;
  }
  getCriteriaType(): string {
    this.env.call('DataValidation.getCriteriaType', { cheap: true });
    return this.spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    this.env.call('DataValidation.getCriteriaValues', { cheap: true });
    return sandboxValues(this.env, this.spec);
  }
  getAllowInvalid(): boolean {
    this.env.call('DataValidation.getAllowInvalid', { cheap: true });
    return this.spec.allowInvalid;
  }
  getHelpText(): string | null {
    this.env.call('DataValidation.getHelpText', { cheap: true });
    return this.spec.helpText;
  }
  copy(): DataValidationBuilder {
    this.env.call('DataValidation.copy', { cheap: true });
    return new DataValidationBuilder(this.env, this.spec);
  }
  toString(): string {
    return 'DataValidation';
  }
}

/** SpreadsheetApp.DataValidationBuilder. Apps Script's default is to allow invalid input (warn). */
export class DataValidationBuilder {
  private spec: ValidationSpec | null;
  private allowInvalid: boolean;
  private helpText: string | null;

  constructor(
    private readonly env: Env,
    from?: ValidationSpec,
  ) {
    this.spec = from ? { ...from, values: [...from.values] } : null;
    this.allowInvalid = from?.allowInvalid ?? true;
    this.helpText = from?.helpText ?? null;
  }

  private set(name: string, criteria: CriteriaType, values: unknown[], extra: Partial<ValidationSpec> = {}): DataValidationBuilder {
    this.env.call(`DataValidationBuilder.${name}`, { cheap: true });
    this.spec = { criteria, values: values.map(hostValue), allowInvalid: this.allowInvalid, helpText: this.helpText, ...extra };
    return this;
  }

  private numbers(name: string, args: unknown[]): unknown[] {
    if (!args.every((a) => typeof a === 'number')) this.env.ctx.fail(MSG.signature(`SpreadsheetApp.DataValidationBuilder.${name}`));
    return args;
  }

  private dates(name: string, args: unknown[]): unknown[] {
    if (!args.every(isDate)) this.env.ctx.fail(MSG.signature(`SpreadsheetApp.DataValidationBuilder.${name}`));
    return args;
  }

  requireValueInList(values: unknown[], showDropdown?: boolean): DataValidationBuilder {
    if (!Array.isArray(values)) this.env.ctx.fail(MSG.signature('SpreadsheetApp.DataValidationBuilder.requireValueInList'));
    return this.set('requireValueInList', 'VALUE_IN_LIST', [values.map(String), showDropdown !== false]);
  }
  requireValueInRange(range: Range, showDropdown?: boolean): DataValidationBuilder {
    const ref = range && typeof (range as { ref?: unknown }).ref === 'function' ? range.ref() : null;
    if (!ref) this.env.ctx.fail(MSG.signature('SpreadsheetApp.DataValidationBuilder.requireValueInRange'));
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [showDropdown !== false], { range: ref });
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilder {
    const values = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.set('requireCheckbox', 'CHECKBOX', values);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', this.numbers('requireNumberBetween', [start, end]));
  }
  requireNumberNotBetween(start: number, end: number): DataValidationBuilder {
    return this.set('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', this.numbers('requireNumberNotBetween', [start, end]));
  }
  requireNumberEqualTo(n: number): DataValidationBuilder {
    return this.set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', this.numbers('requireNumberEqualTo', [n]));
  }
  requireNumberNotEqualTo(n: number): DataValidationBuilder {
    return this.set('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', this.numbers('requireNumberNotEqualTo', [n]));
  }
  requireNumberGreaterThan(n: number): DataValidationBuilder {
    return this.set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', this.numbers('requireNumberGreaterThan', [n]));
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilder {
    return this.set(
      'requireNumberGreaterThanOrEqualTo',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      this.numbers('requireNumberGreaterThanOrEqualTo', [n]),
    );
  }
  requireNumberLessThan(n: number): DataValidationBuilder {
    return this.set('requireNumberLessThan', 'NUMBER_LESS_THAN', this.numbers('requireNumberLessThan', [n]));
  }
  requireNumberLessThanOrEqualTo(n: number): DataValidationBuilder {
    return this.set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', this.numbers('requireNumberLessThanOrEqualTo', [n]));
  }
  requireDate(): DataValidationBuilder {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): DataValidationBuilder {
    return this.set('requireDateAfter', 'DATE_AFTER', this.dates('requireDateAfter', [date]));
  }
  requireDateBefore(date: Date): DataValidationBuilder {
    return this.set('requireDateBefore', 'DATE_BEFORE', this.dates('requireDateBefore', [date]));
  }
  requireDateOnOrAfter(date: Date): DataValidationBuilder {
    return this.set('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', this.dates('requireDateOnOrAfter', [date]));
  }
  requireDateOnOrBefore(date: Date): DataValidationBuilder {
    return this.set('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', this.dates('requireDateOnOrBefore', [date]));
  }
  requireDateBetween(start: Date, end: Date): DataValidationBuilder {
    return this.set('requireDateBetween', 'DATE_BETWEEN', this.dates('requireDateBetween', [start, end]));
  }
  requireDateNotBetween(start: Date, end: Date): DataValidationBuilder {
    return this.set('requireDateNotBetween', 'DATE_NOT_BETWEEN', this.dates('requireDateNotBetween', [start, end]));
  }
  requireDateEqualTo(date: Date): DataValidationBuilder {
    return this.set('requireDateEqualTo', 'DATE_EQUAL_TO', this.dates('requireDateEqualTo', [date]));
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): DataValidationBuilder {
    return this.set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  requireTextContains(text: string): DataValidationBuilder {
    return this.set('requireTextContains', 'TEXT_CONTAINS', [String(text)]);
  }
  requireTextDoesNotContain(text: string): DataValidationBuilder {
    return this.set('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }
  requireTextEqualTo(text: string): DataValidationBuilder {
    return this.set('requireTextEqualTo', 'TEXT_EQUAL_TO', [String(text)]);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this.set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [String(formula)]);
  }
  setAllowInvalid(allowInvalid: boolean): DataValidationBuilder {
    this.env.call('DataValidationBuilder.setAllowInvalid', { cheap: true });
    this.allowInvalid = Boolean(allowInvalid);
    if (this.spec) this.spec.allowInvalid = this.allowInvalid;
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this.env.call('DataValidationBuilder.setHelpText', { cheap: true });
    this.helpText = String(helpText);
    if (this.spec) this.spec.helpText = this.helpText;
    return this;
  }
  getAllowInvalid(): boolean {
    this.env.call('DataValidationBuilder.getAllowInvalid', { cheap: true });
    return this.allowInvalid;
  }
  getHelpText(): string | null {
    this.env.call('DataValidationBuilder.getHelpText', { cheap: true });
    return this.helpText;
  }
  getCriteriaType(): string | null {
    this.env.call('DataValidationBuilder.getCriteriaType', { cheap: true });
    return this.spec?.criteria ?? null;
  }
  getCriteriaValues(): unknown[] {
    this.env.call('DataValidationBuilder.getCriteriaValues', { cheap: true });
    return this.spec ? sandboxValues(this.env, this.spec) : this.env.ctx.realm.toRealm([]);
  }
  copy(): DataValidationBuilder {
    this.env.call('DataValidationBuilder.copy', { cheap: true });
    return new DataValidationBuilder(this.env, this.spec ?? undefined);
  }
  build(): DataValidation {
    this.env.call('DataValidationBuilder.build', { cheap: true });
    // Apps Script refuses a rule without criteria.
    if (!this.spec) this.env.ctx.fail('You must specify a validation criteria.');
    return this.env.validation({ ...this.spec, values: [...this.spec.values], allowInvalid: this.allowInvalid, helpText: this.helpText });
  }
  toString(): string {
    return 'DataValidationBuilder';
  }
}
