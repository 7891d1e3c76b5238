import { DateTime } from 'luxon';
import type { PauseInterval } from '../../core/sla/index';

/**
 * The Paused cell of a ticket: its Waiting-on-customer intervals, where people can see
 * them, in the spreadsheet's zone with the offset so they read back exactly:
 *   2026-11-03T08:00-07:00 → 2026-11-04T09:30-07:00; 2026-11-05T10:00-07:00 →
 * An interval with nothing after the arrow is still open.
 */
const ARROW = '→';

export class PausedCellError extends Error {}

export function parsePaused(cell: string): PauseInterval[] {
  const text = cell.trim();
  if (text === '') return [];
  return text.split(';').map((part) => {
    const [a, b, extra] = part.split(ARROW).map((s) => s.trim());
    if (a === undefined || b === undefined || extra !== undefined) throw new PausedCellError(`Paused: "${part.trim()}" is not "from → to"`);
    const from = Date.parse(a);
    const to = b === '' ? null : Date.parse(b);
    if (Number.isNaN(from) || (to !== null && Number.isNaN(to)))
      throw new PausedCellError(`Paused: "${part.trim()}" has a time that is not ISO (2026-11-03T08:00-07:00)`);
    if (to !== null && to < from) throw new PausedCellError(`Paused: "${part.trim()}" ends before it starts`);
    return { from, to };
  });
}

const show = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toISO({
    suppressMilliseconds: true,
    suppressSeconds: new Date(ms).getUTCSeconds() === 0,
    includeOffset: true,
  }) ?? new Date(ms).toISOString();

export function formatPaused(pauses: readonly PauseInterval[], zone: string): string {
  return pauses.map((p) => `${show(p.from, zone)} ${ARROW}${p.to === null ? '' : ` ${show(p.to, zone)}`}`).join('; ');
}
