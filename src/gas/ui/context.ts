/** The spreadsheet a sidebar call acts for (the same lookup as every job). */
export { activeSpreadsheet } from '../ports';

/**
 * Who is at the sheet. getActiveUser() is blank for a consumer account using someone
 * else's script, so fall back to the account the script runs as.
 */
export function currentPerson(): string {
  const active = Session.getActiveUser().getEmail();
  return (active || Session.getEffectiveUser().getEmail()).toLowerCase();
}
