import { acknowledgement, unregisteredReply } from '../../core/mail/ack';
import { authenticationFailure } from '../../core/mail/authentication';
import type { ClientInfo, Directory } from '../../core/mail/directory';
import { rankArticles, type Article } from '../../core/mail/kb';
import { suggestReason } from '../../core/mail/keywords';
import { ownWords } from '../../core/mail/own-words';
import { priorityName } from '../../core/tickets/priority-names';
import { sentimentOf } from '../../core/success/sentiment';
import { classifyPriority, levelPriority, priorityBecause } from '../../core/tickets/priority-rules';
import type { InboundMessage } from '../../core/mail/message';
import { collisionKey, excerptOf, sameMessage } from '../../core/mail/message-id';
import { heldAction, type MessageAction, type ReplyRecord } from '../../core/mail/message-action';
import { lookalikeOf } from '../../core/mail/lookalike';
import { detectNoise } from '../../core/mail/noise';
import { ownMarkIn } from '../../core/mail/own';
import { cleanOutsideText, greetingName, NAME_MAX } from '../../core/mail/outside-text';
import { parseMessage, receivedAt, type ParsedMessage } from '../../core/mail/parsed';
import { mayAcknowledge, mayReplyToUnregistered } from '../../core/mail/reply-limits';
import { chooseRecipients } from '../../core/mail/reply-to';
import { cleanSubject } from '../../core/mail/subject';
import { decide, mergeFollowers, type Decision } from '../../core/tickets/decide';
import { findTicket } from '../../core/tickets/join';
import type { MessageKind, Priority } from '../../core/types/vocab';
import { SETTINGS, type Settings } from '../../register/settings/spec';
import type { RowOf } from '../../register/tab-spec';
import type { ClientsTab } from '../../register/tabs';
import type { RunLogPort } from '../ports';
import type { Deadlines } from './deadlines';
import { cappedEvent, dailyCapEvent, FloodGate } from './flood';
import type { MessageLedger } from './message-ledger';
import type { Replies } from './replies';
import type { TicketBook, WorkTicket } from './ticket-book';
import { closeOnAgreement, queueReopened } from './close-agreement';
import { clientEscalationTopic } from '../../core/escalation/index';
import { readEscalationRequest } from '../../core/tickets/escalation-request';

/** A From that failed SPF/DKIM/DMARC may be anyone: it asks nothing of the matrix. */
const forgedOrSpoofed = (p: ParsedMessage) => authenticationFailure(p.msg.headers) !== null;

export interface HandlerContext {
  readonly book: TicketBook;
  readonly ledger: MessageLedger;
  readonly replies: Replies;
  readonly directory: Directory;
  readonly clients: ReadonlyMap<string, RowOf<typeof ClientsTab>>;
  /** Client IDs whose Clients row cannot be used, with the reason: their contacts' mail is held, not dropped. */
  readonly brokenClients: ReadonlyMap<string, string>;
  readonly settings: Settings;
  readonly now: () => number;
  readonly log: RunLogPort;
  /** Read on first use: a run that opens no ticket never reads the SLA tabs or the knowledge base. */
  readonly deadlines: () => Deadlines;
  readonly articles: () => readonly Article[];
}

export interface HandledCounts {
  processed: number;
  opened: number;
  appended: number;
  ignored: number;
  held: number;
  /** Registered contacts' requests to escalate (answered by the sweep at once). */
  escalationRequests: number;
}

/** Whom an acknowledgement greets: the Name on file, else what the sender calls themself if it is usable as a name. */
const greeting = (onFile: string, displayName: string): string => cleanOutsideText(onFile, NAME_MAX) || (greetingName(displayName) ?? '');

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const queued = (kind: ReplyRecord['kind']): ReplyRecord => ({ kind, outcome: 'queued' });

/**
 * What the inbox job does with one message: classify it (noise, our own, staff, customer,
 * stranger), join it to its ticket or open one, and queue the reply it is owed — recording
 * every outcome in the Messages ledger. The decisions themselves are pure (core/tickets,
 * core/mail); this applies them to the run's ticket book, ledger and outbox.
 */
export class MessageHandler {
  readonly counts: HandledCounts = { processed: 0, opened: 0, appended: 0, ignored: 0, held: 0, escalationRequests: 0 };
  /** Problems first met by this run (one per reason), for the support lead's mail. */
  readonly newProblems: string[] = [];
  private readonly flood: FloodGate;
  /** Look-alike domains the Log has heard of in this run. */
  private readonly lookalikesLogged = new Set<string>();

