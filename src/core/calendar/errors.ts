/**
 * Everything the calendar code rejects is a CalendarError, so callers that report bad
 * rows (the jobs, the CLI) can catch one type and show the message as is: it names the
 * calendar, the day and the offending text.
 */
export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

/**
 * Thrown by `due`, `nextOpen` and friends when the calendar has no open time at or after
 * the instant asked about (no weekly hours and no later holiday hours). Throwing rather
 * than returning null keeps the hot path's return type a plain number; the SLA code
 * turns it into a row problem.
 */
export class NeverOpenError extends CalendarError {
  constructor(calendarId: string) {
    super(`calendar "${calendarId}" has no open hours from that time on`);
    this.name = 'NeverOpenError';
  }
}
