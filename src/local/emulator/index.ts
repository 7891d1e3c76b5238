import { readFile } from 'node:fs/promises';
import vm from 'node:vm';
import { Clock } from './clock';
import type { ServiceContext } from './context';
import { Meter, type MeterSnapshot } from './meter';
import { createRealm, type Realm } from './realm';
import { createSpreadsheetApp, DEFAULT_TIME_ZONE, WorkbookModel } from './spreadsheet';
import { createGmailApp, createMailApp, MailboxModel } from './gmail';
import { createPropertiesService, PropertyStore } from './services/properties';
import { createLockService, LockState } from './services/lock';
import { createScriptApp, TriggerRegistry } from './services/script-app';
import { createSession } from './services/session';
import { createLogging, createUtilities } from './services/utilities';
import { createHtmlService } from './services/html';
import { createCharts } from './spreadsheet/charts';
import { deliverEdit, type EditOptions, type EditResult } from './edit-event';
import { ScopeGrant } from './scopes';

export { Clock, Meter, WorkbookModel, MailboxModel, DEFAULT_TIME_ZONE, ScopeGrant };
export { DAILY_QUOTAS, type DayTotals } from './meter';
export { requiredScopes, SCOPE } from './scopes';
export { loadXlsx, saveXlsx } from './spreadsheet/xlsx';
export type { XlsxPeek } from './spreadsheet/xlsx-read';
export { deliveryTime, formatMbox, loadMailFiles, MailFileError, readMailFiles, writeOutbox, type MailFile } from './mailfiles';

export interface EmulatorOptions {
  readonly workbook?: WorkbookModel;
  readonly mailbox?: MailboxModel;
  /** Emulated "now" at start (default: the real time, as a real execution starts). */
  readonly now?: number | Date;
  /** The account the script runs as; also the mailbox address (default user@example.com). */
  readonly user?: string;
  /** appsscript.json timeZone; also the zone of the default workbook (default America/New_York, see DEFAULT_TIME_ZONE). */
  readonly scriptTimeZone?: string;
  /** A bound script (5–10 minute triggers) or an Editor add-on (hourly triggers, one per type). */
  readonly installAs?: 'bound' | 'addon';
  readonly meter?: Meter;
  /**
   * appsscript.json `oauthScopes`: a call whose method needs a scope not in this list throws
   * Apps Script's permission error (src/local/emulator/scopes.ts). Omitted, every scope is
   * granted (a tool that only wants the services).
   */
  readonly oauthScopes?: readonly string[];
  /**
   * Whether the emulated clock moves by each service call's modeled latency during a run
   * (default true, as real time passes in Apps Script). Turn off when a test needs `now`
   * to stay exactly where it set it.
   */
  readonly clockFollowsCalls?: boolean;
}

export interface RunResult<T> {
  readonly value?: T;
  readonly error?: Error;
  readonly calls: MeterSnapshot;
  readonly logs: string[];
}

/**
 * The Apps Script runtime, in memory (README.md beside this file says what it emulates and
 * what it knowingly does not): services, a controllable clock, and a V8 context in
 * which build/Code.js is evaluated exactly as deployed. Every run of an entry point is one
 * "execution": its service calls are counted and its modeled time is capped at 6 minutes.
 */
export class Emulator {
  readonly clock: Clock;
  readonly meter: Meter;
  readonly realm: Realm;
  readonly workbook: WorkbookModel;
  readonly mailbox: MailboxModel;
  readonly properties = { document: new PropertyStore('Document'), script: new PropertyStore('Script'), user: new PropertyStore('User') };
  readonly locks = new LockState();
  readonly triggers: TriggerRegistry;
  readonly logs: string[] = [];
  readonly ctx: ServiceContext;
  /** appsscript.json timeZone: the local zone of `Date` while an execution runs (see run()). */
  readonly scriptTimeZone: string;
  /** The account the current execution runs as (see runAs). */
  private activeUser: string;
  /** False while an add-on's time-driven trigger runs (see fire()). */
  private documentContext = true;
  /** The manifest's grant and which scopes calls used; null when every scope is granted. */
  readonly scopes: ScopeGrant | null;
  private executions = 0;
  private loaded = false;

