/** Address-list helpers shared by sending, searching and reply building. */

export interface Mailbox {
  name: string;
  address: string;
}

/** Splits an RFC 5322 address list on commas that are outside quotes and angle brackets. */
export function splitAddressList(list: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let angle = 0;
  for (const ch of list) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') angle++;
    else if (!quoted && ch === '>') angle = Math.max(0, angle - 1);
    if ((ch === ',' || ch === ';') && !quoted && angle === 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export function parseMailbox(entry: string): Mailbox {
  const m = /^(.*?)<([^<>]*)>\s*$/.exec(entry);
  if (m) return { name: (m[1] ?? '').trim().replace(/^"(.*)"$/, '$1'), address: (m[2] ?? '').trim() };
  return { name: '', address: entry.trim() };
}

export function addressesOf(list: string): string[] {
  return splitAddressList(list).map((e) => parseMailbox(e).address.toLowerCase());
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function isValidAddress(address: string): boolean {
  return ADDRESS.test(address);
}

export function formatMailbox(name: string, address: string): string {
  if (!name) return address;
  return /[",.;:<>@()[\]\\]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}" <${address}>` : `${name} <${address}>`;
}
