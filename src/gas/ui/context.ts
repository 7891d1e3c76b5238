/** The spreadsheet and person a sidebar call acts for. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Support Desk runs inside its spreadsheet: open the sheet and use the Support Desk menu.');
  return ss;
}

/**
 * Who is at the sheet. getActiveUser() is blank for a consumer account using someone
 * else's script, so fall back to the account the script runs as.
 */
export function currentPerson(): string {
  const active = Session.getActiveUser().getEmail();
  return (active || Session.getEffectiveUser().getEmail()).toLowerCase();
}
