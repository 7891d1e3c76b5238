import type { ServiceContext } from '../context';

export interface TriggerRecord {
  readonly id: string;
  /** The user who created it: it runs as them, and only they see it (getProjectTriggers). */
  readonly owner: string;
  /** The spreadsheet it belongs to: the container, the add-on's open document, or forSpreadsheet's. */
  readonly documentId: string;
  readonly handler: string;
  readonly source: 'CLOCK' | 'SPREADSHEETS';
  readonly eventType: 'CLOCK' | 'ON_EDIT' | 'ON_OPEN' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  /** For clock triggers: how often, in minutes (monthly = 0 with monthDay set). */
  readonly everyMinutes?: number;
  readonly monthDay?: number;
  readonly atHour?: number;
}

/** everyMinutes accepts exactly these (ClockTriggerBuilder.everyMinutes reference). */
const MINUTES = [1, 5, 10, 15, 30];
/** everyHours accepts exactly these. */
const HOURS = [1, 2, 4, 6, 8, 12];

/**
 * ScriptApp's trigger registry, over every user of the project. Triggers are recorded, not
 * run: the demo and tests decide when a trigger "fires" by calling the entry point (as its
 * owner: `em.runAs(t.owner, t.handler)`).
 *
 * Installable triggers belong to the user who created them ("installable triggers always
 * run under the account of the person who created them"; getProjectTriggers "gets all
 * installable triggers associated with the current project and current user";
 * getUserTriggers(spreadsheet) "gets all installable triggers owned by this user in the
 * given spreadsheet, for this script or add-on only" — ScriptApp reference and the
 * Installable Triggers guide). Limits: 20 triggers per user per script; Editor add-ons
 * also: time-driven triggers at most hourly, and "one trigger of each type, per user, per
 * document" (Installable Triggers guide, "Restrictions" for add-ons).
 */
export class TriggerRegistry {
  readonly triggers: TriggerRecord[] = [];
  private next = 1;
  /** The document the script runs in (the container, or the add-on's open document); set by the emulator. */
  documentId = 'emulated-spreadsheet';
  constructor(readonly mode: 'bound' | 'addon') {}

  /** `user`'s triggers, all documents or one. */
  of(user: string, documentId?: string): TriggerRecord[] {
    return this.triggers.filter((t) => t.owner === user && (documentId === undefined || t.documentId === documentId));
  }

  /** Every user who owns a trigger of this project. */
  owners(): string[] {
    return [...new Set(this.triggers.map((t) => t.owner))];
  }

