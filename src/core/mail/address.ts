/**
 * Mail addresses as they appear in From/To/Cc headers (already decoded by Gmail):
 * `Jane Doe <jane@acme.com>`, `"Doe, Jane" <jane@acme.com>`, `bob@acme.com`,
 * `Team: a@x.com, b@x.com;`. Addresses are compared lower-cased and whole: a contact is
 * the exact address, never "something that looks like it".
 */
export interface Mailbox {
  readonly name: string;
  /** Lower-cased addr-spec, '' when the entry holds none. */
  readonly address: string;
}

const ADDR = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

/** Splits a list at commas outside quotes, angle brackets and comments; drops group syntax. */
export function splitList(list: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i]!;
    if (ch === '\\' && quoted) {
      cur += ch + (list[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"' && comment === 0) quoted = !quoted;
    else if (!quoted && ch === '(') comment++;
    else if (!quoted && ch === ')' && comment > 0) comment--;
    else if (!quoted && comment === 0 && ch === '<') angle++;
    else if (!quoted && comment === 0 && ch === '>' && angle > 0) angle--;
    if (!quoted && angle === 0 && comment === 0 && (ch === ',' || ch === ';')) {
      out.push(cur);
      cur = '';
      continue;
    }
    // "Group: a@x, b@y;" — the display name before ':' names the group, not an address.
    if (!quoted && angle === 0 && comment === 0 && ch === ':') {
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

export function parseMailbox(entry: string): Mailbox {
  const angle = /<([^<>]*)>\s*$/.exec(entry);
  if (angle) {
    const address = angle[1]!.trim().toLowerCase();
    const name = entry
      .slice(0, angle.index)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/\\(.)/g, '$1');
    return { name, address: ADDR.test(address) ? address : '' };
  }
  const bare = entry
    .replace(/\([^)]*\)/g, '')
    .trim()
    .toLowerCase();
  const comment = /\(([^)]*)\)/.exec(entry);
  return { name: comment ? comment[1]!.trim() : '', address: ADDR.test(bare) ? bare : '' };
}

/** Every mailbox of a header value, in order, without entries that hold no address. */
export function parseAddressList(list: string): Mailbox[] {
  return splitList(list)
    .map(parseMailbox)
    .filter((m) => m.address !== '');
}

export function addressesIn(list: string): string[] {
  return parseAddressList(list).map((m) => m.address);
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}

export function localPartOf(address: string): string {
  const at = address.lastIndexOf('@');
  return (at < 0 ? address : address.slice(0, at)).toLowerCase();
}

/**
 * Whether `address` is at `domain` or one of its subdomains. Exact label match only:
 * `acme.com.evil.io`, `acme-corp.com` and `acrne.com` are not acme.com.
 */
export function isAtDomain(address: string, domain: string): boolean {
  const d = domainOf(address);
  const want = domain.trim().toLowerCase().replace(/^@/, '');
  return want !== '' && (d === want || d.endsWith('.' + want));
}
