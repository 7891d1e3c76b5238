import { readSettings } from './settings';

/** Handlers the automation schedules; anything else in the project's triggers is left alone. */
export const SCHEDULED = ['ingestInbox', 'sweepSla', 'checkHours', 'runMonthlyBilling', 'runAutomation', 'handleEdit'] as const;

/** everyMinutes accepts exactly these. */
const MINUTE_STEPS = [1, 5, 10, 15, 30] as const;
/** everyHours accepts exactly these. */
const HOUR_STEPS = [1, 2, 4, 6, 8, 12] as const;

function schedule(builder: GoogleAppsScript.Script.ClockTriggerBuilder, minutes: number, setting: string, hourlyOnly: boolean): string {
  if (!hourlyOnly && (MINUTE_STEPS as readonly number[]).includes(minutes)) {
    builder.everyMinutes(minutes).create();
    return `every ${minutes} min`;
  }
  if (minutes % 60 === 0 && (HOUR_STEPS as readonly number[]).includes(minutes / 60)) {
    builder.everyHours(minutes / 60).create();
    return `every ${minutes / 60} h`;
  }
  throw new Error(
    hourlyOnly
      ? `Settings → ${setting} is ${minutes}: an add-on runs at most hourly, so use 60, 120, 240, 360, 480 or 720.`
      : `Settings → ${setting} is ${minutes}: use 1, 5, 10, 15 or 30 minutes, or 60, 120, 240, 360, 480 or 720.`,
  );
}

function minutesSetting(settings: Map<string, string>, key: string, fallback: number): number {
  const raw = settings.get(key);
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Settings → ${key} must be a whole number of minutes, not "${raw}".`);
  return n;
}

const isAddOn = () => ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;

/**
 * Replaces this project's scheduled triggers. Bound to a sheet: one trigger per job at the
 * intervals in Settings. As an Editor add-on, Apps Script allows one clock trigger per
 * document, at most hourly, so a single `runAutomation` trigger runs every job in turn.
 * Either way the installable `handleEdit` edit trigger is added (one ON_EDIT per document).
 * Running it twice leaves the same set. Returns what is now installed.
 */
export function installScheduledTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const settings = readSettings(ss);
  const ingestEvery = minutesSetting(settings, 'Trigger interval (min)', 5);
  const sweepEvery = minutesSetting(settings, 'Sweep interval (min)', 10);
  const addOn = isAddOn();
  // Check both intervals before touching anything, so a bad setting leaves the old triggers.
  if (addOn) schedule(dryRun(), ingestEvery, 'Trigger interval (min)', true);
  else {
    schedule(dryRun(), ingestEvery, 'Trigger interval (min)', false);
    schedule(dryRun(), sweepEvery, 'Sweep interval (min)', false);
  }
  for (const t of ScriptApp.getProjectTriggers()) {
    if ((SCHEDULED as readonly string[]).includes(t.getHandlerFunction())) ScriptApp.deleteTrigger(t);
  }
  // The installable edit trigger: full authorization (lock, Log), unlike the simple onEdit.
  // An add-on may have one ON_EDIT trigger per document; this is it.
  const editTrigger = () => {
    ScriptApp.newTrigger('handleEdit').forSpreadsheet(ss).onEdit().create();
    return 'handleEdit on every edit';
  };
  if (addOn) {
    return [`runAutomation (inbox, SLA sweep, month close) ${schedule(ScriptApp.newTrigger('runAutomation').timeBased(), ingestEvery, 'Trigger interval (min)', true)}`, editTrigger()];
  }
  const installed = [
    `ingestInbox ${schedule(ScriptApp.newTrigger('ingestInbox').timeBased(), ingestEvery, 'Trigger interval (min)', false)}`,
    `sweepSla ${schedule(ScriptApp.newTrigger('sweepSla').timeBased(), sweepEvery, 'Sweep interval (min)', false)}`,
  ];
  // Usage alerts (80% / 100% of contracted hours) should reach the CSM the hour hours
  // cross the line, not at month end.
  ScriptApp.newTrigger('checkHours').timeBased().everyHours(1).create();
  installed.push('checkHours every hour (hour checks and usage alerts)');
  ScriptApp.newTrigger('runMonthlyBilling').timeBased().onMonthDay(1).atHour(6).create();
  installed.push('runMonthlyBilling on day 1 of each month, 6–7 am');
  installed.push(editTrigger());
  return installed;
}

/** A stand-in builder that validates a schedule without creating anything. */
function dryRun(): GoogleAppsScript.Script.ClockTriggerBuilder {
  const b = { everyMinutes: () => b, everyHours: () => b, create: () => null };
  return b as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
}
