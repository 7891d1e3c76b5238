/**
 * The header block of a raw RFC 5322 message, for the headers Gmail has no getter for
 * (Auto-Submitted, Precedence, List-Id, References, …). Values are unfolded but left
 * encoded: the ones read here are ASCII by their RFCs.
 */
export type HeaderMap = ReadonlyMap<string, readonly string[]>;

/** Parses the header block (up to the first empty line) of raw message text. */
export function parseHeaderBlock(raw: string): Map<string, string[]> {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const map = new Map<string, string[]>();
  let name = '';
  let value = '';
  const flush = () => {
    if (name === '') return;
    const key = name.toLowerCase();
    const list = map.get(key) ?? [];
    list.push(value.trim());
    map.set(key, list);
  };
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && name !== '') {
      value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // not a header line (e.g. an mbox "From " line)
    flush();
    name = line.slice(0, colon).trim();
    value = line.slice(colon + 1);
  }
  flush();
  return map;
}

export function header(map: HeaderMap, name: string): string {
  return map.get(name.toLowerCase())?.[0] ?? '';
}

export function hasHeader(map: HeaderMap, name: string): boolean {
  return (map.get(name.toLowerCase())?.length ?? 0) > 0;
}

/** The `<id@host>` tokens of a Message-ID, In-Reply-To or References value, in order. */
export function messageIdsIn(value: string): string[] {
  const ids = value.match(/<[^<>\s]+>/g) ?? [];
  return [...new Set(ids)];
}
