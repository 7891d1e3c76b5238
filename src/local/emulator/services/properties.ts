import type { ServiceContext } from '../context';

/** Apps Script's per-value limit (Quotas: "Properties value size 9 KB / val"). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
/** Apps Script's per-store limit (Quotas: "Properties total storage 500 KB / property store"). */
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

/** One property store (document, script or user). Values are strings, as in Apps Script. */
export class PropertyStore {
  readonly data = new Map<string, string>();
  constructor(readonly kind: 'Document' | 'Script' | 'User') {}

  private total(): number {
    let n = 0;
    for (const [k, v] of this.data) n += utf8Length(k) + utf8Length(v);
    return n;
  }

  service(ctx: ServiceContext): GoogleAppsScript.Properties.Properties {
    const m = (name: string, cheap = false) => ctx.meter.call(`PropertiesService.Properties.${name}`, { cheap });
    const put = (key: string, value: unknown) => {
      const text = String(value);
      if (utf8Length(text) > PROPERTY_VALUE_LIMIT) ctx.fail('Argument too large: value');
      const before = this.data.get(key);
      this.data.set(key, text);
      if (this.total() > PROPERTY_STORE_LIMIT) {
        if (before === undefined) this.data.delete(key);
        else this.data.set(key, before);
        ctx.fail('You have exceeded the property storage quota. Please remove some properties and try again.');
      }
    };
    const self = this;
    const props = {
      getProperty(key: string) {
        m('getProperty');
        return self.data.get(String(key)) ?? null;
      },
      setProperty(key: string, value: unknown) {
        m('setProperty');
        put(String(key), value);
        return props;
      },
      getProperties() {
        m('getProperties');
        return ctx.realm.toRealm(Object.fromEntries(self.data));
      },
      setProperties(values: Record<string, unknown>, deleteAllOthers?: boolean) {
        m('setProperties');
        if (deleteAllOthers) self.data.clear();
        for (const [k, v] of Object.entries(values)) put(k, v);
        return props;
      },
      getKeys() {
        m('getKeys');
        return ctx.realm.toRealm([...self.data.keys()]);
      },
      deleteProperty(key: string) {
        m('deleteProperty');
        self.data.delete(String(key));
        return props;
      },
      deleteAllProperties() {
        m('deleteAllProperties');
        self.data.clear();
        return props;
      },
    };
    return props as unknown as GoogleAppsScript.Properties.Properties;
  }
}

export function createPropertiesService(
  ctx: ServiceContext,
  stores: { document: PropertyStore; script: PropertyStore; user: PropertyStore },
) {
  return {
    // Null outside a document (an add-on's time-driven trigger), as Apps Script returns.
    getDocumentProperties: () => (
      ctx.meter.call('PropertiesService.getDocumentProperties', { cheap: true }), ctx.inDocument() ? stores.document.service(ctx) : null
    ),
    getScriptProperties: () => (ctx.meter.call('PropertiesService.getScriptProperties', { cheap: true }), stores.script.service(ctx)),
    getUserProperties: () => (ctx.meter.call('PropertiesService.getUserProperties', { cheap: true }), stores.user.service(ctx)),
  };
}
