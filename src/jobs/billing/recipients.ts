import type { ClientInfo, RegisterData } from '../hours/register-data';

/**
 * Who a client's billing mail (statement, invoice) is addressed to: the Clients tab's
 * Finance email, else its Billing contacts, else its Authorized representatives.
 */
export function billingRecipients(client: ClientInfo, data: RegisterData): string[] {
  if (client.financeEmail) return [client.financeEmail];
  const of = (role: string) =>
    data.contacts.filter((c) => c.clientId === client.clientId && c.role.toLowerCase() === role).map((c) => c.email);
  return of('billing').length ? of('billing') : of('authorized representative');
}
