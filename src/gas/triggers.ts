import { recordSchedule } from './pace';
import { SETTINGS } from '../register/settings/spec';
import type { LoadedSettings } from '../jobs/shared/settings';
import { settingsOf } from './settings';
import { forgetTriggerSpreadsheet, isAddOn, rememberTriggerSpreadsheet } from './document';
import { currentUser } from './installers';

/** Handlers the automation schedules; anything else in the project's triggers is left alone. */
export const SCHEDULED = ['ingestInbox', 'sweepSla', 'checkHours', 'runMonthlyBilling', 'runAutomation', 'handleEdit'] as const;

/** everyMinutes accepts exactly these. */
const MINUTE_STEPS = [1, 5, 10, 15, 30] as const;
/** everyHours accepts exactly these. */
const HOUR_STEPS = [1, 2, 4, 6, 8, 12] as const;

/** Creates the clock trigger for `minutes` (or checks it, with a dry-run builder); returns how often it runs and the trigger. */
function schedule(
  builder: GoogleAppsScript.Script.ClockTriggerBuilder,
  minutes: number,
  setting: string,
  hourlyOnly: boolean,
): { every: string; trigger: GoogleAppsScript.Script.Trigger | null } {
  if (!hourlyOnly && (MINUTE_STEPS as readonly number[]).includes(minutes)) {
    return { every: `every ${minutes} min`, trigger: builder.everyMinutes(minutes).create() };
  }
  if (minutes % 60 === 0 && (HOUR_STEPS as readonly number[]).includes(minutes / 60)) {
    return { every: `every ${minutes / 60} h`, trigger: builder.everyHours(minutes / 60).create() };
  }
  throw new Error(
    hourlyOnly
      ? `Settings → ${setting} is ${minutes}: an add-on runs at most hourly, so use 60, 120, 240, 360, 480 or 720.`
      : `Settings → ${setting} is ${minutes}: use 1, 5, 10, 15 or 30 minutes, or 60, 120, 240, 360, 480 or 720.`,
  );
}

/**
 * An interval setting, refused (not defaulted) when it cannot be read: installing triggers
 * is something a person does and watches, so a typo is said to them, not worked around.
 */
function minutesSetting(loaded: LoadedSettings, name: 'triggerIntervalMin' | 'sweepIntervalMin'): number {
  const key = SETTINGS[name].key;
  const problem = loaded.problems.find((p) => p.key === key);
  if (problem) {
    const raw = loaded.table?.rows.find((r) => r.rowNumber === problem.rowNumber)?.data.Value ?? '';
    throw new Error(`Settings → ${key} must be a whole number of minutes, not "${raw}".`);
  }
  return loaded.settings[name];
}

/**
 * Replaces this project's scheduled triggers. Bound to a sheet: one trigger per job at the
 * intervals in Settings. As an Editor add-on, Apps Script allows one clock trigger per
 * document, at most hourly, so a single `runAutomation` trigger runs every job in turn.
 * Either way the installable `handleEdit` edit trigger is added (one ON_EDIT per document).
 * Running it twice leaves the same set. Returns what is now installed.
 */
export function installScheduledTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const settings = settingsOf(ss);
  const ingestEvery = minutesSetting(settings, 'triggerIntervalMin');
  const sweepEvery = minutesSetting(settings, 'sweepIntervalMin');
  const addOn = isAddOn();
  // Check both intervals before touching anything, so a bad setting leaves the old triggers.
  if (addOn) schedule(dryRun(), ingestEvery, SETTINGS.triggerIntervalMin.key, true);
  else {
    schedule(dryRun(), ingestEvery, SETTINGS.triggerIntervalMin.key, false);
    schedule(dryRun(), sweepEvery, SETTINGS.sweepIntervalMin.key, false);
  }
  removeScheduledTriggers(ss);
  // What the pace of the scheduled runs is measured against (src/gas/pace.ts).
  recordSchedule(currentUser(), {
    ingest: ingestEvery * 60_000,
    sweep: sweepEvery * 60_000,
    hours: 3_600_000,
    automation: Math.max(60, ingestEvery) * 60_000,
  });
  // The installable edit trigger: full authorization (lock, Log), unlike the simple onEdit.
  // An add-on may have one ON_EDIT trigger per document; this is it.
  const editTrigger = () => {
    ScriptApp.newTrigger('handleEdit').forSpreadsheet(ss).onEdit().create();
    return 'handleEdit on every edit';
  };
  if (addOn) {
    // The add-on's clock trigger runs outside the document: it opens this spreadsheet by the
    // id recorded for it (src/gas/document.ts).
    const { every, trigger } = schedule(
      ScriptApp.newTrigger('runAutomation').timeBased(),
      ingestEvery,
      SETTINGS.triggerIntervalMin.key,
      true,
    );
    if (trigger) rememberTriggerSpreadsheet(trigger, ss);
    return [`runAutomation (inbox, SLA sweep, month close) ${every}`, editTrigger()];
  }
  const installed = [
    `ingestInbox ${schedule(ScriptApp.newTrigger('ingestInbox').timeBased(), ingestEvery, SETTINGS.triggerIntervalMin.key, false).every}`,
    `sweepSla ${schedule(ScriptApp.newTrigger('sweepSla').timeBased(), sweepEvery, SETTINGS.sweepIntervalMin.key, false).every}`,
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

/**
 * Deletes this user's scheduled triggers of this spreadsheet, and only those: another
 * person's triggers are theirs (and invisible here), and an add-on user's triggers in their
 * other spreadsheets belong to those (getUserTriggers(spreadsheet), not getProjectTriggers).
 * Returns how many were deleted.
 */
export function removeScheduledTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  let n = 0;
  for (const t of ScriptApp.getUserTriggers(ss)) {
    if ((SCHEDULED as readonly string[]).includes(t.getHandlerFunction())) {
      forgetTriggerSpreadsheet(t.getUniqueId());
      ScriptApp.deleteTrigger(t);
      n++;
    }
  }
  return n;
}

/** A stand-in builder that validates a schedule without creating anything. */
function dryRun(): GoogleAppsScript.Script.ClockTriggerBuilder {
  const b = { everyMinutes: () => b, everyHours: () => b, create: () => null };
  return b as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
}
