/**
 * Which OAuth scope each emulated Apps Script method needs, and the manifest's grant.
 *
 * Every emulated call is metered under one name ('SpreadsheetApp.Range.getValues',
 * 'GmailApp.search', 'Session.getEffectiveUser', ...); `requiredScopes` maps that name to
 * the scopes the method's reference page lists under "Authorization" ("Scripts that use
 * this method require authorization with one or more of the following scopes"). Any one
 * of them is enough. A name with no rule below is an emulator bug and throws, so a newly
 * emulated method has to declare its scopes here before the product can call it.
 *
 * Sources (developers.google.com/apps-script/reference/…):
 *  - spreadsheet/spreadsheet-app, spreadsheet/spreadsheet, spreadsheet/sheet, spreadsheet/range
 *    and the other Spreadsheet classes: spreadsheets.currentonly or spreadsheets.
 *    openById/openByUrl/create: spreadsheets only (currentonly covers the container and the
 *    active spreadsheet, not one opened by id).
 *  - base/ui (alert, prompt, showSidebar, showModalDialog, showModelessDialog):
 *    script.container.ui. Ui.createMenu / createAddonMenu and Menu list no scope (menus are
 *    built in onOpen under AuthMode.LIMITED / NONE).
 *  - gmail/gmail-app and the Gmail classes: https://mail.google.com/.
 *  - mail/mail-app (sendEmail, getRemainingDailyQuota): script.send_mail.
 *  - script/script-app newTrigger, getProjectTriggers, getUserTriggers, deleteTrigger and
 *    the Trigger/TriggerBuilder classes: script.scriptapp. getOAuthToken,
 *    getAuthorizationInfo, getInstallationSource, getScriptId: none.
 *  - base/session getActiveUser, getEffectiveUser: userinfo.email. getScriptTimeZone,
 *    getActiveUserLocale, getTemporaryActiveUserKey: none.
 *  - properties, lock, utilities, html, base/logger, base/blob, charts: none.
 */
export const SCOPE = {
  spreadsheetsCurrent: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  gmail: 'https://mail.google.com/',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

const NONE: readonly string[] = [];
const SHEETS = [SCOPE.spreadsheetsCurrent, SCOPE.spreadsheets] as const;

/** Per-method exceptions, checked before the per-service rules. */
const METHODS: Readonly<Record<string, readonly string[]>> = {
  'SpreadsheetApp.openById': [SCOPE.spreadsheets],
  'SpreadsheetApp.openByUrl': [SCOPE.spreadsheets],
  'SpreadsheetApp.create': [SCOPE.spreadsheets],
  'SpreadsheetApp.Ui.alert': [SCOPE.containerUi],
  'SpreadsheetApp.Ui.prompt': [SCOPE.containerUi],
  'SpreadsheetApp.Ui.showSidebar': [SCOPE.containerUi],
  'SpreadsheetApp.Ui.showModalDialog': [SCOPE.containerUi],
  'SpreadsheetApp.Ui.showModelessDialog': [SCOPE.containerUi],
  'SpreadsheetApp.Ui.createMenu': NONE,
  'SpreadsheetApp.Ui.createAddonMenu': NONE,
  'SpreadsheetApp.newDataValidation': NONE,
  'SpreadsheetApp.newConditionalFormatRule': NONE,
  'ScriptApp.getOAuthToken': NONE,
  'ScriptApp.getAuthorizationInfo': NONE,
  'ScriptApp.AuthorizationInfo.getAuthorizationStatus': NONE,
  'ScriptApp.AuthorizationInfo.getAuthorizedScopes': NONE,
  'ScriptApp.AuthorizationInfo.getAuthorizationUrl': NONE,
  'ScriptApp.getInstallationSource': NONE,
  'ScriptApp.getScriptId': NONE,
  'Session.getActiveUser': [SCOPE.email],
  'Session.getEffectiveUser': [SCOPE.email],
  'Session.getScriptTimeZone': NONE,
  'Session.getActiveUserLocale': NONE,
  'Session.getTemporaryActiveUserKey': NONE,
};

/** Per-service (or per-class) rules, longest prefix first. */
const PREFIXES: readonly (readonly [string, readonly string[]])[] = [
  ['SpreadsheetApp.Menu.', NONE],
  ['SpreadsheetApp.', SHEETS],
  ['GmailApp.', [SCOPE.gmail]],
  ['MailApp.', [SCOPE.sendMail]],
  ['ScriptApp.', [SCOPE.scriptApp]],
  ['PropertiesService.', NONE],
  ['LockService.', NONE],
  ['Utilities.', NONE],
  ['HtmlService.', NONE],
  ['Logger.', NONE],
  ['Blob.', NONE],
  ['Charts.', NONE],
];

/** The scopes that allow `method` (any one suffices); [] when it needs none. */
export function requiredScopes(method: string): readonly string[] {
  const exact = METHODS[method];
  if (exact) return exact;
  for (const [prefix, scopes] of PREFIXES) if (method.startsWith(prefix)) return scopes;
  throw new Error(`Emulator: no OAuth scope is declared for ${method} (src/local/emulator/scopes.ts).`);
}

/**
 * The name Apps Script puts in its permission error: the class and the method
 * ("Ui.showModalDialog", "GmailApp.search", "Session.getEffectiveUser").
 */
function callName(method: string): string {
  return method.split('.').slice(-2).join('.');
}

/**
 * A project's granted scopes (appsscript.json `oauthScopes`, which Apps Script then asks
 * the user for and nothing more), and which of them calls have needed so far.
 */
export class ScopeGrant {
  private readonly granted: ReadonlySet<string>;
  /** Each granted scope → the first method that needed it. */
  readonly used = new Map<string, string>();

  constructor(readonly scopes: readonly string[]) {
    this.granted = new Set(scopes);
  }

  /**
   * Apps Script's error for a call the manifest does not cover, or null when it does. The
   * wording is the one Apps Script logs when a project sets explicit `oauthScopes` that lack
   * the method's scope, e.g. "Specified permissions are not sufficient to call
   * Ui.showModalDialog. Required permissions: https://www.googleapis.com/auth/script.container.ui"
   * (seen the same way for UrlFetchApp.fetch and ScriptApp.getProjectTriggers). When a method
   * accepts several scopes the emulator lists them comma-separated; the joiner is unverified.
   */
  refuse(method: string): string | null {
    const needed = requiredScopes(method);
    if (needed.length === 0) return null;
    const ok = needed.find((s) => this.granted.has(s));
    if (ok) {
      if (!this.used.has(ok)) this.used.set(ok, method);
      return null;
    }
    return `Specified permissions are not sufficient to call ${callName(method)}. Required permissions: ${needed.join(', ')}`;
  }

  /** Granted scopes no call has needed yet. */
  unused(): string[] {
    return this.scopes.filter((s) => !this.used.has(s));
  }
}
