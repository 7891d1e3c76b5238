import {
  CalendarError,
  NeverOpenError,
  calendarFromRows,
  due,
  dueBusinessDays,
  elapsedMinutes,
  explainDue,
  formatHours,
  isOpen,
  nextOpen,
  parseCalendarJson,
  parseCalendarsJson,
  parseHoursCell,
  type BusinessCalendar,
} from '../../src/core/calendar/index';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const weekdays = (hours: [string, string][]) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] });
const allWeek = (hours: [string, string][]) => ({ ...weekdays(hours), sat: hours, sun: hours });

/** The seed's Mountain Time desk: Mon–Fri 8–5, Thanksgiving and the day after, Christmas, a New Year's Eve half day. */
const mt = parseCalendarJson({
  id: 'mt',
  timezone: 'America/Denver',
  week: weekdays([['08:00', '17:00']]),
  holidays: [
    { date: '2026-09-07' },
    { date: '2026-11-26' },
    { date: '2026-11-27' },
    { date: '2026-12-25' },
    { date: '2026-12-31', open: [['08:00', '12:00']] },
    { date: '2027-01-01', open: [] },
  ],
});

/** The seed's live-chat hours for US Eastern: round the clock Mon–Thu, Friday until 20:00. */
const chatEst = parseCalendarJson({
  id: 'chat-est',
  timezone: 'America/New_York',
  week: {
    mon: [['00:00', '24:00']],
    tue: [['00:00', '24:00']],
    wed: [['00:00', '24:00']],
    thu: [['00:00', '24:00']],
    fri: [['00:00', '20:00']],
  },
});

describe('due, the issue examples', () => {
  it('4 h from Wednesday 16:10 MST over Thanksgiving lands Monday 11:10 MST', () => {
    expect(iso(due(mt, t('2026-11-25T23:10:00Z'), 240))).toBe('2026-11-30T18:10:00Z');
  });

  it('time is continuous: seconds carry through', () => {
    expect(iso(due(mt, t('2026-11-24T10:00:27-07:00'), 90))).toBe('2026-11-24T18:30:27Z');
    // 16:59:30 + 1 min → 30 s today, 30 s after the next opening.
    expect(iso(due(mt, t('2026-11-24T16:59:30-07:00'), 1))).toBe('2026-11-25T15:00:30Z');
  });

  it('a due may equal a closing time and is never rolled to the next opening', () => {
    expect(iso(due(mt, t('2026-11-24T16:00:00-07:00'), 60))).toBe('2026-11-25T00:00:00Z');
    expect(iso(due(mt, t('2026-11-24T08:00:00-07:00'), 9 * 60))).toBe('2026-11-25T00:00:00Z');
  });

  it('due(s, 0) is nextOpen(s); after hours it is the next opening', () => {
    expect(iso(due(mt, t('2026-11-24T18:00:00-07:00'), 0))).toBe('2026-11-25T15:00:00Z');
    expect(iso(due(mt, t('2026-11-24T12:00:00-07:00'), 0))).toBe('2026-11-24T19:00:00Z');
  });

  it('a ticket arriving Friday evening before a Monday holiday starts Tuesday', () => {
    const friday = t('2026-09-04T18:30:00-06:00');
    expect(iso(nextOpen(mt, friday))).toBe('2026-09-08T14:00:00Z');
    expect(iso(due(mt, friday, 240))).toBe('2026-09-08T18:00:00Z');
  });

  it('a half day counts only its hours', () => {
    // Thu 31 Dec 10:00 + 4 h: 2 h on the half day, New Year's Day and the weekend closed, 2 h Monday.
    expect(iso(due(mt, t('2026-12-31T10:00:00-07:00'), 240))).toBe('2027-01-04T17:00:00Z');
    expect(isOpen(mt, t('2026-12-31T12:00:00-07:00'))).toBe(false);
    expect(isOpen(mt, t('2026-12-31T11:59:59-07:00'))).toBe(true);
  });

  it('24:00 followed by the next day 00:00 is one continuous stretch', () => {
    expect(iso(due(chatEst, t('2026-11-26T23:30:00-05:00'), 60))).toBe('2026-11-27T05:30:00Z');
    // Friday closes at 20:00; the weekend is closed; Monday opens at midnight.
    expect(iso(due(chatEst, t('2026-11-27T19:30:00-05:00'), 60))).toBe('2026-11-30T05:30:00Z');
  });

  it('skips far ahead and far into the future without walking', () => {
    const start = t('2090-06-01T12:00:00Z');
    const tenYears = 10 * 52 * 5 * 9 * 60;
    const d = due(mt, start, tenYears);
    expect(elapsedMinutes(mt, start, d)).toBe(tenYears);
    expect(d).toBeGreaterThan(t('2100-01-01T00:00:00Z'));
  });
});

