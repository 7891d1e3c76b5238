import type { IsoDay } from '../hours/month';
import { plusBusinessDays } from './days';

/**
 * The kick-off call of a new client (Ascent360 onboarding: "Client Kick-Off call — 1 to 2
 * days after client contract signature"): due between the first and the last of those
 * business days of the provider's calendar; Missed after that with no kick-off logged.
 */
export interface KickoffWindow {
  readonly from: IsoDay;
  readonly by: IsoDay;
}

export type KickoffState = 'Done' | 'Due' | 'Missed';

export function kickoffWindow(
  signed: IsoDay,
  days: { readonly from: number; readonly to: number },
  isBusinessDay: (d: IsoDay) => boolean,
): KickoffWindow {
  return { from: plusBusinessDays(signed, days.from, isBusinessDay), by: plusBusinessDays(signed, days.to, isBusinessDay) };
}

export function kickoffState(window: KickoffWindow, held: IsoDay | null, today: IsoDay): KickoffState {
  if (held) return 'Done';
  return today > window.by ? 'Missed' : 'Due';
}
