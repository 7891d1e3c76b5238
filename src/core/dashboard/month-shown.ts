import { addMonths, type IsoDay, monthOfDay, parseMonth, type YearMonth } from '../hours/month';

/** Days into a month during which the Dashboard keeps showing the month just closed. */
export const CLOSED_MONTH_SHOWN_DAYS = 7;

export interface MonthShown {
  readonly month: YearMonth;
  /** Why this month, in words for the cell beside the picker. */
  readonly why: string;
  /** The picker held something that is not a month: said beside it, and the automatic month is shown. */
  readonly problem: string | null;
}

/**
 * Which month the Dashboard's hours and attainment follow. A month typed in the picker
 * wins. Otherwise the current month — except in the first week after a month was closed
 * (its billing tab exists), when people are still reading the month just billed, not a
 * new month of zeros.
 */
export function monthShown(today: IsoDay, picked: string, isClosed: (m: YearMonth) => boolean): MonthShown {
  const current = monthOfDay(today);
  const previous = addMonths(current, -1);
  const auto =
    Number(today.slice(8, 10)) <= CLOSED_MONTH_SHOWN_DAYS && isClosed(previous)
      ? {
          month: previous,
          why: `automatic: ${previous} was closed; the current month ${current} is shown from day ${CLOSED_MONTH_SHOWN_DAYS + 1}`,
        }
      : { month: current, why: 'automatic: the current month' };
  const text = picked.trim();
  if (text === '') return { ...auto, problem: null };
  const m = parseMonth(text);
  if (m === null) return { ...auto, problem: `"${text}" is not a month (type YYYY-MM, or clear the cell): ${auto.why}` };
  return { month: m, why: 'typed in the picker: clear the cell to follow the current month', problem: null };
}