  constructor(opts: EmulatorOptions = {}) {
    const user = (opts.user ?? 'user@example.com').toLowerCase();
    this.activeUser = user;
    const scriptTimeZone = opts.scriptTimeZone ?? DEFAULT_TIME_ZONE;
    this.scriptTimeZone = scriptTimeZone;
    this.clock = new Clock(opts.now ?? Date.now());
    this.meter = opts.meter ?? new Meter();
    this.realm = createRealm(() => this.clock.now());
    this.workbook = opts.workbook ?? new WorkbookModel({ timeZone: scriptTimeZone });
    this.mailbox = opts.mailbox ?? new MailboxModel({ address: user });
    this.triggers = new TriggerRegistry(opts.installAs ?? 'bound');
    this.triggers.documentId = this.workbook.id;
    if (opts.clockFollowsCalls !== false) {
      let carry = 0;
      // Whole milliseconds only, so Date values stay integral as in Apps Script.
      this.meter.onElapse = (ms) => {
        carry += ms;
        const whole = Math.floor(carry);
        if (whole > 0) {
          this.clock.advance(whole);
          carry -= whole;
        }
      };
    }
    const realm = this.realm;
    const scopes = opts.oauthScopes ? new ScopeGrant(opts.oauthScopes) : null;
    this.scopes = scopes;
    if (scopes)
      this.meter.guard = (method) => {
        const refused = scopes.refuse(method);
        if (refused) throw realm.error(refused);
      };
    const self = this;
    this.ctx = {
      clock: this.clock,
      meter: this.meter,
      realm,
      get user() {
        return self.activeUser;
      },
      inDocument: () => self.documentContext,
      fail(message: string): never {
        throw realm.error(message);
      },
    };
    const { Logger, console } = createLogging(this.ctx, this.logs);
    const globals: Record<string, unknown> = {
      SpreadsheetApp: createSpreadsheetApp(this.ctx, this.workbook),
      GmailApp: createGmailApp(this.ctx, this.mailbox),
      MailApp: createMailApp(this.ctx, this.mailbox),
      PropertiesService: createPropertiesService(this.ctx, this.properties),
      LockService: createLockService(this.ctx, this.locks, { containerBound: () => this.documentContext }),
      ScriptApp: createScriptApp(this.ctx, this.triggers, 'emulated-script-id', () => scopes?.scopes ?? null),
      Session: createSession(this.ctx, { scriptTimeZone }),
      Utilities: createUtilities(this.ctx),
      HtmlService: createHtmlService(this.ctx),
      Charts: createCharts(this.ctx),
      Logger,
      console,
    };
    for (const [k, v] of Object.entries(globals)) this.realm.context[k] = v;
  }

  /** Evaluates the bundle in the sandbox, as Apps Script loads the project's files. */
  load(code: string, filename = 'Code.js'): this {
    vm.runInContext(code, this.realm.context, { filename });
    this.loaded = true;
    return this;
  }

  async loadFile(file = 'build/Code.js'): Promise<this> {
    return this.load(await readFile(file, 'utf8'), file);
  }

  /** The top-level functions of the loaded project: what Apps Script can call by name. */
  entryPoints(): string[] {
    const services = new Set([
      'SpreadsheetApp',
      'GmailApp',
      'MailApp',
      'PropertiesService',
      'LockService',
      'ScriptApp',
      'Session',
      'Utilities',
      'HtmlService',
      'Charts',
      'Logger',
      'console',
    ]);
    return Object.keys(this.realm.context)
      .filter((k) => !services.has(k) && typeof this.realm.context[k] === 'function')
      .sort();
  }

