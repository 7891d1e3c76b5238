import { DateTime } from 'luxon';

/**
 * The one style in which people read an instant, in the sheet and in mail:
 * `Tue 8 Sep 2026 10:00 MDT` — the local time of the zone that matters (the client's
 * calendar for SLA facts, the provider's for the Log), to the minute, with the name the
 * zone's own people use for it (MST/MDT, GMT/BST, CET/CEST, IST, AEST/AEDT).
 *
 * Always with an explicit locale: Apps Script's default locale is the script owner's, so
 * a bare toFormat() could print other words on a real account than in tests. Each
 * locale's ICU data names only "its" zones (en-US says `GMT+1` for London, en-GB says
 * `BST`), so the name comes from the first of these that has one, else the offset
 * (`GMT+9`).
 */
const NAMING_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN'] as const;
const OFFSET_ONLY = /^(GMT|UTC)[+-]/;

/** `MDT`, `BST`, `GMT`, `UTC`, or `GMT+9` where no locale names the zone. */
export function zoneAbbreviation(ms: number, zone: string): string {
  let fallback = '';
  for (const locale of NAMING_LOCALES) {
    const name = DateTime.fromMillis(ms, { zone, locale }).toFormat('ZZZZ');
    if (!OFFSET_ONLY.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

/** `Tue 8 Sep 2026 10:00 MDT` (English day and month names whatever the runtime's locale). */
export function showTime(ms: number, zone: string): string {
  const t = DateTime.fromMillis(ms, { zone, locale: 'en-US' });
  if (!t.isValid) return new Date(ms).toISOString();
  return `${t.toFormat('ccc d LLL yyyy HH:mm', { locale: 'en-US' })} ${zoneAbbreviation(ms, zone)}`;
}

/** `Tue 10:00 MDT`: within a week of context (a due-cell note counting business hours). */
export function showDayTime(ms: number, zone: string): string {
  const t = DateTime.fromMillis(ms, { zone, locale: 'en-US' });
  if (!t.isValid) return new Date(ms).toISOString();
  return `${t.toFormat('ccc HH:mm', { locale: 'en-US' })} ${zoneAbbreviation(ms, zone)}`;
}
