/**
 * Hours as people type them in the Hours tab or the Log time sidebar: `1.5`, `.5`, `1,5`,
 * `1:30`, `90m`, `1h 30m`, `1h30`, `2h`. Returns whole minutes, or an error message that can be shown next
 * to the cell. A number that came from a cell (Sheets stores 1.5 as a number) is hours.
 */
export type DurationResult = { ok: true; minutes: number } | { ok: false; error: string };

export function parseDuration(input: unknown): DurationResult {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, error: 'is not a number of hours' };
    return { ok: true, minutes: Math.round(input * 60) };
  }
  if (typeof input !== 'string') return { ok: false, error: 'is not a duration' };
  const s = input.trim().toLowerCase();
  if (s === '') return { ok: false, error: 'is empty' };
  let m: RegExpExecArray | null;
  if ((m = /^(\d+):([0-5]\d)$/.exec(s))) return { ok: true, minutes: Number(m[1]) * 60 + Number(m[2]) };
  // `.5` too: typed into the Hours tab Sheets reads it as 0.5, so the sidebar must as well.
  if ((m = /^(\d+(?:[.,]\d+)?|[.,]\d+)\s*(?:h|hr|hrs|hours?)?$/.exec(s))) {
    return { ok: true, minutes: Math.round(Number(m[1]!.replace(',', '.')) * 60) };
  }
  if ((m = /^(\d+)\s*(?:m|min|mins|minutes?)$/.exec(s))) return { ok: true, minutes: Number(m[1]) };
  // `1h 30m`, and `1h30` as people write it, with the minutes' unit left off.
  if ((m = /^(\d+)\s*h(?:rs?|ours?)?\s*([0-5]?\d)\s*(?:m(?:in(?:s|utes?)?)?)?$/.exec(s))) {
    return { ok: true, minutes: Math.round(Number(m[1]!.replace(',', '.')) * 60) + Number(m[2]) };
  }
  return { ok: false, error: `"${input}" is not a duration (use 1.5, 1:30 or 90m)` };
}
