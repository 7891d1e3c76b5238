import { isFreemailDomain } from '../core/mail/freemail';
import type { RowOf } from './tab-spec';
import type { Table } from './table';
import type { ClientsTab } from './tabs';

/**
 * The Problems note of each Clients row whose Domains lists a public mail provider
 * (gmail.com, outlook.com, …), by row number. The row still serves; the inbox ignores that
 * domain, so a stranger at Gmail is never told which client they "belong" to.
 */
export function publicDomainNotes(clients: Table<RowOf<typeof ClientsTab>> | null): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of clients?.rows ?? []) {
    const free = r.data.Domains.filter(isFreemailDomain);
    if (free.length === 0) continue;
    out.set(
      r.rowNumber,
      `Domains lists ${free.join(', ')}, a public mail provider: ignored for matching senders (anyone can have an address there); register this client’s people on Contacts`,
    );
  }
  return out;
}
