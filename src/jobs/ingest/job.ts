import { acknowledgement, unregisteredReply } from '../../core/mail/ack';
import { Directory, type ClientInfo } from '../../core/mail/directory';
import { rankArticles, type Article } from '../../core/mail/kb';
import { suggestPriority, suggestReason } from '../../core/mail/keywords';
import { detectNoise } from '../../core/mail/noise';
import { ownMarker, ownMarkIn } from '../../core/mail/own';
import { parseMessage, receivedAt, type ParsedMessage } from '../../core/mail/parsed';
import { cleanSubject } from '../../core/mail/subject';
import type { InboundMessage } from '../../core/mail/message';
import { decide, mergeFollowers, type Decision } from '../../core/tickets/decide';
import { findTicket, type TicketIndex, type TicketView } from '../../core/tickets/join';
import { formatTicketId, parseTicketNumber, type TicketId } from '../../core/types/ids';
import type { MessageKind, TicketStatus } from '../../core/types/vocab';
import {
  CalendarsTab,
  ClientsTab,
  ContactsTab,
  HolidaysTab,
  KnowledgeBaseTab,
  MessagesTab,
  SettingsTab,
  SlaPoliciesTab,
  TicketsTab,
} from '../../register/tabs';
import { RegisterError, appendRows, applyPlan, planWrites, readTable, writesByKey, type Table } from '../../register/table';
import type { RowOf, TabSpec } from '../../register/tab-spec';
import type * as z from 'zod/mini';
import { loadCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint';
import { buildSlaContext } from '../shared/sla-context';
import { Deadlines } from './deadlines';
import { loadOutbox, saveOutbox, type QueuedMail } from './outbox';
import type { IngestPorts } from './ports';
import { QuotaMailer } from '../mail/quota';
import { lockOrSkip } from '../lock-policy';
import { SETTINGS, type Settings } from '../../register/settings/spec';
import { reportSettingProblems, settingsFromTable, type LoadedSettings } from '../shared/settings';

/** Gmail may index a message a little after its date: each search looks this far back past the checkpoint. */
export const OVERLAP_MS = 15 * 60 * 1000;
/** Threads per search page (Gmail's maximum is 500; smaller pages let a long run stop sooner). */
export const PAGE_SIZE = 100;
const MAX_PAGES = 20;
/** Time kept back for the sheet writes and the checkpoint. */
export const WRITE_RESERVE_MS = 60 * 1000;
/** Time kept back after the last reply for the final ledger update. */
const SEND_RESERVE_MS = 20 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const EXCERPT = 300;

export interface IngestReport {
  readonly status: 'done' | 'partial' | 'busy' | 'idle';
  readonly threads: number;
  readonly processed: number;
  readonly opened: number;
  readonly appended: number;
  readonly ignored: number;
  readonly sent: number;
  readonly drafted: number;
  readonly waiting: number;
  readonly message: string;
}

interface WorkTicket extends TicketView {
  followers: string[];
  status: TicketStatus;
  messages: number;
  firstResponseAt: Date | null;
  lastStaffAt: Date | null;
  lastCustomerAt: Date | null;
  resolvedAt: Date | null;
  isNew: boolean;
  receivedAt: number | null;
  priority: RowOf<typeof TicketsTab>['Priority'];
  firstResponseDue: number | null;
  /** Zone of the client's calendar, when known (for the promise in a recovered acknowledgement). */
  timeZone: string | null;
  /** Automation-owned cells changed this run (existing tickets). */
  changed: Set<string>;
  /** The full row of a ticket opened this run. */
  row?: Record<string, unknown>;
  notes?: Record<string, string>;
}

interface LedgerEntry {
  readonly ticketId: string;
  readonly threadId: string;
  readonly kind: string;
  readonly from: string;
  readonly at: number;
  action: string;
}

type Tab<S extends TabSpec> = Table<RowOf<S>>;

function read<S extends z.ZodMiniObject>(ports: IngestPorts, spec: TabSpec<S>): Table<z.output<S>> {
  const port = ports.workbook.tab(spec.name);
  if (!port) throw new RegisterError(`The ${spec.name} tab is missing. Run Support Desk → Set up register.`);
  return readTable(port, spec);
}

const messageCount = (n: number | null) => (n === null ? 0 : n);
const asDate = (d: Date | null) => (d ? new Date(d.getTime()) : null);

/** Reads the support inbox into Tickets and Messages (issue 4). Takes the document lock for the whole run. */
export function runIngest(ports: IngestPorts): IngestReport {
  return lockOrSkip(ports.lock, 'ingest', () => new IngestRun(ports).run(), () => {
    const message = 'Another Support Desk run holds the document lock; this inbox check was skipped and the next one will catch up.';
    ports.log.add('Skipped', message);
    return { status: 'busy', threads: 0, processed: 0, opened: 0, appended: 0, ignored: 0, sent: 0, drafted: 0, waiting: 0, message };
  });
}

class IngestRun {
  private readonly startedAt: number;
  private settings!: Settings;
  private loadedSettings!: LoadedSettings;
  private checkpoint!: Checkpoint;
  private outbox: QueuedMail[] = [];
  private messagesTable!: Tab<typeof MessagesTab>;
  private ticketsTable!: Tab<typeof TicketsTab>;
  private readonly ledger = new Map<string, LedgerEntry>();
  private readonly knownGmail = new Set<string>();
  /** Tickets some ledger row names. */
  private readonly ledgerTickets = new Set<string>();
  private readonly tickets = new Map<string, WorkTicket>();
  private readonly threadTicket = new Map<string, string>();
  private directory!: Directory;
  private deadlines: Deadlines | null = null;
  private articles: Article[] | null = null;
  private lastTicket = 0;
  private readonly newLedgerRows: Record<string, unknown>[] = [];
  private readonly newTickets: WorkTicket[] = [];
  /** Ledger key → what became of its queued reply: 'sent', 'draft', 'failed' or 'answered' (staff replied before it went out). */
  private readonly actionUpdates = new Map<string, 'sent' | 'draft' | 'failed' | 'answered'>();
  /** Ledger keys recorded by this run: their replies go out now, however long ago the mail arrived. */
  private readonly recordedNow = new Set<string>();
  private readonly counts = { processed: 0, opened: 0, appended: 0, ignored: 0, sent: 0, drafted: 0 };

  constructor(private readonly p: IngestPorts) {
    this.startedAt = p.clock.now();
  }

  run(): IngestReport {
    this.loadedSettings = settingsFromTable(read(this.p, SettingsTab), this.p.workbook.timeZone);
    this.settings = this.loadedSettings.settings;
    if (!this.settings.supportAddress) {
      const bad = this.loadedSettings.problems.find((p) => p.key === SETTINGS.supportAddress.key);
      const what = `Settings "${SETTINGS.supportAddress.key}"`;
      throw new RegisterError(`${what} ${bad ? bad.message.replace(/; using .*$/, '') : 'is empty'}: enter the support inbox address.`);
    }
    this.checkpoint = loadCheckpoint(this.p.state);
    const threadIds = this.search();
    if (threadIds === null) return this.finish('partial', 0, 'The search ran out of time; the next run continues.');
    if (this.checkpoint.outbox > 0) this.outbox = loadOutbox(this.p.state);
    if (threadIds.length === 0 && this.outbox.length === 0) {
      saveCheckpoint(this.p.state, { ...this.checkpoint, since: this.startedAt });
      return { status: 'idle', threads: 0, processed: 0, opened: 0, appended: 0, ignored: 0, sent: 0, drafted: 0, waiting: 0, message: 'No new mail.' };
    }
    reportSettingProblems(this.p.workbook, this.loadedSettings, { add: (action, detail = '', ids = {}) => this.note(action, detail, ids) });

    this.readRegister();
    // Threads of replies still waiting: our own copy may be there already (a run cut right after sending).
    const all = [...new Set([...threadIds, ...this.outbox.map((m) => m.threadId)])];
    const fresh: InboundMessage[] = [];
    let complete = true;
    for (let i = 0; i < all.length; i += PAGE_SIZE) {
      if (this.p.budget.remainingMs() < WRITE_RESERVE_MS * 2) {
        complete = false;
        break;
      }
      fresh.push(...this.p.mailbox.readThreads(all.slice(i, i + PAGE_SIZE), (id) => this.knownGmail.has(id)));
    }
    // Oldest first across threads, so a reply always meets the request it answers.
    const order = fresh.map((m, i) => ({ m, i })).sort((a, b) => a.m.deliveredAt - b.m.deliveredAt || a.i - b.i);
    for (const { m } of order) {
      if (this.p.budget.remainingMs() < WRITE_RESERVE_MS) {
        complete = false;
        break;
      }
      this.process(m);
    }
    this.writeRegister();
    this.sendQueued();
    this.writeActions();
    return this.finish(complete && this.outbox.length === 0 ? 'done' : 'partial', all.length, '', complete);
  }

  private finish(status: IngestReport['status'], threads: number, message: string, complete = false): IngestReport {
    const c = this.counts;
    const summary =
      message ||
      `${c.processed} new message${c.processed === 1 ? '' : 's'} in ${threads} thread${threads === 1 ? '' : 's'}: ${c.opened} ticket${c.opened === 1 ? '' : 's'} opened, ${c.appended} added to tickets, ${c.ignored} ignored; ${c.sent} repl${c.sent === 1 ? 'y' : 'ies'} sent, ${c.drafted} held as drafts` +
        (this.outbox.length ? `; ${this.outbox.length} waiting for the next run` : '') +
        (status === 'partial' ? '. Stopped before the time limit; the next run continues.' : '.');
    // A run that found nothing new leaves the Log alone, so re-runs change nothing.
    if (status === 'partial' || c.processed > 0 || c.sent > 0 || c.drafted > 0) this.note(status === 'partial' ? 'Stopped early' : 'Inbox checked', summary);
    saveCheckpoint(this.p.state, {
      since: complete ? this.startedAt : this.checkpoint.since,
      lastTicket: Math.max(this.lastTicket, this.checkpoint.lastTicket),
      outbox: this.outboxChunks,
    });
    return { status, threads, ...c, waiting: this.outbox.length, message: summary };
  }

  private outboxChunks = 0;

  private note(action: string, detail: string, ids: { ticketId?: string; clientId?: string } = {}): void {
    this.p.log.add(action, detail, ids);
  }

  /** Every thread that changed since the checkpoint, page by page; null when out of time. */
  private search(): string[] | null {
    const since = this.checkpoint.since;
    const query = since === null ? this.settings.ingestQuery : `${this.settings.ingestQuery} after:${Math.floor((since - OVERLAP_MS) / 1000)}`;
    const out: string[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      if (this.p.budget.remainingMs() < WRITE_RESERVE_MS * 2) return null;
      const ids = this.p.mailbox.searchThreads(query, page * PAGE_SIZE, PAGE_SIZE);
      out.push(...ids);
      if (ids.length < PAGE_SIZE) break;
    }
    return [...new Set(out)];
  }

  private readRegister(): void {
    this.outboxChunks = this.checkpoint.outbox;
    this.messagesTable = read(this.p, MessagesTab);
    this.ticketsTable = read(this.p, TicketsTab);
    const contacts = read(this.p, ContactsTab);
    const clients = read(this.p, ClientsTab);
    for (const r of this.messagesTable.rows) {
      const d = r.data;
      this.ledger.set(d['Message ID'], { ticketId: d['Ticket ID'], threadId: d['Thread ID'], kind: d.Kind, from: d.From.toLowerCase(), at: d.Date?.getTime() ?? 0, action: d.Action });
      if (d['Gmail ID']) this.knownGmail.add(d['Gmail ID']);
      if (d['Ticket ID']) this.ledgerTickets.add(d['Ticket ID']);
    }
    for (const r of this.ticketsTable.rows) {
      const d = r.data;
      const n = parseTicketNumber(d['Ticket ID']);
      if (n !== null) this.lastTicket = Math.max(this.lastTicket, n);
      this.tickets.set(d['Ticket ID'], {
        id: d['Ticket ID'] as TicketId,
        clientId: d['Client ID'],
        requester: d.Requester.toLowerCase(),
        followers: [...d.Followers],
        status: d.Status,
        threadId: d['Thread ID'],
        messages: messageCount(d.Messages),
        firstResponseAt: asDate(d['First response at']),
        lastStaffAt: asDate(d['Last staff message at']),
        lastCustomerAt: asDate(d['Last customer message at']),
        resolvedAt: asDate(d['Resolved at']),
        isNew: false,
        receivedAt: d['Received at']?.getTime() ?? null,
        priority: d.Priority,
        firstResponseDue: d['First response due']?.getTime() ?? null,
        timeZone: null,
        changed: new Set(),
      });
    }
    for (const e of this.ledger.values()) {
      const n = parseTicketNumber(e.ticketId);
      if (n !== null) this.lastTicket = Math.max(this.lastTicket, n);
    }
    this.lastTicket = Math.max(this.lastTicket, this.checkpoint.lastTicket);
    // A thread belongs to the newest ticket that lives in it (a closed ticket's thread may carry its successor).
    const claim = (thread: string, ticket: string) => {
      if (!thread || !this.tickets.has(ticket)) return;
      const cur = this.threadTicket.get(thread);
      if (!cur || (parseTicketNumber(ticket) ?? 0) > (parseTicketNumber(cur) ?? 0)) this.threadTicket.set(thread, ticket);
    };
    for (const t of this.tickets.values()) claim(t.threadId, t.id);
    for (const e of this.ledger.values()) if (e.ticketId && ['customer', 'staff', 'follower'].includes(e.kind)) claim(e.threadId, e.ticketId);

    const clientInfos: ClientInfo[] = clients.rows.map((r) => ({ clientId: r.data['Client ID'], name: r.data.Name, domains: r.data.Domains, status: r.data.Status }));
    this.directory = new Directory(
      this.settings.supportAddress,
      this.settings.staffDomains,
      contacts.rows.map((r) => ({ email: r.data.Email, name: r.data.Name, clientId: r.data['Client ID'], canOpenTickets: r.data['Can open tickets'] })),
      clientInfos,
    );
    this.clientRows = new Map(clients.rows.map((r) => [r.data['Client ID'], r.data]));
  }

  private clientRows = new Map<string, RowOf<typeof ClientsTab>>();

  private index(): TicketIndex {
    return {
      byThread: (th) => {
        const id = this.threadTicket.get(th);
        return id ? this.tickets.get(id) : undefined;
      },
      byMessageId: (mid) => {
        const e = this.ledger.get(mid);
        return e?.ticketId ? this.tickets.get(e.ticketId) : undefined;
      },
      byId: (id) => this.tickets.get(id),
    };
  }

  private process(m: InboundMessage): void {
    if (m.draft) return; // not sent: a held reply waiting for a person
    if (m.readError) {
      this.note('Unreadable message', `Gmail message ${m.gmailId} in thread ${m.threadId} was skipped: ${m.readError}`);
      return;
    }
    let parsed: ParsedMessage;
    try {
      parsed = parseMessage(m);
    } catch (e) {
      this.counts.ignored++;
      this.note('Unreadable message', `Gmail message ${m.gmailId}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.knownGmail.add(m.gmailId);
    if (this.ledger.has(parsed.ledgerId)) return; // the same Message-ID delivered again
    this.counts.processed++;
    const own = this.directory.isOwn(parsed.sender.address) ? ownMarkIn(m.body) : null;
    const noise = detectNoise(m.headers, parsed.sender.address, m.subject);
    const join = findTicket(parsed, this.index(), this.directory);
    const decision = decide({ parsed, noise, own, join, directory: this.directory, unregistered: this.settings.unregisteredSenders });
    if (own) this.settleOwn(own.kind, own.key, m.threadId);
    this.apply(parsed, decision);
  }

  /** Our own reply seen in its thread: it was sent, whatever the outbox says. */
  private settleOwn(kind: string, key: string, threadId: string): void {
    const left: QueuedMail[] = [];
    for (const q of this.outbox) {
      if (q.kind === kind && q.markKey === key && q.threadId === threadId) this.actionUpdates.set(q.key, 'sent');
      else left.push(q);
    }
    this.outbox = left;
  }

  private ledgerRow(p: ParsedMessage, d: Decision, ticketId: string, action: string): void {
    const m = p.msg;
    const row: Record<string, unknown> = {
      'Message ID': p.ledgerId,
      'Thread ID': m.threadId,
      'Ticket ID': ticketId,
      From: p.sender.address || m.from,
      Date: new Date(receivedAt(p)),
      Kind: d.kind,
      Action: action,
      'Gmail ID': m.gmailId,
      Subject: m.subject,
      Excerpt: m.body.replace(/\s+/g, ' ').trim().slice(0, EXCERPT),
    };
    this.newLedgerRows.push(row);
    this.recordedNow.add(p.ledgerId);
    if (ticketId) this.ledgerTickets.add(ticketId);
    this.ledger.set(p.ledgerId, { ticketId, threadId: m.threadId, kind: d.kind, from: p.sender.address, at: receivedAt(p), action });
  }

  private apply(p: ParsedMessage, d: Decision): void {
    const m = p.msg;
    switch (d.type) {
      case 'log':
        this.counts.ignored++;
        this.ledgerRow(p, d, d.ticketId ?? '', d.action);
        return;
      case 'append': {
        const t = this.tickets.get(d.ticketId)!;
        const at = new Date(receivedAt(p));
        if (this.openedBy(t, p)) {
          this.adopt(p, t);
          return;
        }
        t.messages++;
        this.touch(t, 'Messages', t.messages);
        if (d.staff) {
          this.withdrawAck(t.id);
          if (!t.firstResponseAt) {
            t.firstResponseAt = at;
            this.touch(t, 'First response at', at);
          }
          if (!t.lastStaffAt || t.lastStaffAt.getTime() < at.getTime()) {
            t.lastStaffAt = at;
            this.touch(t, 'Last staff message at', at);
          }
        } else if (!t.lastCustomerAt || t.lastCustomerAt.getTime() < at.getTime()) {
          t.lastCustomerAt = at;
          this.touch(t, 'Last customer message at', at);
        }
        const followers = mergeFollowers(t.followers, p.cc, t.requester, this.directory);
        if (followers.length !== t.followers.length) {
          t.followers = followers;
          this.touch(t, 'Followers', followers);
        }
        if (d.reopen) {
          t.status = 'Open';
          t.resolvedAt = null;
          this.touch(t, 'Status', 'Open');
          this.touch(t, 'Resolved at', '');
          this.note('Reopened', `${p.sender.address} wrote again after it was resolved`, { ticketId: t.id, clientId: t.clientId });
        }
        // Gmail may have started a new thread (changed subject): later mail there joins too.
        if (!this.threadTicket.has(m.threadId)) this.threadTicket.set(m.threadId, t.id);
        this.counts.appended++;
        this.ledgerRow(p, d, t.id, d.action);
        return;
      }
      case 'open':
        this.open(p, d);
        return;
      case 'unregistered': {
        this.counts.ignored++;
        let action = d.action;
        if (d.replyAllowed) action += '; ' + this.queueUnregistered(p, d.client);
        if (d.client) {
          this.note('Unregistered sender', `${p.sender.address} (${d.client.name}) wrote "${m.subject}" but is not a registered contact who may open tickets: register them on Contacts if they should.`, { clientId: d.client.clientId });
        }
        this.ledgerRow(p, d, '', action);
        return;
      }
    }
  }

  /**
   * Whether this message is the one that opened `t` in an earlier run that was cut before
   * its ledger row was written: the ticket has no ledger rows at all, and its requester,
   * thread and Received at are this message's.
   */
  private openedBy(t: WorkTicket, p: ParsedMessage): boolean {
    return (
      !t.isNew &&
      !this.ledgerTickets.has(t.id) &&
      t.requester === p.sender.address &&
      t.threadId === p.msg.threadId &&
      t.receivedAt === receivedAt(p)
    );
  }

  private adopt(p: ParsedMessage, t: WorkTicket): void {
    this.counts.opened++;
    let action = `opened ${t.id}`;
    const d: Decision = { type: 'open', kind: 'customer', clientId: t.clientId, requester: t.requester, followsClosed: null, action };
    if (this.directory.contact(t.requester)?.canOpenTickets) {
      const due = t.firstResponseDue !== null && t.timeZone ? { ms: t.firstResponseDue, timeZone: t.timeZone } : null;
      action += '; ' + this.queueAck(p, t, t.priority, due);
    }
    this.note('Recovered', `${t.id} was opened by a run cut short; its message is now recorded`, { ticketId: t.id, clientId: t.clientId });
    this.ledgerRow(p, d, t.id, action);
  }

  private touch(t: WorkTicket, header: string, value: unknown): void {
    if (t.isNew) t.row![header] = value;
    else t.changed.add(header);
  }

  private open(p: ParsedMessage, d: Extract<Decision, { type: 'open' }>): void {
    const m = p.msg;
    const id = formatTicketId(++this.lastTicket);
    const received = receivedAt(p);
    const text = `${m.subject}\n${m.body}`;
    const priority = suggestPriority(text, this.settings.priorityRules);
    const reason = suggestReason(text, this.settings.reasonRules);
    const followers = mergeFollowers([], p.cc, d.requester, this.directory);
    const client = this.clientRows.get(d.clientId);
    const due = client
      ? this.sla().forNewTicket(client.Plan, client.Calendar, priority, received, this.p.clock.now())
      : null;
    if (due?.problem) this.note('No deadlines', `${id}: ${due.problem}`, { ticketId: id, clientId: d.clientId });
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
      'First response due': due?.firstResponseDue ? new Date(due.firstResponseDue) : '',
      'Next update due': due?.nextUpdateDue ? new Date(due.nextUpdateDue) : '',
      'Resolution due': due?.resolutionDue ? new Date(due.resolutionDue) : '',
      'SLA state': due?.slaState ?? '',
      'Thread ID': m.threadId,
      'Last customer message at': new Date(received),
      Messages: 1,
      Policy: due?.policy ?? '',
    };
    const notes: Record<string, string> = {};
    if (due?.notes.first) notes['First response due'] = due.notes.first;
    if (due?.notes.next) notes['Next update due'] = due.notes.next;
    if (due?.notes.resolution) notes['Resolution due'] = due.notes.resolution;
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
    this.tickets.set(id, t);
    this.newTickets.push(t);
    this.threadTicket.set(m.threadId, id);
    this.counts.opened++;
    let action = d.followsClosed ? `opened ${id}, following up ${d.followsClosed} (closed)` : `opened ${id}`;
    this.note('Opened ticket', `${id} for ${d.requester}: "${cleanSubject(m.subject)}" (${priority}, ${reason})${d.followsClosed ? `; follows up ${d.followsClosed}, which is closed` : ''}`, { ticketId: id, clientId: d.clientId });
    if (d.kind === 'customer') {
      action += '; ' + this.queueAck(p, t, priority, due?.firstResponseDue && due.timeZone ? { ms: due.firstResponseDue, timeZone: due.timeZone } : null);
    }
    this.ledgerRow(p, d, id, action);
  }

  private sla(): Deadlines {
    if (!this.deadlines) {
      const policies = read(this.p, SlaPoliciesTab);
      const calendars = read(this.p, CalendarsTab);
      const holidays = read(this.p, HolidaysTab);
      this.deadlines = new Deadlines(
        buildSlaContext({ clients: null, calendars, holidays, policies }, this.settings, this.p.workbook.timeZone),
        this.settings.defaultCalendar,
      );
      for (const problem of this.deadlines.problems) this.note('SLA policy problem', problem);
    }
    return this.deadlines;
  }

  private kb(): Article[] {
    if (!this.articles) {
      const port = this.p.workbook.tab(KnowledgeBaseTab.name);
      this.articles = port ? readTable(port, KnowledgeBaseTab).rows.map((r) => ({ title: r.data.Title, url: r.data.URL, keywords: r.data.Keywords })) : [];
    }
    return this.articles;
  }

  /**
   * Replies already promised to this address since `from`: ledger rows of earlier runs by
   * when their mail arrived, and every row of this run — its replies all go out now, so a
   * catch-up over a month of mail must not send one sender a reply per old request.
   */
  private repliesTo(address: string, from: number, word: RegExp): number {
    let n = 0;
    for (const [key, e] of this.ledger) if (e.from === address && (e.at >= from || this.recordedNow.has(key)) && word.test(e.action)) n++;
    return n;
  }

  /**
   * A staff reply reached the ticket before its acknowledgement went out (a catch-up over
   * old mail, or a very quick answer): the requester already has a person's answer, so the
   * "we received your request, you will hear from us by …" mail is dropped. A send already
   * tried is left to the outbox's own check of Sent mail.
   */
  private withdrawAck(ticketId: string): void {
    const left: QueuedMail[] = [];
    for (const q of this.outbox) {
      if (q.kind === 'ack' && q.ticketId === ticketId && !q.attempted) {
        this.actionUpdates.set(q.key, 'answered');
        const e = this.ledger.get(q.key);
        if (e) e.action = e.action.replace(/acknowledgement queued/, 'not acknowledged: staff replied first');
      } else left.push(q);
    }
    this.outbox = left;
  }

  private queueAck(p: ParsedMessage, t: WorkTicket, priority: RowOf<typeof TicketsTab>['Priority'], due: { ms: number; timeZone: string } | null): string {
    const to = p.sender.address;
    const limit = this.settings.acksPerSenderPerHour;
    if (this.repliesTo(to, this.p.clock.now() - HOUR_MS, /acknowledgement (queued|sent|held)/) >= limit) {
      this.note('Acknowledgement withheld', `${to} already had ${limit} acknowledgement${limit === 1 ? '' : 's'} in the last hour`, { ticketId: t.id, clientId: t.clientId });
      return `not acknowledged: ${limit} per hour already`;
    }
    const contact = this.directory.contact(to);
    const mail = acknowledgement({
      ticketId: t.id,
      subject: p.msg.subject,
      requesterName: contact?.name || p.sender.name,
      priority,
      firstResponseDue: due,
      now: this.p.clock.now(),
      articles: rankArticles(`${p.msg.subject}\n${p.msg.body}`, this.kb()),
      followers: t.followers,
    });
    this.outbox = this.outbox.filter((q) => q.key !== p.ledgerId);
    this.outbox.push({ key: p.ledgerId, kind: 'ack', markKey: t.id, gmailId: p.msg.gmailId, threadId: p.msg.threadId, ticketId: t.id, to, cc: t.followers, ...mail });
    return 'acknowledgement queued';
  }

  private queueUnregistered(p: ParsedMessage, client: ClientInfo | null): string {
    const to = p.sender.address;
    if (this.repliesTo(to, this.p.clock.now() - DAY_MS, /reply (queued|held)|replied/) > 0) return 'no reply: already answered today';
    const contact = this.directory.contact(to);
    const mail = unregisteredReply(p.msg.subject, client?.name ?? null, p.ledgerId, { contactMayNotOpen: !!contact && !contact.canOpenTickets && contact.clientId === client?.clientId });
    this.outbox = this.outbox.filter((q) => q.key !== p.ledgerId);
    this.outbox.push({ key: p.ledgerId, kind: 'unregistered', markKey: p.ledgerId, gmailId: p.msg.gmailId, threadId: p.msg.threadId, ticketId: '', to, cc: [], ...mail });
    return 'reply queued';
  }

  /**
   * Tickets (new rows, then changed cells), the outbox, then the ledger. A ticket row is
   * written before the ledger row that says it was opened, so a run cut in between leaves
   * a ticket the next run adopts rather than a ledger row pointing at nothing.
   */
  private writeRegister(): void {
    const ticketsPort = this.p.workbook.tab(TicketsTab.name)!;
    if (this.newTickets.length > 0) {
      const present = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([h]) => this.ticketsTable.columnOf.has(h)));
      const first = appendRows(ticketsPort, this.ticketsTable, this.newTickets.map((t) => present(t.row!)));
      const noteBlocks = ['First response due', 'Next update due', 'Resolution due']
        .filter((h) => this.ticketsTable.columnOf.has(h) && this.newTickets.some((t) => t.notes![h]))
        .map((h) => ({ row: first, column: this.ticketsTable.columnOf.get(h)! + 1, notes: this.newTickets.map((t) => [t.notes![h] ?? '']) }));
      if (noteBlocks.length) ticketsPort.writeNotes(noteBlocks);
    }
    const changed = [...this.tickets.values()].filter((t) => !t.isNew && t.changed.size > 0);
    if (changed.length > 0) {
      // Re-read under the lock: people may have sorted or edited Tickets since the start of the run.
      const fresh = readTable(ticketsPort, TicketsTab);
      const updates = changed.map((t) => {
        const values: Record<string, unknown> = {};
        for (const h of t.changed) values[h] = this.cellOf(t, h);
        return { key: t.id, values };
      });
      const { writes, notFound } = writesByKey(fresh, updates);
      for (const k of notFound) this.note('Ticket row missing', `${k} was not found on Tickets; its new messages are in Messages`, { ticketId: k });
      applyPlan(ticketsPort, planWrites(fresh, writes, ['Status']));
    }
    // The outbox before the ledger: a run cut in between re-reads the message, finds its
    // ticket already there (adopt) and queues the same reply under the same key.
    this.outboxChunks = saveOutbox(this.p.state, this.outbox, this.outboxChunks);
    saveCheckpoint(this.p.state, { since: this.checkpoint.since, lastTicket: Math.max(this.lastTicket, this.checkpoint.lastTicket), outbox: this.outboxChunks });
    if (this.newLedgerRows.length > 0) {
      const port = this.p.workbook.tab(MessagesTab.name)!;
      const rows = this.newLedgerRows.map((r) => Object.fromEntries(Object.entries(r).filter(([h]) => this.messagesTable.columnOf.has(h))));
      appendRows(port, this.messagesTable, rows);
    }
  }

  private cellOf(t: WorkTicket, header: string): unknown {
    switch (header) {
      case 'Messages':
        return t.messages;
      case 'First response at':
        return t.firstResponseAt ?? '';
      case 'Last staff message at':
        return t.lastStaffAt ?? '';
      case 'Last customer message at':
        return t.lastCustomerAt ?? '';
      case 'Followers':
        return t.followers;
      case 'Status':
        return t.status;
      case 'Resolved at':
        return t.resolvedAt ?? '';
      default:
        throw new Error(`ingest: no value for ${header}`);
    }
  }

  /**
   * Sends what the outbox holds while there is time: each reply goes in its thread to the
   * requester (followers on Cc). Below the quota reserve it becomes a draft and the Log
   * says so. The time a reply took is measured, so the last one leaves room to record it.
   */
  private sendQueued(): void {
    if (this.outbox.length === 0) return;
    const mailer = new QuotaMailer(this.p.mail, this.settings.mailQuotaReserve);
    let slowest = 0;
    const left: QueuedMail[] = [];
    for (const q of [...this.outbox]) {
      if (this.p.budget.remainingMs() < SEND_RESERVE_MS + 2 * slowest) {
        left.push(q);
        continue;
      }
      // A send tried by a run that died before recording it: its copy may be in Sent mail
      // outside the thread we re-read (a reply written to the requester directly).
      if (q.attempted && this.p.mailbox.sentMailContains(ownMarker(q.kind, q.markKey))) {
        this.actionUpdates.set(q.key, 'sent');
        this.outbox = this.outbox.filter((x) => x !== q);
        continue;
      }
      q.attempted = true;
      this.outboxChunks = saveOutbox(this.p.state, this.outbox, this.outboxChunks);
      const t0 = this.p.clock.now();
      let delivered;
      try {
        delivered = mailer.deliver({ to: [q.to], cc: q.cc, subject: q.subject, body: q.body }, { threadId: q.threadId, gmailId: q.gmailId });
      } catch (e) {
        // One failed send (a bad Cc address, the quota gone) must not stop the rest.
        this.note('Reply failed', `to ${q.to}: ${e instanceof Error ? e.message : String(e)}`, { ticketId: q.ticketId });
        this.actionUpdates.set(q.key, 'failed');
        this.outbox = this.outbox.filter((x) => x !== q);
        continue;
      }
      slowest = Math.max(slowest, this.p.clock.now() - t0);
      this.outbox = this.outbox.filter((x) => x !== q);
      if (delivered.delivery === 'draft') {
        this.counts.drafted++;
        this.actionUpdates.set(q.key, 'draft');
        this.note('Held as draft', `${q.kind === 'ack' ? 'Acknowledgement' : 'Reply'} to ${q.to}: ${mailer.heldReason(delivered.quotaLeft)}`, { ticketId: q.ticketId });
      } else {
        this.counts.sent++;
        this.actionUpdates.set(q.key, 'sent');
      }
    }
    this.outbox = left.concat(this.outbox.filter((x) => !left.includes(x)));
  }

  /** Rewrites "… queued" in the ledger's Action cells with what happened, in one batch; then the outbox. */
  private writeActions(): void {
    if (this.actionUpdates.size > 0) {
      const port = this.p.workbook.tab(MessagesTab.name)!;
      const fresh = readTable(port, MessagesTab);
      const updates: { key: string; values: Record<string, unknown> }[] = [];
      for (const [key, outcome] of this.actionUpdates) {
        const row = fresh.byKey(key);
        if (!row) continue;
        const word = outcome === 'sent' ? 'sent' : outcome === 'draft' ? 'held as draft' : 'failed';
        const action =
          outcome === 'answered'
            ? row.data.Action.replace(/acknowledgement queued/, 'not acknowledged: staff replied first')
            : row.data.Action.replace(/acknowledgement queued/, `acknowledgement ${word}`).replace(/reply queued/, outcome === 'sent' ? 'replied' : `reply ${word}`);
        if (action !== row.data.Action) updates.push({ key, values: { Action: action } });
      }
      const { writes } = writesByKey(fresh, updates);
      applyPlan(port, planWrites(fresh, writes));
    }
    this.outboxChunks = saveOutbox(this.p.state, this.outbox, this.outboxChunks);
  }
}