describe('boundaries', () => {
  it('[start, end): 17:00:00 is closed, 16:59:59 and 08:00:00 are open', () => {
    expect(isOpen(mt, t('2026-11-24T17:00:00-07:00'))).toBe(false);
    expect(isOpen(mt, t('2026-11-24T16:59:59-07:00'))).toBe(true);
    expect(isOpen(mt, t('2026-11-24T08:00:00-07:00'))).toBe(true);
    expect(isOpen(mt, t('2026-11-24T07:59:59-07:00'))).toBe(false);
  });

  it('holidays are closed all day and decided by the local date', () => {
    expect(isOpen(mt, t('2026-11-26T12:00:00-07:00'))).toBe(false);
    // 2026-11-26T02:00Z is still Wednesday evening in Denver, and closed for the evening, not the holiday.
    expect(iso(nextOpen(mt, t('2026-11-26T02:00:00Z')))).toBe('2026-11-30T15:00:00Z');
  });

  it('nextOpen returns the instant itself when open', () => {
    const at = t('2026-11-24T09:15:42-07:00');
    expect(nextOpen(mt, at)).toBe(at);
  });

  it('elapsed floors to whole minutes and is 0 for empty or reversed ranges', () => {
    expect(elapsedMinutes(mt, t('2026-11-24T09:00:00-07:00'), t('2026-11-24T10:10:25-07:00'))).toBe(70);
    expect(elapsedMinutes(mt, t('2026-11-24T10:00:00-07:00'), t('2026-11-24T09:00:00-07:00'))).toBe(0);
    expect(elapsedMinutes(mt, t('2026-11-24T10:00:00-07:00'), t('2026-11-24T10:00:00-07:00'))).toBe(0);
    // Wednesday 16:00 → Monday 09:00 across the holidays: 60 + 60.
    expect(elapsedMinutes(mt, t('2026-11-25T16:00:00-07:00'), t('2026-11-30T09:00:00-07:00'))).toBe(120);
  });
});

describe('DST', () => {
  const always = (zone: string) => parseCalendarJson({ id: 'always', timezone: zone, week: allWeek([['00:00', '24:00']]) });

  it('a 24-hour calendar has 1,500 open minutes on fall-back day and 1,380 on spring-forward day', () => {
    const den = always('America/Denver');
    expect(elapsedMinutes(den, t('2026-11-01T00:00:00-06:00'), t('2026-11-02T00:00:00-07:00'))).toBe(1500);
    expect(elapsedMinutes(den, t('2026-03-08T00:00:00-07:00'), t('2026-03-09T00:00:00-06:00'))).toBe(1380);
    const syd = always('Australia/Sydney');
    expect(elapsedMinutes(syd, t('2026-04-05T00:00:00+11:00'), t('2026-04-06T00:00:00+10:00'))).toBe(1500);
    expect(elapsedMinutes(syd, t('2026-10-04T00:00:00+10:00'), t('2026-10-05T00:00:00+11:00'))).toBe(1380);
  });

  it('keeps the part of an interval that exists: Berlin 02:45–03:15 on 29 Mar 2026 is open 03:00–03:15', () => {
    const be = parseCalendarJson({ id: 'be', timezone: 'Europe/Berlin', week: { sun: [['02:45', '03:15']] } });
    expect(elapsedMinutes(be, t('2026-03-29T00:00:00+01:00'), t('2026-03-30T00:00:00+02:00'))).toBe(15);
    expect(iso(nextOpen(be, t('2026-03-28T12:00:00Z')))).toBe('2026-03-29T01:00:00Z');
    expect(iso(due(be, t('2026-03-28T12:00:00Z'), 15))).toBe('2026-03-29T01:15:00Z');
  });

  it('counts a repeated local hour each time it occurs', () => {
    const den = parseCalendarJson({ id: 'den', timezone: 'America/Denver', week: { sun: [['01:00', '02:00']] } });
    // 01:00–02:00 happens twice on 1 Nov 2026: 07:00–08:00Z (MDT) and 08:00–09:00Z (MST).
    expect(elapsedMinutes(den, t('2026-11-01T00:00:00Z'), t('2026-11-02T00:00:00Z'))).toBe(120);
    expect(iso(due(den, t('2026-11-01T00:00:00Z'), 90))).toBe('2026-11-01T08:30:00Z');
  });
});

