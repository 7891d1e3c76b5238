import { readSettings } from './settings';

/** Handlers the automation schedules; anything else in the project's triggers is left alone. */
export const SCHEDULED = ['ingestInbox', 'sweepSla', 'runMonthlyBilling'] as const;

/** everyMinutes accepts exactly these; an add-on may only run hourly or slower. */
const MINUTE_STEPS = [1, 5, 10, 15, 30] as const;

export interface TriggerPlan {
  readonly handler: (typeof SCHEDULED)[number];
  readonly describe: string;
}

function schedule(builder: GoogleAppsScript.Script.ClockTriggerBuilder, minutes: number, setting: string): string {
  if ((MINUTE_STEPS as readonly number[]).includes(minutes)) {
    builder.everyMinutes(minutes).create();
    return `every ${minutes} min`;
  }
  if (minutes >= 60 && minutes % 60 === 0) {
    builder.everyHours(minutes / 60).create();
    return `every ${minutes / 60} h`;
  }
  throw new Error(`Settings → ${setting} is ${minutes}: use 1, 5, 10, 15 or 30 minutes, or a whole number of hours (60, 120…).`);
}

function minutesSetting(settings: Map<string, string>, key: string, fallback: number): number {
  const raw = settings.get(key);
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Settings → ${key} must be a whole number of minutes, not "${raw}".`);
  return n;
}

/**
 * Replaces this project's scheduled triggers with one of each, at the intervals in
 * Settings. Running it twice leaves one of each. Returns what is now installed.
 */
export function installScheduledTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const settings = readSettings(ss);
  const ingestEvery = minutesSetting(settings, 'Trigger interval (min)', 5);
  const sweepEvery = minutesSetting(settings, 'Sweep interval (min)', 10);
  for (const t of ScriptApp.getProjectTriggers()) {
    if ((SCHEDULED as readonly string[]).includes(t.getHandlerFunction())) ScriptApp.deleteTrigger(t);
  }
  const installed = [
    `ingestInbox ${schedule(ScriptApp.newTrigger('ingestInbox').timeBased(), ingestEvery, 'Trigger interval (min)')}`,
    `sweepSla ${schedule(ScriptApp.newTrigger('sweepSla').timeBased(), sweepEvery, 'Sweep interval (min)')}`,
  ];
  ScriptApp.newTrigger('runMonthlyBilling').timeBased().onMonthDay(1).atHour(6).create();
  installed.push('runMonthlyBilling on day 1 of each month, 6–7 am');
  return installed;
}
