import type { SheetPort } from '../register/sheet-port';

/**
 * What a job is given instead of reaching for Apps Script globals. src/gas/ports.ts builds
 * these over the real services; tests may build them over anything. A job never holds a
 * row number across a re-read and never calls a service per row.
 */
export interface WorkbookPort {
  /** The spreadsheet's time zone (IANA): date-only cells are local midnights in it. */
  readonly timeZone: string;
  /** A tab by name, or null when it does not exist. */
  tab(name: string): SheetPort | null;
  /** Creates a tab (at the end) or returns the existing one. */
  ensureTab(name: string): SheetPort;
  /** Shows a short message to the person at the sheet, if any. */
  toast(message: string): void;
}

export interface ClockPort {
  /** Epoch milliseconds. */
  now(): number;
}

/** Document properties: small state such as checkpoints (≤ 9 KB per value). */
export interface KeyValuePort {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export interface LockPort {
  /** Waits up to `ms` for the document lock; false if another run still holds it. */
  tryLock(ms: number): boolean;
  release(): void;
}

/** How much of the run's time is left, so long work can stop with a checkpoint before the 6-minute cut. */
export interface RunBudget {
  remainingMs(): number;
}

/** What a Log line may name besides its action and detail. */
export interface LogIds {
  readonly ticketId?: string;
  readonly clientId?: string;
}

/**
 * The run's Log-tab lines. Lines are collected and written in one call when the run ends
 * (src/gas/log.ts), so logging costs one service call per run however much happens.
 */
export interface RunLogPort {
  add(action: string, detail?: string, ids?: LogIds): void;
}
