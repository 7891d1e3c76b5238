/**
 * The daily email-recipient quota: 100 recipients a day on a consumer account, 1,500 on
 * Workspace; each To, Cc and Bcc recipient counts. Google's Quotas page: "Quotas are per
 * user and reset 24 hours after the first request" — so the day is a window that opens
 * with the first send and closes 24 hours later, not a calendar day (the emulator used to
 * reset at Pacific midnight, a widespread belief the page does not support).
 */
export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';

const WINDOW_MS = 24 * 60 * 60 * 1000;

export class RecipientQuota {
  /** When the current 24-hour window opened (the first send in it), or null before any. */
  private windowStart: number | null = null;
  private used = 0;

  constructor(readonly daily: number) {}

  remaining(nowMs: number): number {
    this.roll(nowMs);
    return Math.max(0, this.daily - this.used);
  }

  /** False (and nothing spent) when the recipients don't fit in what is left of the window. */
  trySpend(nowMs: number, recipients: number): boolean {
    this.roll(nowMs);
    if (recipients > this.daily - this.used) return false;
    this.windowStart ??= nowMs;
    this.used += recipients;
    return true;
  }

  /** When the quota is whole again, or null when nothing is spent. */
  resetsAt(): number | null {
    return this.windowStart === null ? null : this.windowStart + WINDOW_MS;
  }

  private roll(nowMs: number): void {
    if (this.windowStart !== null && nowMs >= this.windowStart + WINDOW_MS) {
      this.windowStart = null;
      this.used = 0;
    }
  }
}
