import { sameClientId } from '../types/client-ids';
import type { TicketId } from '../types/ids';
import type { MessageKind } from '../types/vocab';
import type { ClientInfo, Directory } from '../mail/directory';
import type { Noise } from '../mail/noise';
import type { OwnMark } from '../mail/own';
import type { ParsedMessage } from '../mail/parsed';
import type { Join } from './join';

export type UnregisteredPolicy = 'Reply and log' | 'Open ticket';

export type Decision =
  /** Recorded in the ledger only (noise, our own mail, staff mail outside tickets, a closed ticket's tail). */
  | { readonly type: 'log'; readonly kind: MessageKind; readonly ticketId: TicketId | null; readonly action: string }
  /** Appended to a ticket; `staff` stamps first response / last staff message, otherwise last customer message. */
  | {
      readonly type: 'append';
      readonly kind: MessageKind;
      readonly ticketId: TicketId;
      readonly staff: boolean;
      readonly reopen: boolean;
      readonly action: string;
    }
  /** Opens a ticket for `requester` (the From address, never Reply-To). */
  | {
      readonly type: 'open';
      readonly kind: MessageKind;
      readonly clientId: string;
      readonly requester: string;
      readonly followsClosed: TicketId | null;
      readonly action: string;
    }
  /** No ticket; the sender may get the one polite "how to get registered" reply. */
  | {
      readonly type: 'unregistered';
      readonly kind: 'unregistered';
      readonly replyAllowed: boolean;
      /** The client whose domain the sender is at, so the Log can tell its CSM. */
      readonly client: ClientInfo | null;
      readonly action: string;
    };

export interface DecideInput {
  readonly parsed: ParsedMessage;
  readonly noise: Noise | null;
  readonly own: OwnMark | null;
  readonly join: Join | null;
  readonly directory: Directory;
  readonly unregistered: UnregisteredPolicy;
}

const ENDED = 'ended';

/**
 * What one inbound message means for the register (docs/design.md, Rules: Mail). Pure: the
 * job applies the decision, rate limits and quota.
 */
export function decide(input: DecideInput): Decision {
  const { parsed, noise, own, join, directory } = input;
  const address = parsed.sender.address;
  const ticketId = join?.ticket.id ?? null;

  if (directory.isOwn(address) && own) {
    return {
      type: 'log',
      kind: 'own',
      ticketId,
      action: `our own ${own.kind === 'ack' ? 'acknowledgement' : own.kind === 'unregistered' ? 'reply to an unregistered sender' : 'notice'}`,
    };
  }
  if (noise) {
    return {
      type: 'log',
      kind: noise.kind,
      ticketId,
      action: `ignored: ${noise.kind === 'auto' ? 'automatic reply' : noise.kind === 'bounce' ? 'bounce' : 'bulk or list mail'} (${noise.why})`,
    };
  }
  if (address === '') return { type: 'log', kind: 'unregistered', ticketId, action: 'ignored: no sender address' };

  const role = directory.roleOf(address);
  if (join) {
    const t = join.ticket;
    if (role.role === 'support' || role.role === 'staff') {
      return {
        type: 'append',
        kind: 'staff',
        ticketId: t.id,
        staff: true,
        reopen: false,
        action: `staff reply added to ${t.id} (${join.via})`,
      };
    }
    const isRequester = address === t.requester.toLowerCase();
    const authorized = role.role === 'contact' && role.contact.canOpenTickets && sameClientId(role.contact.clientId, t.clientId);
    if (t.status === 'Closed') {
      if ((isRequester || authorized) && role.role === 'contact' && role.contact.canOpenTickets) {
        return {
          type: 'open',
          kind: 'customer',
          clientId: role.contact.clientId,
          requester: address,
          followsClosed: t.id,
          action: `new ticket: ${t.id} is closed`,
        };
      }
      return {
        type: 'log',
        kind: isRequester || authorized ? 'customer' : 'follower',
        ticketId: t.id,
        action: `not added: ${t.id} is closed`,
      };
    }
    const kind: MessageKind =
      isRequester || authorized
        ? 'customer'
        : t.followers.includes(address)
          ? 'follower'
          : role.role === 'contact'
            ? 'customer'
            : 'unregistered';
    const reopen = t.status === 'Resolved';
    return {
      type: 'append',
      kind,
      ticketId: t.id,
      staff: false,
      reopen,
      action: `added to ${t.id} (${join.via})${reopen ? '; reopened' : ''}`,
    };
  }

  if (role.role === 'support')
    return { type: 'log', kind: 'staff', ticketId: null, action: 'mail from the support address outside any ticket: nothing opened' };
  if (role.role === 'staff') return { type: 'log', kind: 'staff', ticketId: null, action: 'staff mail outside any ticket: nothing opened' };
  if (role.role === 'contact') {
    const client = role.client;
    if (!client) {
      return {
        type: 'unregistered',
        kind: 'unregistered',
        replyAllowed: false,
        client: null,
        action: `contact of unknown client ${role.contact.clientId}: no ticket`,
      };
    }
    if (client.status.toLowerCase() === ENDED) {
      return {
        type: 'unregistered',
        kind: 'unregistered',
        replyAllowed: false,
        client,
        action: `client ${client.clientId} has ended: no ticket`,
      };
    }
    if (!role.contact.canOpenTickets) {
      return {
        type: 'unregistered',
        kind: 'unregistered',
        replyAllowed: true,
        client,
        action: `contact of ${client.clientId} may not open tickets`,
      };
    }
    return { type: 'open', kind: 'customer', clientId: client.clientId, requester: address, followsClosed: null, action: 'opened' };
  }
  if (input.unregistered === 'Open ticket') {
    const client = role.domainClient;
    return {
      type: 'open',
      kind: 'unregistered',
      clientId: client?.clientId ?? 'UNREGISTERED',
      requester: address,
      followsClosed: null,
      action: 'opened for an unregistered sender',
    };
  }
  return {
    type: 'unregistered',
    kind: 'unregistered',
    replyAllowed: true,
    client: role.domainClient,
    action: role.domainClient
      ? `unregistered sender at ${role.domainClient.clientId}'s domain: no ticket`
      : 'unregistered sender: no ticket',
  };
}

/**
 * Followers from a message: its Cc (not To), minus our own and staff addresses and the
 * requester, added to what the ticket already has (the union over its messages).
 */
export function mergeFollowers(existing: readonly string[], cc: readonly string[], requester: string, directory: Directory): string[] {
  const out = [...existing];
  for (const a of cc) {
    const x = a.toLowerCase();
    if (x === requester.toLowerCase() || directory.isStaff(x) || out.includes(x)) continue;
    out.push(x);
  }
  return out;
}