describe('business days', () => {
  it('keeps the position in the working day, skipping holidays and weekends', () => {
    expect(iso(dueBusinessDays(mt, t('2026-11-25T16:10:00-07:00'), 2))).toBe('2026-12-01T23:10:00Z');
  });

  it('received after hours on Friday, 1 business day ends at the next business day close', () => {
    expect(iso(dueBusinessDays(mt, t('2026-09-04T18:30:00-06:00'), 1))).toBe('2026-09-08T23:00:00Z');
  });

  it('a shorter (half) day caps the position at its close', () => {
    expect(iso(dueBusinessDays(mt, t('2026-12-30T15:00:00-07:00'), 1))).toBe('2026-12-31T19:00:00Z');
  });
});

describe('calendars with no open time', () => {
  const closed = parseCalendarJson({ id: 'closed', timezone: 'UTC', week: {} });
  const eventOnly = parseCalendarJson({
    id: 'event',
    timezone: 'UTC',
    week: {},
    holidays: [{ date: '2026-05-01', open: [['09:00', '10:00']] }],
  });

  it('due and nextOpen throw NeverOpenError instead of looping', () => {
    expect(() => due(closed, t('2026-01-01T00:00:00Z'), 10)).toThrow(NeverOpenError);
    expect(() => nextOpen(closed, t('2026-01-01T00:00:00Z'))).toThrow(/no open hours/);
    expect(isOpen(closed, t('2026-01-01T00:00:00Z'))).toBe(false);
    expect(elapsedMinutes(closed, t('2026-01-01T00:00:00Z'), t('2027-01-01T00:00:00Z'))).toBe(0);
  });

  it('answers up to the end of year 9999 and fails fast beyond it, however large the target', () => {
    const allDay = parseCalendarJson({ id: 'all', timezone: 'UTC', week: allWeek([['00:00', '24:00']]) });
    expect(iso(due(allDay, t('9999-12-31T22:00:00Z'), 119))).toBe('9999-12-31T23:59:00Z');
    expect(() => due(allDay, t('9999-12-31T22:00:00Z'), 120)).toThrow(/after 9999-12-31/);
    // Used to walk 4-week chunks towards year 275,000, compiling each, until memory ran out.
    const started = Date.now();
    expect(() => due(mt, t('2026-11-25T23:10:00Z'), 1e300)).toThrow(/after 9999-12-31/);
    expect(() => due(mt, t('2026-11-25T23:10:00Z'), 2 ** 53)).toThrow(CalendarError);
    expect(Date.now() - started).toBeLessThan(1000);
    // Friday 31 Dec 9999 after hours: the next opening is in year 10000.
    const office = parseCalendarJson({ id: 'office', timezone: 'UTC', week: weekdays([['09:00', '17:00']]) });
    expect(iso(nextOpen(office, t('9999-12-31T16:00:00Z')))).toBe('9999-12-31T16:00:00Z');
    expect(() => nextOpen(office, t('9999-12-31T18:00:00Z'))).toThrow(/after 9999-12-31/);
    expect(() => isOpen(mt, t('9999-12-31T23:59:59Z') + 1000)).toThrow(/outside the years 0000–9999/);
  });

  it('holiday hours alone still open the calendar until they are used up', () => {
    expect(iso(due(eventOnly, t('2026-01-01T00:00:00Z'), 30))).toBe('2026-05-01T09:30:00Z');
    expect(() => due(eventOnly, t('2026-01-01T00:00:00Z'), 61)).toThrow(NeverOpenError);
  });
});

