import { isKnownZone } from './zone';
import { CalendarError } from './errors';
import type { CalendarSpec } from './types';

/** Rejects unknown zones up front: luxon would otherwise make every DateTime invalid, silently. */
export function checkTimeZone(calendarId: string, zone: string): void {
  if (typeof zone !== 'string' || !isKnownZone(zone)) {
    throw new CalendarError(`calendar "${calendarId}": time zone "${String(zone)}" is not an IANA zone such as America/Denver`);
  }
}

export function checkSpec(spec: CalendarSpec): CalendarSpec {
  if (spec.id.trim() === '') throw new CalendarError('a calendar needs an id');
  checkTimeZone(spec.id, spec.timeZone);
  if (spec.week.length !== 7) throw new CalendarError(`calendar "${spec.id}": the week needs 7 days`);
  return spec;
}
