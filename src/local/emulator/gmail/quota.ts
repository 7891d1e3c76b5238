import { DateTime } from 'luxon';

/**
 * The daily email-recipient quota. Google documents the figures (100 recipients a day on
 * a consumer account, 1,500 on Workspace) and that each To, Cc and Bcc recipient counts,
 * but not exactly when the day turns over; Apps Script quotas are generally said to
 * reset on Pacific time, so the emulator resets at midnight America/Los_Angeles (some
 * users report a rolling 24 hours instead: a test that depends on the exact reset moment
 * is testing folklore).
 */
export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';

export class RecipientQuota {
  private day = '';
  private used = 0;

  constructor(readonly daily: number) {}

  remaining(nowMs: number): number {
    this.roll(nowMs);
    return Math.max(0, this.daily - this.used);
  }

  /** False (and nothing spent) when the recipients don't fit in what is left today. */
  trySpend(nowMs: number, recipients: number): boolean {
    this.roll(nowMs);
    if (recipients > this.daily - this.used) return false;
    this.used += recipients;
    return true;
  }

  private roll(nowMs: number): void {
    const day = DateTime.fromMillis(nowMs, { zone: 'America/Los_Angeles' }).toISODate() ?? '';
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
  }
}
