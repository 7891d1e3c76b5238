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
  /**
   * In a ticket's thread, but the sender is not the requester, staff, a follower or a
   * registered contact of the ticket's client: recorded as unregistered, the ticket untouched.
   */
  | {
      readonly type: 'stranger';
      readonly kind: 'unregistered';
      readonly ticketId: TicketId;
      readonly clientId: string;
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

const OWN_KIND: Record<OwnMark['kind'], string> = {
  ack: 'acknowledgement',
  unregistered: 'reply to an unregistered sender',
  notice: 'notice',
  mail: 'mail (notice, escalation, alert or draft)',
};

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
      action: `our own ${OWN_KIND[own.kind]}`,
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
    const ofClient = role.role === 'contact' && sameClientId(role.contact.clientId, t.clientId);
    const isFollower = t.followers.includes(address);
    if (!isRequester && !ofClient && !isFollower) {
      // In the thread (Gmail put it there, or its headers name our mail) but not one of the
      // ticket's people: recorded, never added, never reopening, never adding its Cc.
      const who =
        role.role === 'contact'
          ? `a contact of ${role.contact.clientId}, not of ${t.clientId}`
          : `not a registered contact of ${t.clientId}`;
      return {
        type: 'stranger',
        kind: 'unregistered',
        ticketId: t.id,
        clientId: t.clientId,
        action: `not added to ${t.id}: ${who} (${join.via})`,
      };
    }
    const authorized = ofClient && role.role === 'contact' && role.contact.canOpenTickets;
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
    const kind: MessageKind = isRequester || ofClient ? 'customer' : 'follower';
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

export interface FollowersMerge {
  readonly followers: string[];
  /** Cc addresses left out: not registered contacts of the ticket's client (the Log names them). */
  readonly refused: string[];
}

/**
 * Followers from a message: its Cc (not To) that are registered contacts of the ticket's
 * client, added to what the ticket already has (the union over its messages). Our own and
 * staff addresses and the requester are never followers; anyone else on the Cc is refused,
 * so a stranger copied on a request never receives the client's status mail.
 */
export function mergeFollowers(
  existing: readonly string[],
  cc: readonly string[],
  requester: string,
  clientId: string,
  directory: Directory,
): FollowersMerge {
  const followers = [...existing];
  const refused: string[] = [];
  for (const a of cc) {
    const x = a.toLowerCase();
    if (x === requester.toLowerCase() || directory.isStaff(x) || followers.includes(x) || refused.includes(x)) continue;
    const contact = directory.contact(x);
    if (contact && sameClientId(contact.clientId, clientId)) followers.push(x);
    else refused.push(x);
  }
  return { followers, refused };
}
