/**
 * A deliberately naive business calendar, independent of the engine: it reads the raw
 * JSON shape itself, asks Intl (not luxon) for the local wall time of each UTC minute,
 * and walks minute by minute. Slow and obviously right, so the fast engine is checked
 * against it.
 *
 * Every boundary in a calendar is a whole local minute and modern zones' offsets are
 * whole minutes, so open/closed is constant over each UTC minute [m, m + 60 s).
 */
export interface CalendarJson {
  id: string;
  timezone: string;
  week: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;
  holidays?: { date: string; open?: [string, string][] }[];
}

const MIN = 60_000;
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export class NaiveCalendar {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly cache = new Map<number, boolean>();

  constructor(private readonly json: CalendarJson) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: json.timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  }

  /** Is the UTC minute starting at `minuteStart` open? */
  private minuteOpen(minuteStart: number): boolean {
    const hit = this.cache.get(minuteStart);
    if (hit !== undefined) return hit;
    const parts: Record<string, string> = {};
    for (const p of this.fmt.formatToParts(new Date(minuteStart))) parts[p.type] = p.value;
    const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
    const minuteOfDay = Number(parts['hour']) * 60 + Number(parts['minute']);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const holiday = this.json.holidays?.find((h) => h.date === date);
    const intervals = holiday ? (holiday.open ?? []) : (this.json.week[DAY_KEYS[weekday]!] ?? []);
    const open = intervals.some(([a, b]) => toMinutes(a) <= minuteOfDay && minuteOfDay < toMinutes(b));
    this.cache.set(minuteStart, open);
    return open;
  }

  isOpen(t: number): boolean {
    return this.minuteOpen(Math.floor(t / MIN) * MIN);
  }

  nextOpen(t: number, limitMinutes = 60 * 24 * 60): number | null {
    if (this.isOpen(t)) return t;
    let m = Math.floor(t / MIN) * MIN + MIN;
    for (let i = 0; i < limitMinutes; i++, m += MIN) if (this.minuteOpen(m)) return m;
    return null;
  }

  due(start: number, minutes: number, limitMinutes = 60 * 24 * 60): number | null {
    if (minutes === 0) return this.nextOpen(start, limitMinutes);
    let need = minutes * MIN;
    let t = start;
    let m = Math.floor(t / MIN) * MIN;
    for (let i = 0; i < limitMinutes; i++) {
      if (this.minuteOpen(m)) {
        const avail = m + MIN - t;
        if (avail >= need) return t + need;
        need -= avail;
      }
      m += MIN;
      t = m;
    }
    return null;
  }

  elapsedMinutes(from: number, to: number): number {
    if (to <= from) return 0;
    let sum = 0;
    for (let m = Math.floor(from / MIN) * MIN; m < to; m += MIN) {
      if (!this.minuteOpen(m)) continue;
      sum += Math.min(m + MIN, to) - Math.max(m, from);
    }
    return Math.floor(sum / MIN);
  }
}
