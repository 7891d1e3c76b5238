/**
 * Counts every emulated Apps Script service call and models how long a real run would
 * take, so tests can hold jobs to a call budget and exercise the 6-minute limit.
 *
 * Latency model (milliseconds per call). The real numbers vary by day and account; these
 * are round figures from published measurements, chosen to be in the right order of
 * magnitude, not exact:
 *  - PropertiesService get ≈ 30 ms, set ≈ 60 ms: Luis Peralta, "Google Apps Script APIs
 *    performance" (ziritione.org, 100-run averages: getProperty 30–34 ms, setProperty 62–64 ms).
 *  - A batched Range read/write of a few thousand cells ≈ 50 ms, SpreadsheetApp.flush
 *    ≈ 600 ms: a published experiment ("What is faster: ScriptDb or SpreadsheetApp?",
 *    4,000-cell setValues under 50 ms, +flush 610 ms), consistent with Google's
 *    "Optimizing Spreadsheet Operations" (Apps Script blog, 2010) advice that every
 *    service call is an order of magnitude slower than in-script work.
 *  - Gmail calls are network round trips to Gmail: ≈ 100 ms for a search or thread read,
 *    ≈ 300 ms for a send (same order as the Gmail API's own latency).
 *  - Cheap accessors that Apps Script answers from the already-loaded object (getName,
 *    getLastRow, ...) ≈ 5 ms.
 * Per-cell cost: reading or writing a range also costs 0.002 ms per cell, so a
 * 10,000 × 20 read is modeled at ~450 ms rather than the flat 50.
 */
export const LATENCY_MS: Readonly<Record<string, number>> = {
  default: 20,
  cheap: 5,
  'SpreadsheetApp.Range.getValues': 50,
  'SpreadsheetApp.Range.getDisplayValues': 50,
  'SpreadsheetApp.Range.setValues': 50,
  'SpreadsheetApp.Range.setValue': 40,
  'SpreadsheetApp.Range.getValue': 40,
  'SpreadsheetApp.flush': 600,
  'PropertiesService.Properties.getProperty': 30,
  'PropertiesService.Properties.getProperties': 30,
  'PropertiesService.Properties.setProperty': 60,
  'PropertiesService.Properties.setProperties': 60,
  'PropertiesService.Properties.deleteProperty': 60,
  'GmailApp.search': 100,
  'GmailApp.getMessagesForThreads': 150,
  'GmailApp.GmailThread.reply': 300,
  'GmailApp.GmailMessage.reply': 300,
  'GmailApp.GmailMessage.createDraftReply': 200,
  'GmailApp.GmailDraft.send': 300,
  'GmailApp.sendEmail': 300,
  'GmailApp.createDraft': 200,
  'MailApp.sendEmail': 300,
  'LockService.Lock.tryLock': 30,
  'LockService.Lock.waitLock': 30,
};

export const PER_CELL_MS = 0.002;

/** Apps Script's hard limit for one execution (consumer and Workspace alike). */
export const MAX_RUN_MS = 6 * 60 * 1000;

export class ExecutionTimeExceeded extends Error {}

export interface MeterSnapshot {
  counts: Record<string, number>;
  total: number;
  modeledMs: number;
}

/**
 * A simulated day of executions, against Apps Script's daily quotas ("Quotas are per user and
 * reset 24 hours after the first request"): consumer accounts get 90 minutes of total
 * trigger run time a day and 20,000 Gmail read/write operations (excluding sends), Google
 * Workspace accounts 6 hours and 50,000 (Quotas page).
 */
export const DAILY_QUOTAS = {
  consumer: { triggerRuntimeMs: 90 * 60_000, gmailReadWrite: 20_000 },
  workspace: { triggerRuntimeMs: 6 * 3_600_000, gmailReadWrite: 50_000 },
} as const;

/** Gmail calls that send mail: counted by the recipient quota, not the read/write one. */
const GMAIL_SENDS = /\.(sendEmail|reply|replyAll|forward|send)$/;

