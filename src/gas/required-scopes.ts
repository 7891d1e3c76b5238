/**
 * The OAuth scopes the deployed script needs, as its manifests list them (appsscript.json
 * bound to the sheet, addon/appsscript.json for the Editor add-on); test/gas/self-check.test.ts
 * holds these lists equal to the manifests. The self-check asks Apps Script which of them
 * the user has actually granted (granular consent lets a person untick some).
 */
const COMMON = [
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
] as const;

export const BOUND_SCOPES: readonly string[] = ['https://www.googleapis.com/auth/spreadsheets.currentonly', ...COMMON];
/** The add-on opens its spreadsheet by id from a trigger outside the document: full spreadsheets scope. */
export const ADDON_SCOPES: readonly string[] = ['https://www.googleapis.com/auth/spreadsheets', ...COMMON];