describe('parsing', () => {
  it('reads cells: intervals, lists, closed, 24h, blank', () => {
    const ctx = { calendarId: 'c', day: 'Mon' };
    expect(formatHours(parseHoursCell('08:00-17:00', ctx))).toBe('08:00-17:00');
    expect(formatHours(parseHoursCell('09:00-12:00, 13:00-18:00', ctx))).toBe('09:00-12:00, 13:00-18:00');
    expect(formatHours(parseHoursCell(' Closed ', ctx))).toBe('closed');
    expect(formatHours(parseHoursCell('', ctx))).toBe('closed');
    expect(formatHours(parseHoursCell('24h', ctx))).toBe('00:00-24:00');
    expect(formatHours(parseHoursCell('09:00–12:00', ctx))).toBe('09:00-12:00');
  });

  it('merges overlapping and touching intervals', () => {
    const ctx = { calendarId: 'c', day: 'Mon' };
    expect(formatHours(parseHoursCell('13:00-14:00, 09:00-12:00, 11:00-13:00', ctx))).toBe('09:00-14:00');
  });

  it.each([
    ['08:00-25:00', /calendar "c", Mon: "08:00-25:00": end is not a time/],
    ['17:00-08:00', /Mon: "17:00-08:00": start must be before end/],
    ['24:00-24:00', /24:00 can only end an interval/],
    ['8:00-17:00', /Mon: "8:00-17:00"/],
    ['nine to five', /"nine to five"/],
    ['09:00-12:00,', /"09:00-12:00,"/],
  ])('rejects the cell %s naming calendar, day and text', (cell, message) => {
    expect(() => parseHoursCell(cell, { calendarId: 'c', day: 'Mon' })).toThrow(message);
  });

  it('rejects malformed JSON calendars with the calendar, the day and the text', () => {
    const base = { id: 'j', timezone: 'America/Denver' };
    expect(() => parseCalendarJson({ ...base, week: { mon: [['08:00', '24:30']] } })).toThrow(/calendar "j", Mon: .*"24:30"/);
    expect(() => parseCalendarJson({ ...base, week: { mon: [['08:00']] } })).toThrow(/calendar "j", Mon/);
    expect(() => parseCalendarJson({ ...base, week: { monday: [] } })).toThrow(/"monday" is not a weekday/);
    expect(() => parseCalendarJson({ ...base, week: {}, holidays: [{ date: '2026-02-30' }] })).toThrow(/"2026-02-30": not a date/);
    expect(() => parseCalendarJson({ ...base, week: {}, holidays: [{ date: '2026-12-25' }, { date: '2026-12-25', open: [] }] })).toThrow(
      /calendar "j", 2026-12-25: .*duplicate holiday date/,
    );
    expect(() => parseCalendarJson({ ...base, week: {}, holidays: [{ date: '2026-12-31', open: [['12:00', '08:00']] }] })).toThrow(
      /calendar "j", 2026-12-31: .*start must be before end/,
    );
    expect(() => parseCalendarJson({ id: 'z', timezone: 'Mars/Olympus', week: {} })).toThrow(/calendar "z": time zone "Mars\/Olympus"/);
    expect(() => parseCalendarJson({ timezone: 'UTC', week: {} })).toThrow(CalendarError);
    expect(() => parseCalendarsJson([base, base].map((b) => ({ ...b, week: {} })))).toThrow(/defined twice/);
  });

  it('rejects misspelt fields rather than ignoring them', () => {
    const base = { id: 'j', timezone: 'America/Denver', week: weekdays([['08:00', '17:00']]) };
    // Ignored, `holiday` would drop every holiday and a holiday's `opn` would close the day.
    expect(() => parseCalendarJson({ ...base, holiday: [{ date: '2026-12-25' }] })).toThrow(/calendar "j": unknown field "holiday"/);
    expect(() => parseCalendarJson({ ...base, holidays: [{ date: '2026-12-31', opn: [['08:00', '12:00']] }] })).toThrow(
      /calendar "j", 2026-12-31: .*"opn".*: unknown field "opn"/,
    );
    // A name is a label for people and is allowed on both.
    const named = parseCalendarJson({ ...base, name: 'Mountain', holidays: [{ date: '2026-12-25', name: 'Christmas' }] });
    expect(isOpen(named, t('2026-12-25T10:00:00-07:00'))).toBe(false);
  });

  it('a holiday may open a normally closed day', () => {
    const cal = parseCalendarJson({
      id: 'sat',
      timezone: 'UTC',
      week: weekdays([['09:00', '17:00']]),
      holidays: [{ date: '2026-11-28', open: [['10:00', '12:00']] }],
    });
    expect(isOpen(cal, t('2026-11-28T11:00:00Z'))).toBe(true);
    expect(isOpen(cal, t('2026-11-29T11:00:00Z'))).toBe(false);
  });

  it('rows from the Calendars and Holidays tabs give the same calendar as JSON', () => {
    const fromRows: BusinessCalendar = calendarFromRows(
      {
        id: 'mt',
        timeZone: 'America/Denver',
        mon: '08:00-17:00',
        tue: '08:00-17:00',
        wed: '08:00-17:00',
        thu: '08:00-17:00',
        fri: '08:00-17:00',
        sat: 'closed',
        sun: '',
      },
      [
        { date: '2026-09-07', open: '' },
        { date: '2026-11-26', open: '' },
        { date: '2026-11-27' },
        { date: '2026-12-25', open: 'closed' },
        { date: '2026-12-31', open: '08:00-12:00' },
        { date: '2027-01-01', open: '' },
      ],
    );
    for (const start of ['2026-11-25T23:10:00Z', '2026-12-31T17:00:00Z', '2026-09-04T23:00:00Z']) {
      expect(due(fromRows, t(start), 600)).toBe(due(mt, t(start), 600));
    }
    expect(() => calendarFromRows({ id: 'x', timeZone: 'UTC', tue: '9-5' }, [])).toThrow(/calendar "x", Tue: "9-5"/);
    expect(() => calendarFromRows({ id: 'x', timeZone: 'UTC' }, [{ date: '2026-01-01' }, { date: '2026-01-01' }])).toThrow(/duplicate/);
  });
});