  add(ctx: ServiceContext, t: Omit<TriggerRecord, 'id' | 'owner' | 'documentId'> & { documentId?: string }): TriggerRecord {
    const owner = ctx.user;
    const documentId = t.documentId ?? this.documentId;
    const mine = this.of(owner);
    if (this.mode === 'addon') {
      if (t.everyMinutes !== undefined && t.everyMinutes > 0 && t.everyMinutes < 60) {
        ctx.fail('Add-ons can only create time-based triggers that run at most once an hour.');
      }
      if (mine.some((x) => x.eventType === t.eventType && x.documentId === documentId)) {
        ctx.fail(`This add-on already has a trigger of type ${t.eventType} for this document.`);
      }
    }
    if (mine.length >= 20)
      ctx.fail('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    const rec = { ...t, owner, documentId, id: String(this.next++) };
    this.triggers.push(rec);
    return rec;
  }
}

/** A Spreadsheet's id (or a spreadsheet id string, as forSpreadsheet also accepts). */
function documentIdOf(doc: unknown): string | undefined {
  if (typeof doc === 'string') return doc;
  if (doc && typeof (doc as { getId?: unknown }).getId === 'function') return String((doc as { getId(): string }).getId());
  return undefined;
}

/**
 * `granted`: the scopes the user has authorized (the manifest's, as the emulator grants
 * them all), or null when the emulator checks no scopes.
 */
export function createScriptApp(
  ctx: ServiceContext,
  registry: TriggerRegistry,
  scriptId: string,
  granted: () => readonly string[] | null = () => null,
) {
  const m = (name: string, cheap = false) => ctx.meter.call(`ScriptApp.${name}`, { cheap });
  const wrap = (t: TriggerRecord) => ({
    getHandlerFunction: () => (m('Trigger.getHandlerFunction', true), t.handler),
    getUniqueId: () => (m('Trigger.getUniqueId', true), t.id),
    getEventType: () => (m('Trigger.getEventType', true), t.eventType),
    getTriggerSource: () => (m('Trigger.getTriggerSource', true), t.source),
    getTriggerSourceId: () => (m('Trigger.getTriggerSourceId', true), t.source === 'CLOCK' ? null : t.documentId),
  });

  function clockBuilder(handler: string) {
    let every: number | undefined;
    let monthDay: number | undefined;
    let atHour: number | undefined;
    const b = {
      everyMinutes(n: number) {
        if (!MINUTES.includes(n)) ctx.fail('The value passed to everyMinutes() is invalid. Accepted values are 1, 5, 10, 15 or 30.');
        every = n;
        return b;
      },
      everyHours(n: number) {
        if (!HOURS.includes(n)) ctx.fail('The value passed to everyHours() is invalid. Accepted values are 1, 2, 4, 6, 8 or 12.');
        every = n * 60;
        return b;
      },
      everyDays(n: number) {
        every = n * 1440;
        return b;
      },
      onMonthDay(d: number) {
        if (!(d >= 1 && d <= 31)) ctx.fail('Day of month must be between 1 and 31.');
        monthDay = d;
        every = 0;
        return b;
      },
      atHour(h: number) {
        if (!(h >= 0 && h <= 23)) ctx.fail('Hour must be between 0 and 23.');
        atHour = h;
        return b;
      },
      nearMinute() {
        return b;
      },
      inTimezone() {
        return b;
      },
      create() {
        m('TriggerBuilder.create');
        if (every === undefined) ctx.fail('Missing a schedule: call everyMinutes, everyHours, everyDays or onMonthDay before create().');
        const rec: Omit<TriggerRecord, 'id' | 'owner' | 'documentId'> = {
          handler,
          source: 'CLOCK',
          eventType: 'CLOCK',
          everyMinutes: every,
        };
        return wrap(
          registry.add(ctx, { ...rec, ...(monthDay !== undefined ? { monthDay } : {}), ...(atHour !== undefined ? { atHour } : {}) }),
        );
      },
    };
    return b;
  }

  function sheetBuilder(handler: string, documentId: string) {
    const make = (eventType: TriggerRecord['eventType']) => ({
      create() {
        m('TriggerBuilder.create');
        return wrap(registry.add(ctx, { handler, source: 'SPREADSHEETS', eventType, documentId }));
      },
    });
    return {
      onEdit: () => make('ON_EDIT'),
      onOpen: () => make('ON_OPEN'),
      onChange: () => make('ON_CHANGE'),
      onFormSubmit: () => make('ON_FORM_SUBMIT'),
    };
  }

  return {
    EventType: { CLOCK: 'CLOCK', ON_EDIT: 'ON_EDIT', ON_OPEN: 'ON_OPEN', ON_CHANGE: 'ON_CHANGE', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT' },
    TriggerSource: { CLOCK: 'CLOCK', SPREADSHEETS: 'SPREADSHEETS' },
    AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
    newTrigger(handler: string) {
      m('newTrigger', true);
      if (typeof handler !== 'string' || handler === '') ctx.fail('Invalid argument: functionName');
      return {
        timeBased: () => clockBuilder(handler),
        forSpreadsheet: (sheet: unknown) => sheetBuilder(handler, documentIdOf(sheet) ?? registry.documentId),
      };
    },
    getProjectTriggers() {
      m('getProjectTriggers');
      return ctx.realm.toRealm(registry.of(ctx.user).map(wrap));
    },
    getUserTriggers(document: unknown) {
      m('getUserTriggers');
      const id = documentIdOf(document);
      if (id === undefined) ctx.fail('Invalid argument: document');
      return ctx.realm.toRealm(registry.of(ctx.user, id).map(wrap));
    },
    deleteTrigger(trigger: { getUniqueId(): string }) {
      m('deleteTrigger');
      const id = trigger.getUniqueId();
      // Only the owner's own triggers can be reached, hence deleted.
      const i = registry.triggers.findIndex((t) => t.id === id && t.owner === ctx.user);
      if (i < 0) ctx.fail('No trigger with that id exists.');
      registry.triggers.splice(i, 1);
    },
    InstallationSource: {
      APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
      NONE: 'NONE',
      WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
    },
    getInstallationSource() {
      m('getInstallationSource', true);
      return registry.mode === 'addon' ? 'WEB_STORE_ADD_ON' : 'NONE';
    },
    AuthorizationStatus: { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' },
    /**
     * AuthorizationInfo (ScriptApp reference): getAuthorizationStatus() REQUIRED when the
     * user must still authorize a requested scope, getAuthorizedScopes() "the authorized
     * scopes from the specified list" (all the project's when none is given), and
     * getAuthorizationUrl() for the consent screen (null when nothing is required).
     */
    getAuthorizationInfo(_authMode: unknown, oAuthScopes?: unknown) {
      m('getAuthorizationInfo', true);
      const have = granted();
      const asked = Array.isArray(oAuthScopes) ? oAuthScopes.map(String) : (have ?? []);
      const authorized = have === null ? asked : asked.filter((s) => have.includes(s));
      const required = authorized.length < asked.length;
      return {
        getAuthorizationStatus: () => (m('AuthorizationInfo.getAuthorizationStatus', true), required ? 'REQUIRED' : 'NOT_REQUIRED'),
        getAuthorizedScopes: () => (m('AuthorizationInfo.getAuthorizedScopes', true), ctx.realm.toRealm(authorized)),
        getAuthorizationUrl: () => (
          m('AuthorizationInfo.getAuthorizationUrl', true), required ? `https://script.google.com/macros/d/${scriptId}/authorize` : null
        ),
      };
    },
    getScriptId() {
      m('getScriptId', true);
      return scriptId;
    },
  };
}
