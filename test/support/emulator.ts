import vm from 'node:vm';
import { Emulator, WorkbookModel, type EmulatorOptions } from '../../src/local/emulator';
import { BUNDLE } from '../../src/local/bundle';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const code = readFileSync(BUNDLE, 'utf8');

/** The manifest pushed with the bundle (scripts/build.mjs copies appsscript.json beside it). */
export const MANIFEST = JSON.parse(readFileSync(path.join(path.dirname(BUNDLE), 'appsscript.json'), 'utf8')) as {
  timeZone: string;
  oauthScopes: string[];
};

/**
 * What the product's tests assume of the emulated project, and the emulator does not: the
 * script and spreadsheet zone the product is set up in, the support inbox the script runs
 * as, and a fixed day (a Monday in November 2026) so runs repeat.
 */
export const PRODUCT_DEFAULTS = {
  user: 'support@helpdesk.test',
  scriptTimeZone: 'America/Denver',
  now: Date.UTC(2026, 10, 2, 16, 0, 0),
  // Every product test runs under the deployed manifest's grant: a call it lacks fails.
  oauthScopes: MANIFEST.oauthScopes,
} as const satisfies EmulatorOptions;

/** A fresh emulator with the built bundle loaded (npm test builds it first), on a 'Support Desk' spreadsheet in the product's zone. */
export function emulator(opts: EmulatorOptions = {}): Emulator {
  const workbook =
    opts.workbook ?? new WorkbookModel({ name: 'Support Desk', timeZone: opts.scriptTimeZone ?? PRODUCT_DEFAULTS.scriptTimeZone });
  return new Emulator({ ...PRODUCT_DEFAULTS, ...opts, workbook }).load(code);
}

/** Runs a snippet inside the sandbox, as product code would, and returns its (JSON-safe) result. */
export function inSandbox<T>(em: Emulator, source: string): T {
  const json = vm.runInContext(`JSON.stringify((function () { ${source} })())`, em.realm.context) as string | undefined;
  return json === undefined ? (undefined as T) : (JSON.parse(json) as T);
}

/** Everything a user could see of the register, for before/after comparisons (a dropdown's source range as A1). */
export function snapshot(em: Emulator): unknown {
  return inSandbox(
    em,
    `
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    return ss.getSheets().map(function (sh) {
      var r = sh.getLastRow() && sh.getLastColumn() ? sh.getRange(1, 1, sh.getLastRow(), sh.getLastColumn()) : null;
      return {
        name: sh.getName(),
        frozen: sh.getFrozenRows(),
        values: r ? r.getValues() : [],
        notes: r ? r.getNotes() : [],
        formats: r ? r.getNumberFormats() : [],
        validations: r ? r.getDataValidations().map(function (row) { return row.map(function (v) { return v ? [String(v.getCriteriaType()), v.getCriteriaValues().map(function (x) { return x && typeof x.getA1Notation === 'function' ? x.getSheet().getName() + '!' + x.getA1Notation() : x; })] : null; }); }) : [],
        protections: sh.getProtections(SpreadsheetApp.ProtectionType.RANGE).map(function (p) { return [p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()]; }),
        rules: sh.getConditionalFormatRules().length,
      };
    });
  `,
  );
}
