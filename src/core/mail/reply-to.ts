import { parseMailbox, splitList } from './address';
import { sameClientId } from '../types/client-ids';
import type { Directory } from './directory';

/**
 * Where the acknowledgement of a request goes. A Reply-To is the sender's wish, and
 * anyone can write one: honoured only when every address in it is the requester's own or
 * a registered contact of the requester's client, so it can redirect our mail to a shared
 * team mailbox on file but never outside the client. Otherwise the requester's From
 * address gets it and the Log says why the Reply-To was ignored.
 */
export type ReplyToChoice =
  /** No Reply-To, or one that names only the requester: the From address. */
  | { readonly use: 'from'; readonly to: readonly [string] }
  | { readonly use: 'reply-to'; readonly to: readonly string[] }
  | { readonly use: 'from'; readonly to: readonly [string]; readonly ignored: string };

export function chooseRecipients(replyTo: string, requester: string, clientId: string, directory: Directory): ReplyToChoice {
  const from = requester.toLowerCase();
  const entries = splitList(replyTo);
  if (entries.length === 0) return { use: 'from', to: [from] };
  const addresses: string[] = [];
  const outside: string[] = [];
  for (const e of entries) {
    const a = parseMailbox(e).address;
    if (a === '') {
      outside.push(`"${e.slice(0, 80)}" (not an address)`);
      continue;
    }
    if (!addresses.includes(a)) addresses.push(a);
    const contact = directory.contact(a);
    if (a !== from && !(contact && sameClientId(contact.clientId, clientId))) outside.push(a);
  }
  if (outside.length > 0)
    return {
      use: 'from',
      to: [from],
      ignored: `its Reply-To names ${outside.join(', ')}, not the requester or a registered contact of ${clientId || 'their client'}`,
    };
  if (addresses.length === 1 && addresses[0] === from) return { use: 'from', to: [from] };
  return { use: 'reply-to', to: addresses };
}
