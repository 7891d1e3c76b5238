import { ClientIdMap } from '../types/client-ids';
import { domainOf, isAtDomain } from './address';
import { isFreemailDomain } from './freemail';

/** A registered contact as the Contacts tab holds it. */
export interface Contact {
  readonly email: string;
  readonly name: string;
  readonly clientId: string;
  readonly canOpenTickets: boolean;
}

export interface ClientInfo {
  readonly clientId: string;
  readonly name: string;
  readonly domains: readonly string[];
  /** Active/Onboarding/Paused/Ended; Ended clients get no tickets. */
  readonly status: string;
}

/** Who a sender is to us. */
export type SenderRole =
  | { readonly role: 'support' }
  | { readonly role: 'staff' }
  | { readonly role: 'contact'; readonly contact: Contact; readonly client: ClientInfo | null }
  | { readonly role: 'unknown'; readonly domainClient: ClientInfo | null };

/**
 * Everyone the inbox knows: the support address, staff domains, contacts (by whole
 * address, case-insensitive) and clients (by domain, only to tell a CSM whose colleague
 * wrote: a domain never makes anyone a contact).
 */
export class Directory {
  private readonly contacts = new Map<string, Contact>();
  private readonly clients = new ClientIdMap<ClientInfo>();

  constructor(
    readonly supportAddress: string,
    readonly staffDomains: readonly string[],
    contacts: readonly Contact[],
    clients: readonly ClientInfo[],
    /** Other addresses the mailbox sends as (Gmail aliases). */
    readonly ownAliases: readonly string[] = [],
  ) {
    // A public mail provider's domain says nothing about who a sender works for: never matched.
    for (const c of clients) this.clients.set(c.clientId, { ...c, domains: c.domains.filter((d) => !isFreemailDomain(d)) });
    // A contact typed under `canyon` belongs to CANYON, spelled as the Clients tab spells it.
    for (const c of contacts) {
      const client = this.clients.get(c.clientId);
      this.contacts.set(c.email.trim().toLowerCase(), client && client.clientId !== c.clientId ? { ...c, clientId: client.clientId } : c);
    }
  }

  isOwn(address: string): boolean {
    const a = address.toLowerCase();
    return a !== '' && (a === this.supportAddress.toLowerCase() || this.ownAliases.some((x) => x.toLowerCase() === a));
  }

  isStaff(address: string): boolean {
    if (this.isOwn(address)) return true;
    const d = domainOf(address);
    return d !== '' && this.staffDomains.some((s) => s.trim().toLowerCase().replace(/^@/, '') === d);
  }

  contact(address: string): Contact | undefined {
    return this.contacts.get(address.toLowerCase());
  }

  client(id: string): ClientInfo | undefined {
    return this.clients.get(id);
  }

  /** The client whose listed domain the address is at (subdomains included), if exactly one. */
  clientByDomain(address: string): ClientInfo | null {
    const hits = [...this.clients.values()].filter((c) => c.domains.some((d) => isAtDomain(address, d)));
    return hits.length === 1 ? hits[0]! : null;
  }

  /** Domains a stranger's address may imitate: our own, staff and clients' (a look-alike gets no reply). */
  protectedDomains(): string[] {
    return [
      domainOf(this.supportAddress),
      ...this.ownAliases.map(domainOf),
      ...this.staffDomains,
      ...[...this.clients.values()].flatMap((c) => c.domains),
    ]
      .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
      .filter((d) => d !== '' && !isFreemailDomain(d));
  }

  roleOf(address: string): SenderRole {
    if (this.isOwn(address)) return { role: 'support' };
    if (this.isStaff(address)) return { role: 'staff' };
    const contact = this.contact(address);
    if (contact) return { role: 'contact', contact, client: this.clients.get(contact.clientId) ?? null };
    return { role: 'unknown', domainClient: this.clientByDomain(address) };
  }
}
