import type { ServiceContext } from '../context';

export interface TriggerRecord {
  readonly id: string;
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
 * ScriptApp's trigger registry. Triggers are recorded, not run: the demo and tests decide
 * when a trigger "fires" by calling the entry point. Editor add-ons get Apps Script's extra
 * limits: clock triggers at most hourly and one trigger of each event type per document.
 */
export class TriggerRegistry {
  readonly triggers: TriggerRecord[] = [];
  private next = 1;
  constructor(readonly mode: 'bound' | 'addon') {}

  add(ctx: ServiceContext, t: Omit<TriggerRecord, 'id'>): TriggerRecord {
    if (this.mode === 'addon') {
      if (t.everyMinutes !== undefined && t.everyMinutes > 0 && t.everyMinutes < 60) {
        ctx.fail('Add-ons can only create time-based triggers that run at most once an hour.');
      }
      if (this.triggers.some((x) => x.eventType === t.eventType)) {
        ctx.fail(`This add-on already has a trigger of type ${t.eventType} for this document.`);
      }
    }
    if (this.triggers.length >= 20)
      ctx.fail('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    const rec = { ...t, id: String(this.next++) };
    this.triggers.push(rec);
    return rec;
  }
}

export function createScriptApp(ctx: ServiceContext, registry: TriggerRegistry, scriptId: string) {
  const m = (name: string, cheap = false) => ctx.meter.call(`ScriptApp.${name}`, { cheap });
  const wrap = (t: TriggerRecord) => ({
    getHandlerFunction: () => (m('Trigger.getHandlerFunction', true), t.handler),
    getUniqueId: () => (m('Trigger.getUniqueId', true), t.id),
    getEventType: () => (m('Trigger.getEventType', true), t.eventType),
    getTriggerSource: () => (m('Trigger.getTriggerSource', true), t.source),
    getTriggerSourceId: () => (m('Trigger.getTriggerSourceId', true), t.source === 'CLOCK' ? null : 'spreadsheet'),
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
        const rec: Omit<TriggerRecord, 'id'> = { handler, source: 'CLOCK', eventType: 'CLOCK', everyMinutes: every };
        return wrap(
          registry.add(ctx, { ...rec, ...(monthDay !== undefined ? { monthDay } : {}), ...(atHour !== undefined ? { atHour } : {}) }),
        );
      },
    };
    return b;
  }

  function sheetBuilder(handler: string) {
    const make = (eventType: TriggerRecord['eventType']) => ({
      create() {
        m('TriggerBuilder.create');
        return wrap(registry.add(ctx, { handler, source: 'SPREADSHEETS', eventType }));
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
      return { timeBased: () => clockBuilder(handler), forSpreadsheet: () => sheetBuilder(handler) };
    },
    getProjectTriggers() {
      m('getProjectTriggers');
      return ctx.realm.toRealm(registry.triggers.map(wrap));
    },
    getUserTriggers() {
      m('getUserTriggers');
      return ctx.realm.toRealm(registry.triggers.map(wrap));
    },
    deleteTrigger(trigger: { getUniqueId(): string }) {
      m('deleteTrigger');
      const id = trigger.getUniqueId();
      const i = registry.triggers.findIndex((t) => t.id === id);
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
    getScriptId() {
      m('getScriptId', true);
      return scriptId;
    },
  };
}
