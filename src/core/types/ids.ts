/**
 * Identifiers carried as branded strings so a ClientId can never be passed where a
 * TicketId is expected. Brands cost nothing at run time.
 */
export type TicketId = string & { readonly __brand: 'TicketId' };
export type ClientId = string & { readonly __brand: 'ClientId' };
export type CalendarId = string & { readonly __brand: 'CalendarId' };

export const asTicketId = (s: string): TicketId => s as TicketId;
export const asClientId = (s: string): ClientId => s as ClientId;
export const asCalendarId = (s: string): CalendarId => s as CalendarId;

/** Ticket numbers are issued as T-000123: fixed width so they sort as text. */
export function formatTicketId(n: number): TicketId {
  return `T-${String(n).padStart(6, '0')}` as TicketId;
}

export function parseTicketNumber(id: string): number | null {
  const m = /^T-(\d+)$/.exec(id.trim());
  return m ? Number(m[1]) : null;
}