  /** Runs one entry point as one execution. Exceptions are returned, not thrown, as Apps Script logs them. */
  run<T = unknown>(name: string, ...args: unknown[]): RunResult<T> {
    if (!this.loaded) throw new Error('Load build/Code.js first (emulator.loadFile()).');
    const fn = this.realm.context[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    const execution = `run-${++this.executions}`;
    this.locks.currentExecution = execution;
    // In Apps Script a Date's local time (getHours, toString, new Date(y, m, d)) is in the
    // script's time zone. V8 takes the local zone from the process's TZ, read again when it
    // changes, so the execution runs with TZ set to the script zone and the host's is put
    // back after. Code outside run() (inSandbox snippets) sees the host's zone.
    const hostTz = process.env['TZ'];
    process.env['TZ'] = this.scriptTimeZone;
    const logStart = this.logs.length;
    this.meter.entryPoint = name;
    this.meter.startRun();
    try {
      const value = (fn as (...a: unknown[]) => T)(...args.map((a) => this.realm.toRealm(a)));
      return { value, calls: this.meter.endRun(), logs: this.logs.slice(logStart) };
    } catch (e) {
      const error = e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? (e as Error) : new Error(String(e));
      this.logs.push(`ERROR ${error.message}`);
      return { error, calls: this.meter.endRun(), logs: this.logs.slice(logStart) };
    } finally {
      if (hostTz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = hostTz;
      this.locks.releaseAllOf(execution);
      this.locks.currentExecution = '';
    }
  }

  /**
   * A person types or pastes `values` at `a1` on a tab; then the simple onEdit and the
   * installed ON_EDIT triggers run with Apps Script's edit event (src/local/emulator/edit-event.ts).
   */
  edit(sheetName: string, a1: string, values: unknown, opts?: EditOptions): EditResult {
    return deliverEdit(this, sheetName, a1, values, opts);
  }

  /**
   * Runs an entry point as another user of the sheet (a second admin, or an installed
   * trigger's owner: installable triggers run as the person who created them). Session
   * and trigger ownership follow that user; the mailbox stays the emulator's one account.
   */
  runAs<T = unknown>(user: string, name: string, ...args: unknown[]): RunResult<T> {
    const before = this.activeUser;
    this.activeUser = user.toLowerCase();
    try {
      return this.run<T>(name, ...args);
    } finally {
      this.activeUser = before;
    }
  }

  /**
   * An installed trigger fires: its handler runs as its owner with Apps Script's event
   * object. A time-driven trigger of an Editor add-on runs outside any document: no active
   * spreadsheet, no document lock or properties, no Ui; the add-on opens its spreadsheet by
   * id. (A bound script's triggers run in its container.)
   */
  fire<T = unknown>(triggerId: string): RunResult<T> {
    const t = this.triggers.triggers.find((x) => x.id === triggerId);
    if (!t) throw new Error(`em.fire: no trigger ${triggerId}`);
    const outside = this.triggers.mode === 'addon' && t.eventType === 'CLOCK';
    const event: Record<string, unknown> = { authMode: 'FULL', triggerUid: t.id };
    if (t.eventType === 'CLOCK') {
      const d = new Date(this.clock.now());
      Object.assign(event, {
        'day-of-month': d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        timezone: 'UTC',
        year: d.getUTCFullYear(),
      });
    }
    const before = { doc: this.documentContext, ui: this.workbook.ui.available };
    this.documentContext = !outside;
    // No editor is open for any trigger run: getUi() throws there.
    this.workbook.ui.available = false;
    try {
      return this.runAs<T>(t.owner, t.handler, event);
    } finally {
      this.documentContext = before.doc;
      this.workbook.ui.available = before.ui;
    }
  }

  /** The account the script runs as now. */
  get user(): string {
    return this.activeUser;
  }

  /** Like run(), but throws the script's exception: for tests and tools that expect success. */
  call<T = unknown>(name: string, ...args: unknown[]): T {
    const r = this.run<T>(name, ...args);
    if (r.error) throw r.error;
    return r.value as T;
  }
}

/** A fresh emulator with build/Code.js loaded. */
export async function loadEmulator(opts: EmulatorOptions = {}, bundle = 'build/Code.js'): Promise<Emulator> {
  return new Emulator(opts).loadFile(bundle);
}
