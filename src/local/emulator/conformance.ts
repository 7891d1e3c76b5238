/**
 * The emulated services checked against @types/google-apps-script, so a signature that
 * drifts from the real one is a type error (`npm run typecheck`). Type-only: nothing here
 * runs.
 *
 * For every method an emulated class shares by name with the real class, the real call
 * must be accepted (the emulated parameters are as wide or wider; many are `unknown`
 * because the emulator checks arguments at run time, as Apps Script does) and a primitive
 * result must be the real one. A result that is another service object is checked by that
 * class's own line here. Methods the emulator does not have are not listed: the emulator
 * is partial (README.md says what it covers).
 */
import type { GmailApp } from './gmail/gmail-app';
import type { GmailAttachment } from './gmail/attachment';
import type { GmailDraft } from './gmail/draft';
import type { GmailLabel } from './gmail/label';
import type { GmailMessage } from './gmail/message';
import type { GmailThread } from './gmail/thread';
import type { MailApp } from './gmail/mail-app';
import type { SpreadsheetApp } from './spreadsheet/app';
import type { Spreadsheet } from './spreadsheet/spreadsheet';
import type { Sheet } from './spreadsheet/sheet';
import type { Range } from './spreadsheet/range';
import type { DataValidation, DataValidationBuilder } from './spreadsheet/data-validation';
import type { BooleanCondition, ConditionalFormatRule, ConditionalFormatRuleBuilder } from './spreadsheet/conditional-format';
import type { Protection } from './spreadsheet/protection';
import type { Menu, PromptResponse, Ui } from './spreadsheet/ui';
import type { EmbeddedChart, EmbeddedChartBuilder } from './spreadsheet/charts';
import type { HtmlOutput, createHtmlService } from './services/html';
import type { createLockService } from './services/lock';
import type { createPropertiesService } from './services/properties';
import type { createScriptApp } from './services/script-app';
import type { createSession } from './services/session';
import type { createUtilities } from './services/utilities';

type Fn = (...args: any[]) => any;
type Primitive = string | number | boolean | null | undefined;
/**
 * What an emulated result must be: the real primitive; for a number, a number or a string
 * (the typings declare Apps Script enums as numeric enums; the emulator's enum values are
 * their names, see README.md); anything for an object (checked on its own line).
 */
type Result<R> = [R] extends [string | boolean | null | undefined] ? R : [R] extends [number] ? number | string : unknown;
/** The real arguments the emulated method must accept: primitives and arrays of them; a service object as `never` (the emulated method takes the emulator's own objects). */
type Arg<A> = [A] extends [Primitive] ? A : [A] extends [readonly (infer E)[]] ? ([E] extends [Primitive] ? A : never) : never;
type Args<P extends readonly unknown[]> = { [I in keyof P]: Arg<P[I]> };

/** The names of the methods `Ours` shares with `Real` whose signature does not fit it (never when all fit). */
export type Drift<Ours, Real> = {
  [K in keyof Ours & keyof Real]: Real[K] extends Fn
    ? Ours[K] extends Fn
      ? ((...args: Args<Parameters<Real[K]>>) => Result<ReturnType<Real[K]>>) extends never
        ? never
        : Ours[K] extends (...args: Args<Parameters<Real[K]>>) => Result<ReturnType<Real[K]>>
          ? never
          : K
      : K
    : never;
}[keyof Ours & keyof Real];

/** Compiles only when its argument is `never`: `Mirrors<Drift<…>>` names the methods that drifted. */
type Mirrors<T extends never> = T;

export type Checked = [
  Mirrors<Drift<GmailApp, GoogleAppsScript.Gmail.GmailApp>>,
  Mirrors<Drift<GmailThread, GoogleAppsScript.Gmail.GmailThread>>,
  Mirrors<Drift<GmailMessage, GoogleAppsScript.Gmail.GmailMessage>>,
  Mirrors<Drift<GmailLabel, GoogleAppsScript.Gmail.GmailLabel>>,
  Mirrors<Drift<GmailDraft, GoogleAppsScript.Gmail.GmailDraft>>,
  Mirrors<Drift<GmailAttachment, GoogleAppsScript.Gmail.GmailAttachment>>,
  Mirrors<Drift<MailApp, GoogleAppsScript.Mail.MailApp>>,
  Mirrors<Drift<SpreadsheetApp, GoogleAppsScript.Spreadsheet.SpreadsheetApp>>,
  Mirrors<Drift<Spreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>>,
  Mirrors<Drift<Sheet, GoogleAppsScript.Spreadsheet.Sheet>>,
  Mirrors<Drift<Range, GoogleAppsScript.Spreadsheet.Range>>,
  // Known differences, each one on purpose:
  // - getHelpText() is null when no help text is set, as Apps Script documents it (the typings say string);
  // - a builder's / condition's getCriteriaType() is null before a criterion is chosen.
  Mirrors<Exclude<Drift<DataValidation, GoogleAppsScript.Spreadsheet.DataValidation>, 'getHelpText'>>,
  Mirrors<Exclude<Drift<DataValidationBuilder, GoogleAppsScript.Spreadsheet.DataValidationBuilder>, 'getHelpText' | 'getCriteriaType'>>,
  Mirrors<Exclude<Drift<BooleanCondition, GoogleAppsScript.Spreadsheet.BooleanCondition>, 'getCriteriaType'>>,
  Mirrors<Drift<ConditionalFormatRule, GoogleAppsScript.Spreadsheet.ConditionalFormatRule>>,
  // whenDateAfter/whenDateBefore take a Date only: relative dates (RelativeDate) are not emulated.
  Mirrors<
    Exclude<
      Drift<ConditionalFormatRuleBuilder, GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder>,
      'whenDateAfter' | 'whenDateBefore'
    >
  >,
  Mirrors<Drift<Protection, GoogleAppsScript.Spreadsheet.Protection>>,
  Mirrors<Drift<EmbeddedChart, GoogleAppsScript.Spreadsheet.EmbeddedChart>>,
  // getChartType() is null before setChartType (the typings say a ChartType).
  Mirrors<Exclude<Drift<EmbeddedChartBuilder, GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>, 'getChartType'>>,
  Mirrors<Drift<Ui, GoogleAppsScript.Base.Ui>>,
  Mirrors<Drift<Menu, GoogleAppsScript.Base.Menu>>,
  Mirrors<Drift<PromptResponse, GoogleAppsScript.Base.PromptResponse>>,
  // getFaviconUrl() is null before setFaviconUrl (the typings say string).
  Mirrors<Exclude<Drift<HtmlOutput, GoogleAppsScript.HTML.HtmlOutput>, 'getFaviconUrl'>>,
  Mirrors<Drift<ReturnType<typeof createHtmlService>, GoogleAppsScript.HTML.HtmlService>>,
  Mirrors<Drift<ReturnType<typeof createLockService>, GoogleAppsScript.Lock.LockService>>,
  Mirrors<Drift<ReturnType<typeof createPropertiesService>, GoogleAppsScript.Properties.PropertiesService>>,
  Mirrors<Drift<ReturnType<typeof createScriptApp>, GoogleAppsScript.Script.ScriptApp>>,
  Mirrors<Drift<ReturnType<typeof createSession>, GoogleAppsScript.Base.Session>>,
  Mirrors<Drift<ReturnType<typeof createUtilities>, GoogleAppsScript.Utilities.Utilities>>,
];