export interface DayTotals {
  executions: number;
  /** Modeled run time summed over the day's executions. */
  runMs: number;
  /**
   * GmailApp calls other than sends: an upper bound on Gmail read/write operations (Google
   * does not say which accessors of an already-fetched message count).
   */
  gmailReadWrite: number;
  /** Per entry point: runs and modeled time. */
  byEntryPoint: Record<string, { runs: number; ms: number }>;
}

export class Meter {
  private countsByMethod = new Map<string, number>();
  private dayTotals: DayTotals = { executions: 0, runMs: 0, gmailReadWrite: 0, byEntryPoint: {} };
  /** The entry point the current run executes, for the day's breakdown. */
  entryPoint = '';
  private runModeledMs = 0;
  private inRun = false;
  /**
   * Called with each call's modeled latency during a run, so the emulated clock can move
   * as real time would (a job's `Date.now()` then sees its own service calls take time).
   */
  onElapse: ((ms: number) => void) | null = null;
  /**
   * Called with each call's name before it is counted; throws to refuse the call (the
   * emulator's OAuth scope check, src/local/emulator/scopes.ts).
   */
  guard: ((method: string) => void) | null = null;

  /** Each call's latency, overridable per test. */
  constructor(private readonly latency: Readonly<Record<string, number>> = LATENCY_MS) {}

  /** Starts a new execution: counts and modeled time restart from zero. */
  startRun(): void {
    this.countsByMethod.clear();
    this.runModeledMs = 0;
    this.inRun = true;
  }

  endRun(): MeterSnapshot {
    this.inRun = false;
    const snap = this.snapshot();
    const d = this.dayTotals;
    d.executions++;
    d.runMs += this.runModeledMs;
    for (const [k, v] of this.countsByMethod) if (k.startsWith('GmailApp.') && !GMAIL_SENDS.test(k)) d.gmailReadWrite += v;
    const e = (d.byEntryPoint[this.entryPoint || '?'] ??= { runs: 0, ms: 0 });
    e.runs++;
    e.ms += this.runModeledMs;
    return snap;
  }

  /** Starts a new simulated day: the day's totals restart from zero. */
  startDay(): void {
    this.dayTotals = { executions: 0, runMs: 0, gmailReadWrite: 0, byEntryPoint: {} };
  }

  /** What the executions since startDay() added up to. */
  day(): DayTotals {
    return structuredClone(this.dayTotals);
  }

  /**
   * Records one call. `cells` adds the per-cell cost of range I/O. Throws like Apps Script
   * once the run's modeled time is past the 6-minute limit.
   */
  call(method: string, options: { cells?: number; cheap?: boolean } = {}): void {
    if (this.inRun && this.runModeledMs > MAX_RUN_MS) {
      throw new ExecutionTimeExceeded('Exceeded maximum execution time');
    }
    this.guard?.(method);
    this.countsByMethod.set(method, (this.countsByMethod.get(method) ?? 0) + 1);
    const base = options.cheap ? (this.latency.cheap ?? 5) : (this.latency[method] ?? this.latency.default ?? 20);
    const ms = base + (options.cells ?? 0) * PER_CELL_MS;
    this.runModeledMs += ms;
    if (this.inRun && this.onElapse) this.onElapse(ms);
  }

  count(method: string): number {
    return this.countsByMethod.get(method) ?? 0;
  }

  /** Sum of counts over methods whose name starts with `prefix` (e.g. 'SpreadsheetApp.'). */
  countPrefix(prefix: string): number {
    let n = 0;
    for (const [k, v] of this.countsByMethod) if (k.startsWith(prefix)) n += v;
    return n;
  }

  get modeledMs(): number {
    return this.runModeledMs;
  }

  /** Lets a test or the demo charge in-script compute time measured on the host. */
  addModeledMs(ms: number): void {
    this.runModeledMs += ms;
    if (this.inRun && this.onElapse) this.onElapse(ms);
  }

  snapshot(): MeterSnapshot {
    const counts = Object.fromEntries([...this.countsByMethod].sort(([a], [b]) => a.localeCompare(b)));
    let total = 0;
    for (const v of this.countsByMethod.values()) total += v;
    return { counts, total, modeledMs: Math.round(this.runModeledMs) };
  }
}
