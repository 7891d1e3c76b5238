/**
 * Client IDs are typed by people in several tabs (Clients, Contacts, Tickets, Hours), and
 * `canyon` in Hours means the client `CANYON` just as `Dana@X` means `dana@x` in Contacts.
 * IDs are therefore compared case-insensitively (and without surrounding spaces) wherever
 * a person types them; the Clients tab's spelling is the one written back and shown.
 */
export function foldClientId(id: string): string {
  return id.trim().toUpperCase();
}

export function sameClientId(a: string, b: string): boolean {
  return foldClientId(a) === foldClientId(b);
}

/** A map keyed by Client ID that finds `canyon` under `CANYON`. */
export class ClientIdMap<V> extends Map<string, V> {
  override get(id: string): V | undefined {
    return super.get(foldClientId(id));
  }
  override has(id: string): boolean {
    return super.has(foldClientId(id));
  }
  override set(id: string, value: V): this {
    return super.set(foldClientId(id), value);
  }
  override delete(id: string): boolean {
    return super.delete(foldClientId(id));
  }
}

/** The Clients tab's spelling of a typed ID: `canyon` → `CANYON` when such a client exists, else the ID as typed (trimmed). */
export function canonicalClientId(known: Iterable<string>): (typed: string) => string {
  const byFold = new Map<string, string>();
  for (const id of known) if (!byFold.has(foldClientId(id))) byFold.set(foldClientId(id), id);
  return (typed) => byFold.get(foldClientId(typed)) ?? typed.trim();
}