describe('explainDue', () => {
  it('explains the issue example in one line', () => {
    expect(explainDue(mt, t('2026-11-25T23:10:00Z'), 240)).toBe(
      '4 h: 0.8 h Wed 25 Nov + holidays Thu–Fri + weekend + 3.2 h Mon 30 Nov → Mon 11:10 MST',
    );
  });

  it('names single holidays, half days and closed weekdays', () => {
    expect(explainDue(mt, t('2026-09-04T18:30:00-06:00'), 240)).toBe('4 h: weekend + holiday Mon 7 Sep + 4 h Tue 8 Sep → Tue 12:00 MDT');
    expect(explainDue(mt, t('2026-12-31T10:00:00-07:00'), 240)).toBe(
      '4 h: 2 h Thu 31 Dec (holiday hours) + holiday Fri 1 Jan + weekend + 2 h Mon 4 Jan → Mon 10:00 MST',
    );
    const tueThu = parseCalendarJson({
      id: 'pool',
      timezone: 'America/Denver',
      week: { tue: [['09:00', '17:00']], thu: [['09:00', '17:00']] },
    });
    expect(explainDue(tueThu, t('2026-11-24T13:00:00-07:00'), 360)).toBe(
      '6 h: 4 h Tue 24 Nov + closed Wed 25 Nov + 2 h Thu 26 Nov → Thu 11:00 MST',
    );
  });
});