  constructor(private readonly c: HandlerContext) {
    this.flood = new FloodGate(c.ledger, c.settings);
  }

  handle(m: InboundMessage): void {
    const { ledger, directory } = this.c;
    if (m.draft) return; // not sent: a held reply waiting for a person
    if (m.readError) {
      this.c.log.add('Unreadable message', `Gmail message ${m.gmailId} in thread ${m.threadId} was skipped: ${m.readError}`);
      return;
    }
    let parsed: ParsedMessage;
    try {
      parsed = parseMessage(m);
    } catch (e) {
      this.counts.ignored++;
      this.c.log.add('Unreadable message', `Gmail message ${m.gmailId}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    ledger.markRead(m.gmailId);
    const keyed = this.keyed(parsed);
    if (!keyed) return; // the same message delivered again
    parsed = keyed;
    this.counts.processed++;
    const own = directory.isOwn(parsed.sender.address) ? ownMarkIn(m.body) : null;
    const noise = detectNoise(m.headers, parsed.sender.address, m.subject);
    const join = findTicket(parsed, this.c.book.index(ledger), directory);
    const decision = decide({ parsed, noise, own, join, directory, unregistered: this.c.settings.unregisteredSenders });
    if (own) for (const key of this.c.replies.seenInThread(own.kind, own.key, m.threadId)) ledger.settle(key, 'sent');
    const held = this.heldBy(parsed, decision);
    if (held) this.hold(parsed, 'customer', held.clientId, held.reason);
    else this.apply(parsed, decision);
  }

  /**
   * The message under the ledger key it is handled by, or null for a second delivery of a
   * message already in the ledger. A Message-ID already held by a different message (other
   * sender or content) is logged, and this one takes a derived key: nothing disappears.
   */
  private keyed(p: ParsedMessage): ParsedMessage | null {
    const { ledger } = this.c;
    const face = { from: p.sender.address, subject: p.msg.subject, excerpt: excerptOf(p.msg.body) };
    const held = ledger.heldFace(p.ledgerId);
    // A held message read again is handled again; another message must not overwrite its row.
    const prior = ledger.entry(p.ledgerId) ?? (held && { ...held, ticketId: '' });
    if (!prior) return p;
    if (sameMessage(prior, face)) return held && !ledger.has(p.ledgerId) ? p : null;
    const key = collisionKey(p.ledgerId, p.sender.address, p.msg.subject, p.msg.body);
    if (ledger.has(key)) return null; // this different message, delivered again
    this.c.log.add(
      'Message-ID reused',
      `${p.sender.address}'s "${p.msg.subject}" came with Message-ID ${p.ledgerId}, which ${prior.from || 'an earlier message'}'s${prior.subject === null ? '' : ` "${prior.subject}"`} already has: recorded under ${key} and handled as its own message.`,
      { ticketId: prior.ticketId },
    );
    return { ...p, ledgerId: key };
  }

  /**
   * Whether the register, not the message, keeps it from being handled: a registered
   * contact whose client's row has a problem, or has no row, would otherwise be "of an
   * unknown client" and lost. Such a message waits for the register to be fixed.
   */
  private heldBy(p: ParsedMessage, d: Decision): { clientId: string; reason: string } | null {
    if (d.type !== 'unregistered' || d.client) return null;
    const contact = this.c.directory.contact(p.sender.address);
    if (!contact) return null;
    const id = contact.clientId;
    const problem = this.c.brokenClients.get(id);
    if (problem !== undefined) return { clientId: id, reason: `the Clients row of ${id} has a problem (${problem})` };
    // A contact of a client with no row at all: a typo in Contacts, or a row deleted by mistake.
    return { clientId: id, reason: `Contacts lists contacts of client ${id || '(blank)'}, which is not on the Clients tab` };
  }

  /** Records the message as held (retried by every run); the Log hears once per reason. */
  private hold(p: ParsedMessage, kind: MessageKind, clientId: string, reason: string): void {
    this.counts.held++;
    if (this.c.ledger.hold(p, kind, heldAction(reason))) {
      this.newProblems.push(reason);
      this.c.log.add(
        'Mail held',
        `Mail from ${p.sender.address} ("${p.msg.subject}") is held: ${reason}. Once the register is fixed, the next inbox check opens the held tickets with their original Received at. Later mail held for the same reason is not logged again.`,
        { clientId },
      );
    }
  }

  private apply(p: ParsedMessage, d: Decision): void {
    const { book, ledger } = this.c;
    switch (d.type) {
      case 'log':
        this.counts.ignored++;
        ledger.record(p, d.kind, d.ticketId ?? '', { event: d.action, reply: null });
        return;
      case 'append': {
        const t = book.get(d.ticketId)!;
        if (this.openedBy(t, p)) {
          this.adopt(p, t);
          return;
        }
        // A client agreeing to close a Resolved ticket closes it rather than reopening it.
        const closed = d.reopen && d.kind === 'customer' ? closeOnAgreement(this.c, p, t) : null;
        this.append(p, t, closed ? { ...d, reopen: false } : d);
        const reopened = !closed && d.reopen && d.kind === 'customer' ? queueReopened(this.c, p, t) : null;
        const asked = !closed && d.kind === 'customer' ? this.escalationRequest(p, t) : '';
        const felt = !closed && !asked && (d.kind === 'customer' || d.kind === 'follower') ? this.sentimentTag(p) : '';
        ledger.record(p, d.kind, t.id, closed ?? { event: `${d.action}${asked}${felt}`, reply: reopened });
        return;
      }
      case 'open':
        if (!this.joinedByCap(p, d)) this.open(p, d);
        return;
      case 'stranger':
        this.counts.ignored++;
        ledger.record(p, d.kind, d.ticketId, { event: d.action, reply: null });
        this.c.log.add(
          'Not added to ticket',
          `${p.sender.address} wrote in the thread of ${d.ticketId} ("${p.msg.subject}") but is not its requester, staff or a registered contact of ${d.clientId}: the message is in Messages; the ticket was not changed, reopened or given followers. Register them on Contacts if they belong to it.`,
          { ticketId: d.ticketId, clientId: d.clientId },
        );
        return;
      case 'unregistered': {
        this.counts.ignored++;
        const { reply, event } = d.replyAllowed ? this.strangerReply(p, d.client, d.action) : { reply: null, event: d.action };
        if (d.client) {
          this.c.log.add(
            'Unregistered sender',
            `${p.sender.address} (${d.client.name}) wrote "${p.msg.subject}" but is not a registered contact who may open tickets: register them on Contacts if they should.`,
            { clientId: d.client.clientId },
          );
        }
        ledger.record(p, d.kind, '', { event, reply });
        return;
      }
    }
  }

  /**
   * A sender over `Tickets per sender per hour` (counted by when their mail reached Gmail,
   * which a sender cannot forge) opens no new ticket: the message joins their latest open
   * ticket, and the Log hears once per hour of flood. With no open ticket to join, it opens one.
   */
  private joinedByCap(p: ParsedMessage, d: Extract<Decision, { type: 'open' }>): boolean {
    const arrived = p.msg.deliveredAt;
    if (this.flood.mayOpen(d.requester, arrived)) return false;
    const t = this.c.book.latestOpenOf(d.requester);
    if (!t) return false;
    const cap = this.c.settings.ticketsPerSenderPerHour;
    const event = cappedEvent(t.id, cap);
    this.append(p, t, { type: 'append', kind: d.kind, ticketId: t.id, staff: false, reopen: false, action: event });
    this.c.ledger.record(p, d.kind, t.id, { event, reply: null });
    if (this.flood.noteCapped(d.requester, arrived))
      this.c.log.add(
        'Ticket cap reached',
        `${d.requester} opened ${cap} tickets within an hour: further mail from them joins ${t.id} (their latest open ticket) instead of opening tickets, until an hour has passed. Settings → ${SETTINGS.ticketsPerSenderPerHour.key}.`,
        { ticketId: t.id, clientId: t.clientId },
      );
    return true;
  }

  /**
   * The polite reply a stranger may get, or why not: never to a forged sender (failed
   * SPF/DKIM/DMARC) nor to a look-alike of a protected domain, once a day per sender, and
   * at most `Unregistered replies per day` for all strangers together.
   */
  private strangerReply(p: ParsedMessage, client: ClientInfo | null, action: string): { reply: ReplyRecord | null; event: string } {
    const forged = authenticationFailure(p.msg.headers);
    if (forged) return { reply: null, event: `${action} (no reply: ${forged})` };
    const imitated = lookalikeOf(p.sender.address, this.c.directory.protectedDomains());
    if (imitated) {
      const domain = p.sender.address.slice(p.sender.address.lastIndexOf('@') + 1);
      if (!this.lookalikesLogged.has(domain)) {
        this.lookalikesLogged.add(domain);
        this.c.log.add(
          'Look-alike sender',
          `${p.sender.address} wrote "${cleanOutsideText(p.msg.subject, 80)}" from ${domain}, which imitates ${imitated}: no ticket and no reply (possible phishing).`,
        );
      }
      return { reply: null, event: `${action} (no reply: ${domain} looks like ${imitated})` };
    }
    const reply = this.queueUnregistered(p, client);
    if (reply.outcome !== 'over-cap') return { reply, event: action };
    const cap = this.c.settings.unregisteredRepliesPerDay;
    if (this.flood.noteDailyCap(this.c.now()))
      this.c.log.add(
        'Replies to strangers capped',
        `${cap} unregistered senders were answered in the last 24 hours: later ones get no reply until the day has passed (their mail is still recorded in Messages). Settings → ${SETTINGS.unregisteredRepliesPerDay.key}.`,
      );
    return { reply: null, event: dailyCapEvent(action, cap) };
  }

  /** A message joins its ticket: counts and stamps move, Cc'd colleagues follow, a resolved ticket reopens. */
  private append(p: ParsedMessage, t: WorkTicket, d: Extract<Decision, { type: 'append' }>): void {
    const { book, ledger, replies } = this.c;
    const at = new Date(receivedAt(p));
    t.messages++;
    book.touch(t, 'Messages', t.messages);
    if (d.staff) {
      for (const key of replies.withdrawAcknowledgement(t.id)) ledger.settle(key, 'withdrawn');
      if (!t.firstResponseAt) {
        t.firstResponseAt = at;
        book.touch(t, 'First response at', at);
      }
      if (!t.lastStaffAt || t.lastStaffAt.getTime() < at.getTime()) {
        t.lastStaffAt = at;
        book.touch(t, 'Last staff message at', at);
      }
    } else if (!t.lastCustomerAt || t.lastCustomerAt.getTime() < at.getTime()) {
      t.lastCustomerAt = at;
      book.touch(t, 'Last customer message at', at);
    }
    const { followers, refused } = mergeFollowers(t.followers, p.cc, t.requester, t.clientId, this.c.directory);
    this.logRefused(p, t.id, t.clientId, refused);
    if (followers.length !== t.followers.length) {
      t.followers = followers;
      book.touch(t, 'Followers', followers);
    }
    if (d.reopen) {
      t.status = 'Open';
      t.resolvedAt = null;
      book.touch(t, 'Status', 'Open');
      book.touch(t, 'Resolved at', '');
      this.c.log.add('Reopened', `${p.sender.address} wrote again after it was resolved`, { ticketId: t.id, clientId: t.clientId });
    }
    book.adoptThread(p.msg.threadId, t.id);
    this.counts.appended++;
  }

  /**
   * Whether this message is the one that opened `t` in an earlier run that was cut before
   * its ledger row was written: the ticket has no ledger rows at all, and its requester,
   * thread and Received at are this message's.
   */
  private openedBy(t: WorkTicket, p: ParsedMessage): boolean {
    return (
      !t.isNew &&
      !this.c.ledger.namesTicket(t.id) &&
      t.requester === p.sender.address &&
      t.threadId === p.msg.threadId &&
      t.receivedAt === receivedAt(p)
    );
  }

  private adopt(p: ParsedMessage, t: WorkTicket): void {
    this.counts.opened++;
    let reply: ReplyRecord | null = null;
    if (this.c.directory.contact(t.requester)?.canOpenTickets) {
      const due = t.firstResponseDue !== null && t.timeZone ? { ms: t.firstResponseDue, timeZone: t.timeZone } : null;
      reply = this.queueAck(p, t, t.priority, due);
    }
    this.c.log.add('Recovered', `${t.id} was opened by a run cut short; its message is now recorded`, {
      ticketId: t.id,
      clientId: t.clientId,
    });
    this.c.ledger.record(p, 'customer', t.id, { event: `opened ${t.id}`, reply });
  }

  private open(p: ParsedMessage, d: Extract<Decision, { type: 'open' }>): void {
    const m = p.msg;
    const { book, settings } = this.c;
    // Not taken yet: a message held for a broken policy or calendar opens no ticket.
    const id = book.peekId();
    const received = receivedAt(p);
    const text = `${m.subject}\n${m.body}`;
    // The matrix reads what the sender wrote now, never an older mail quoted below it.
    const matched = classifyPriority(`${cleanSubject(m.subject)}\n${ownWords(m.body)}`, settings.priorityRules);
    const priority = levelPriority(matched.level);
    const reason = suggestReason(text, settings.reasonRules);
    const { followers, refused } = mergeFollowers([], p.cc, d.requester, d.clientId, this.c.directory);
    const client = this.c.clients.get(d.clientId);
    const row: Record<string, unknown> = {
      'Ticket ID': id,
      'Client ID': d.clientId,
      Requester: d.requester,
      Followers: followers,
      Subject: cleanSubject(m.subject) || '(no subject)',
      Reason: reason,
      Priority: priority,
      Status: 'New',
      'Received at': new Date(received),
      'Thread ID': m.threadId,
      'Last customer message at': new Date(received),
      Messages: 1,
    };
    // Deadlines, SLA state and Policy come from the shared ticket-row layer, as the sweep computes them.
    const due = client ? this.c.deadlines().forNewTicket(client, row, this.c.now()) : null;
    if (due?.problem) {
      // Its SLA cannot be counted (no policy for the plan and priority, or its calendar is
      // missing or broken): held until the register is fixed, rather than a ticket with no deadlines.
      this.hold(p, d.kind, d.clientId, `a ticket of ${d.clientId} gets no deadlines: ${lowerFirst(due.problem)}`);
      return;
    }
    book.nextId();
    Object.assign(row, due?.values ?? {});
    const notes: Record<string, string> = { ...due?.notes };
    const t: WorkTicket = {
      id,
      clientId: d.clientId,
      requester: d.requester,
      followers,
      status: 'New',
      threadId: m.threadId,
      messages: 1,
      firstResponseAt: null,
      lastStaffAt: null,
      lastCustomerAt: new Date(received),
      resolvedAt: null,
      isNew: true,
      receivedAt: received,
      priority,
      firstResponseDue: due?.firstResponseDue ?? null,
      timeZone: due?.timeZone ?? null,
      changed: new Set(),
      row,
      notes,
    };
    book.add(t);
    this.flood.noteOpened(d.requester, m.deliveredAt);
    this.counts.opened++;
    this.logRefused(p, id, d.clientId, refused);
    const event = d.followsClosed ? `opened ${id}, following up ${d.followsClosed} (closed)` : `opened ${id}`;
    this.c.log.add(
      'Opened ticket',
      `${id} for ${d.requester}: "${cleanSubject(m.subject)}" (${priorityName(this.c.settings.priorityNames, priority)}, ${reason}; ${priorityBecause(matched)})${d.followsClosed ? `; follows up ${d.followsClosed}, which is closed` : ''}`,
      { ticketId: id, clientId: d.clientId },
    );
    // A forged From is someone else's address: the ticket is opened, the acknowledgement withheld.
    const forged = d.kind === 'customer' ? authenticationFailure(m.headers) : null;
    if (forged)
      this.c.log.add('Acknowledgement withheld', `${d.requester}: ${forged}, so the From address may be forged`, {
        ticketId: id,
        clientId: d.clientId,
      });
    const reply =
      d.kind === 'customer' && !forged
        ? this.queueAck(
            p,
            t,
            priority,
            due?.firstResponseDue && due.timeZone
              ? { ms: due.firstResponseDue, timeZone: due.timeZone, within: due.firstResponseWithin, holiday: due.holidayToday }
              : null,
          )
        : null;
    const asked = d.kind === 'customer' && !forged ? this.escalationRequest(p, t) : '';
    const felt = d.kind === 'customer' && !forged && !asked ? this.sentimentTag(p) : '';
    this.c.ledger.record(p, d.kind, id, {
      event: (forged ? `${event} (not acknowledged: ${forged})` : event) + asked + felt,
      reply,
    } satisfies MessageAction);
  }

  /**
   * A complaint or thanks in the sender's own words (Settings → Complaint phrases, Thanks
   * phrases), marked on the Messages Action for the client's health score.
   */
  private sentimentTag(p: ParsedMessage): string {
    if (forgedOrSpoofed(p)) return '';
    const said = sentimentOf(`${p.msg.subject}\n${ownWords(p.msg.body)}`, this.c.settings.complaintPhrases, this.c.settings.thanksPhrases);
    return said ? `; ${said}` : '';
  }

  /**
   * A registered contact asking, in their own words, to escalate the ticket: the request goes
   * into its Notified ledger, where the next sweep answers it (the next tier is mailed, the
   * client told who owns it). Returns the words for the Messages Action, or ''.
   */
  private escalationRequest(p: ParsedMessage, t: WorkTicket): string {
    if (forgedOrSpoofed(p)) return '';
    const phrase = readEscalationRequest(`${p.msg.subject}\n${ownWords(p.msg.body)}`, this.c.settings.escalationRequestPhrases);
    if (!phrase) return '';
    const at = receivedAt(p);
    this.counts.escalationRequests++;
    this.c.book.addLedgerLine(t, {
      atMs: at,
      topic: clientEscalationTopic(at),
      outcome: 'requested',
      detail: `${p.sender.address}: "${phrase}"`,
    });
    this.c.log.add(
      'Escalation requested',
      `${p.sender.address} asked to escalate ${t.id} ("${phrase}"); the next tier of the matrix is told by the sweep that follows this check`,
      {
        ticketId: t.id,
        clientId: t.clientId,
      },
    );
    return '; escalation requested';
  }

  /** Cc addresses that did not become followers: the Log names them once, for a CSM to register. */
  private logRefused(p: ParsedMessage, ticketId: string, clientId: string, refused: readonly string[]): void {
    if (refused.length === 0) return;
    this.c.log.add(
      'Followers not added',
      `${refused.join(', ')} (on the Cc of ${p.sender.address}'s "${p.msg.subject}") ${refused.length === 1 ? 'is not a registered contact' : 'are not registered contacts'} of ${clientId}, so ${refused.length === 1 ? 'does' : 'do'} not follow ${ticketId} or receive its status mail. Register them on Contacts if they should.`,
      { ticketId, clientId },
    );
  }

  private queueAck(
    p: ParsedMessage,
    t: WorkTicket,
    priority: Priority,
    due: { ms: number; timeZone: string; within?: string | null; holiday?: boolean } | null,
  ): ReplyRecord {
    const to = p.sender.address;
    const limit = this.c.settings.acksPerSenderPerHour;
    if (!mayAcknowledge(this.c.ledger.replied(), to, this.c.now(), limit)) {
      this.c.log.add('Acknowledgement withheld', `${to} already had ${limit} acknowledgement${limit === 1 ? '' : 's'} in the last hour`, {
        ticketId: t.id,
        clientId: t.clientId,
      });
      return { kind: 'acknowledgement', outcome: 'limited', limit };
    }
    const contact = this.c.directory.contact(to);
    const recipients = chooseRecipients(p.msg.replyTo, to, t.clientId, this.c.directory);
    if ('ignored' in recipients)
      this.c.log.add('Reply-To ignored', `The acknowledgement of ${t.id} goes to ${to}: ${recipients.ignored}.`, {
        ticketId: t.id,
        clientId: t.clientId,
      });
    const mail = acknowledgement({
      ticketId: t.id,
      subject: p.msg.subject,
      requesterName: greeting(contact?.name ?? '', p.sender.name),
      priority: priorityName(this.c.settings.priorityNames, priority),
      firstResponseDue: due,
      now: this.c.now(),
      articles: rankArticles(`${p.msg.subject}\n${p.msg.body}`, [...this.c.articles()]),
      followers: t.followers,
      emergencyContact: due?.holiday ? this.c.settings.holidayEmergencyContact : '',
    });
    this.c.replies.add({
      key: p.ledgerId,
      kind: 'ack',
      markKey: t.id,
      gmailId: p.msg.gmailId,
      threadId: p.msg.threadId,
      ticketId: t.id,
      to,
      ...(recipients.use === 'reply-to' ? { recipients: recipients.to } : {}),
      cc: t.followers.filter((f) => !recipients.to.includes(f)),
      ...mail,
    });
    return queued('acknowledgement');
  }

  private queueUnregistered(p: ParsedMessage, client: ClientInfo | null): ReplyRecord | { outcome: 'over-cap' } {
    const to = p.sender.address;
    if (!mayReplyToUnregistered(this.c.ledger.replied(), to, this.c.now())) return { kind: 'reply', outcome: 'skipped' };
    if (!this.flood.mayReplyToStranger(this.c.now())) return { outcome: 'over-cap' };
    this.flood.noteStrangerReply();
    const contact = this.c.directory.contact(to);
    const mail = unregisteredReply(p.msg.subject, client?.name ?? null, p.ledgerId, {
      contactMayNotOpen: !!contact && !contact.canOpenTickets && contact.clientId === client?.clientId,
    });
    this.c.replies.add({
      key: p.ledgerId,
      kind: 'unregistered',
      markKey: p.ledgerId,
      gmailId: p.msg.gmailId,
      threadId: p.msg.threadId,
      ticketId: '',
      to,
      cc: [],
      ...mail,
    });
    return queued('reply');
  }
}
