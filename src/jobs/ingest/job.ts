import { Directory } from '../../core/mail/directory';
import { lettersVia } from '../mail/letters';
import type { Article } from '../../core/mail/kb';
import type { InboundMessage } from '../../core/mail/message';
import { SETTINGS, type Settings } from '../../register/settings/spec';
import type { RowOf, TabSpec } from '../../register/tab-spec';
import { RegisterError, readTable, type RowProblem, type Table } from '../../register/table';
import { syncProblems } from '../../register/problems-column';
import { publicDomainNotes } from '../../register/client-domains';
import { requireColumns } from '../../register/required-columns';
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
import type * as z from 'zod/mini';
import { lockOrSkip } from '../lock-policy';
import { QuotaMailer } from '../mail/quota';
import { reportSettingProblems, settingsFromTable } from '../shared/settings';
import { buildSlaContext } from '../shared/sla-context';
import { loadCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint';
import { Deadlines } from './deadlines';
import { settleOpened } from './settle';
import { MessageHandler } from './handle-message';
import { MessageLedger } from './message-ledger';
import type { IngestPorts } from './ports';
import { Replies } from './replies';
import { PAGE_SIZE, searchQuery, searchThreads } from './search';
import { TicketBook } from './ticket-book';

/** Time kept back for the sheet writes and the checkpoint. */
const WRITE_RESERVE_MS = 60 * 1000;

export interface IngestReport {
  readonly status: 'done' | 'partial' | 'busy' | 'idle';
  readonly threads: number;
  readonly processed: number;
  readonly opened: number;
  readonly appended: number;
  readonly ignored: number;
  /** Messages the register keeps from being handled (see MessageLedger): retried every run. */
  readonly held: number;
  readonly sent: number;
  readonly drafted: number;
  readonly waiting: number;
  /** Requests to escalate recorded this run: the caller runs the sweep now to answer them. */
  readonly escalationRequests: number;
  readonly message: string;
}

const nothing = {
  threads: 0,
  processed: 0,
  opened: 0,
  appended: 0,
  ignored: 0,
  held: 0,
  sent: 0,
  drafted: 0,
  waiting: 0,
  escalationRequests: 0,
};

function read<S extends z.ZodMiniObject>(ports: IngestPorts, spec: TabSpec<S>): Table<z.output<S>> {
  const port = ports.workbook.tab(spec.name);
  if (!port) throw new RegisterError(`The ${spec.name} tab is missing. Run Support Desk → Set up register.`);
  const table = readTable(port, spec);
  requireColumns(table, 'ingest', 'inbox check');
  return table;
}

/** Reads the support inbox into Tickets and Messages, under the document lock for the whole run. */
export function runIngest(ports: IngestPorts): IngestReport {
  return lockOrSkip(
    ports.lock,
    'ingest',
    () => ingestLocked(ports),
    () => {
      const message = 'Another Support Desk run holds the document lock; this inbox check was skipped and the next one will catch up.';
      ports.log.add('Skipped', message);
      return { status: 'busy', ...nothing, message };
    },
  );
}

function settingsOf(ports: IngestPorts): ReturnType<typeof settingsFromTable> {
  const loaded = settingsFromTable(read(ports, SettingsTab), ports.workbook.timeZone);
  if (!loaded.settings.supportAddress) {
    const key = SETTINGS.supportAddress.key;
    const bad = loaded.problems.find((p) => p.key === key);
    throw new RegisterError(
      `Settings "${key}" ${bad ? bad.message.replace(/; using .*$/, '') : 'is empty'}: enter the support inbox address.`,
    );
  }
  return loaded;
}

/**
 * One inbox run: search what changed since the checkpoint, read those threads in batches,
 * handle their new messages oldest first, then write in the order that keeps a cut run
 * recoverable — tickets, the outbox, the ledger — send the replies, and record what became
 * of them. A run that finds nothing costs the settings read and one search.
 */
function ingestLocked(ports: IngestPorts): IngestReport {
  const startedAt = ports.clock.now();
  const loaded = settingsOf(ports);
  const settings = loaded.settings;
  const checkpoint = loadCheckpoint(ports.state);
  const search = searchThreads(
    ports.mailbox,
    searchQuery(settings.ingestQuery, checkpoint.since, checkpoint.until),
    ports.budget,
    WRITE_RESERVE_MS * 2,
  );
  if (search === null)
    return finish(ports, checkpoint, { status: 'partial', message: 'The search ran out of time; the next run continues.' });
  const threadIds = search.ids;
  // Read now, before our replies land in these threads and make the oldest look new.
  const oldestRead = search.capped && threadIds.length ? ports.mailbox.lastMessageAt(threadIds[threadIds.length - 1]!) : null;
  const replies = new Replies(ports.state, checkpoint.outbox);
  // Held mail is retried by every run, so a run with held mail is never idle.
  if (threadIds.length === 0 && replies.length === 0 && checkpoint.held === 0) {
    saveCheckpoint(ports.state, { ...checkpoint, ...drained(checkpoint, startedAt) });
    return { status: 'idle', ...nothing, message: 'No new mail.' };
  }
  reportSettingProblems(ports.workbook, loaded, ports.log);

  const run = new IngestRun(ports, settings, checkpoint, replies);
  // Threads of replies still waiting: our own copy may be there already (a run cut right after sending).
  // Threads of held messages: each run tries them again, in case the register was fixed.
  const all = [...new Set([...threadIds, ...replies.threadIds(), ...run.ledger.heldThreadIds()])];
  const fresh: InboundMessage[] = [];
  let complete = true;
  for (let i = 0; i < all.length; i += PAGE_SIZE) {
    if (ports.budget.remainingMs() < WRITE_RESERVE_MS * 2) {
      complete = false;
      break;
    }
    fresh.push(...ports.mailbox.readThreads(all.slice(i, i + PAGE_SIZE), (id) => run.ledger.hasRead(id)));
  }
  // Oldest first across threads, so a reply always meets the request it answers.
  const order = fresh.map((m, i) => ({ m, i })).sort((a, b) => a.m.deliveredAt - b.m.deliveredAt || a.i - b.i);
  let outboxFull = false;
  for (const { m } of order) {
    if (ports.budget.remainingMs() < WRITE_RESERVE_MS) {
      complete = false;
      break;
    }
    // The rest is read again by the next run, once this run has sent what it queued.
    if (replies.full) {
      complete = false;
      outboxFull = true;
      break;
    }
    run.handler.handle(m);
  }
  run.write();
  run.markBrokenClients();
  const sent = run.send();
  const backlog = complete && search.capped ? backlogCursor(checkpoint, oldestRead, startedAt) : null;
  const cursor = !complete ? cursorOf(checkpoint) : (backlog ?? drained(checkpoint, startedAt));
  const status = complete && !backlog && replies.length === 0 ? 'done' : 'partial';
  return finish(ports, checkpoint, {
    status,
    threads: all.length,
    counts: { ...run.handler.counts, ...sent },
    replies,
    lastIssued: run.book.lastIssued,
    cursor,
    backlog: backlog !== null,
    outboxFull,
    held: run.ledger.heldCount(),
  });
}

type Cursor = Pick<Checkpoint, 'since' | 'until' | 'pending'>;

const cursorOf = (cp: Checkpoint): Cursor => ({ since: cp.since, until: cp.until, pending: cp.pending });

/** Everything up to this run is read: the next search starts where the backlog (if any) began. */
function drained(cp: Checkpoint, startedAt: number): Cursor {
  return { since: cp.pending ?? startedAt, until: null, pending: null };
}

/**
 * The search stopped at its page cap. Results are newest first, so what is unread is every
 * thread whose last message is no later than the oldest one returned: the next run searches
 * before that, keeping `since` as it was so nothing older than the cap is skipped.
 */
function backlogCursor(cp: Checkpoint, oldest: number | null, startedAt: number): Cursor {
  return { since: cp.since, until: oldest ?? cp.until, pending: cp.pending ?? startedAt };
}

/** Clients rows the schema refused, by the Client ID typed in them (rows without one name no client). */
function brokenClientRows(clients: Table<RowOf<typeof ClientsTab>>): Map<string, RowProblem> {
  const col = clients.columnOf.get('Client ID');
  const out = new Map<string, RowProblem>();
  if (col === undefined) return out;
  for (const p of clients.problems) {
    const id = String(clients.raw[p.rowNumber - 1]?.[col] ?? '').trim();
    // A repeated Client ID is a problem of the second row only: the first still serves.
    if (id && !clients.byKey(id) && !out.has(id)) out.set(id, p);
  }
  return out;
}

/** The register as one run sees it, and the parts that change it. */
class IngestRun {
  readonly ledger: MessageLedger;
  readonly book: TicketBook;
  readonly handler: MessageHandler;
  private deadlines: Deadlines | null = null;
  private articles: Article[] | null = null;
  private readonly clientsTable: Table<RowOf<typeof ClientsTab>>;
  private readonly clients: ReadonlyMap<string, RowOf<typeof ClientsTab>>;
  private readonly brokenClients: ReadonlyMap<string, RowProblem>;
  private readonly directory: Directory;

  constructor(
    private readonly ports: IngestPorts,
    private readonly settings: Settings,
    private readonly checkpoint: Checkpoint,
    private readonly replies: Replies,
  ) {
    this.ledger = new MessageLedger(read(ports, MessagesTab));
    this.book = new TicketBook(read(ports, TicketsTab), this.ledger, checkpoint.lastTicket);
    const contacts = read(ports, ContactsTab);
    const clients = read(ports, ClientsTab);
    this.clientsTable = clients;
    this.clients = new Map(clients.rows.map((r) => [r.data['Client ID'], r.data]));
    const brokenClients = brokenClientRows(clients);
    this.brokenClients = brokenClients;
    const directory = new Directory(
      settings.supportAddress,
      settings.staffDomains,
      contacts.rows.map((r) => ({
        email: r.data.Email,
        name: r.data.Name,
        clientId: r.data['Client ID'],
        canOpenTickets: r.data['Can open tickets'],
      })),
      clients.rows.map((r) => ({ clientId: r.data['Client ID'], name: r.data.Name, domains: r.data.Domains, status: r.data.Status })),
    );
    this.directory = directory;
    this.handler = new MessageHandler({
      book: this.book,
      ledger: this.ledger,
      replies,
      directory,
      clients: this.clients,
      brokenClients: new Map([...brokenClients].map(([id, b]) => [id, b.message])),
      settings,
      now: () => ports.clock.now(),
      log: ports.log,
      deadlines: () => this.sla(),
      articles: () => this.kb(),
    });
  }

  private sla(): Deadlines {
    if (!this.deadlines) {
      const p = this.ports;
      this.deadlines = new Deadlines(
        buildSlaContext(
          { clients: null, calendars: read(p, CalendarsTab), holidays: read(p, HolidaysTab), policies: read(p, SlaPoliciesTab) },
          this.settings,
          p.workbook.timeZone,
        ),
        p.workbook.timeZone,
      );
      for (const problem of this.deadlines.problems) p.log.add('SLA policy problem', problem);
    }
    return this.deadlines;
  }

  private kb(): Article[] {
    if (!this.articles) {
      const port = this.ports.workbook.tab(KnowledgeBaseTab.name);
      this.articles = port
        ? readTable(port, KnowledgeBaseTab).rows.map((r) => ({ title: r.data.Title, url: r.data.URL, keywords: r.data.Keywords }))
        : [];
    }
    return this.articles;
  }

  /**
   * Tickets (new rows, then changed cells), the outbox, then the ledger. A ticket row is
   * written before the ledger row that says it was opened, so a run cut in between leaves
   * a ticket the next run adopts rather than a ledger row pointing at nothing; the outbox
   * before the ledger, so the adopting run queues the same reply under the same key.
   */
  write(): void {
    const { workbook, state } = this.ports;
    settleOpened(this.book.openedTickets, this.clients, () => this.sla(), this.ports.clock.now());
    this.book.write(workbook.tab(TicketsTab.name)!, this.ports.log);
    this.replies.save();
    saveCheckpoint(state, {
      ...cursorOf(this.checkpoint),
      lastTicket: this.book.lastIssued,
      outbox: this.replies.savedChunks,
      held: this.ledger.heldCount(),
    });
    this.ledger.appendNew(workbook.tab(MessagesTab.name)!);
  }

  /**
   * The Problems cells of the Clients rows whose mail is held say what is wrong with them
   * (the schema's words, as the sweep writes them, so the two jobs agree), and those of rows
   * listing a public mail domain say it is ignored; only those rows.
   */
  markBrokenClients(): void {
    const { workbook, log } = this.ports;
    const notes = publicDomainNotes(this.clientsTable);
    const rows = new Set(notes.keys());
    if (this.handler.counts.held > 0) for (const b of this.brokenClients.values()) rows.add(b.rowNumber);
    if (rows.size === 0) return;
    // A held row is not logged again here: the "Mail held" line is the one Log line for that problem.
    for (const p of syncProblems(() => workbook.tab(ClientsTab.name), this.clientsTable, notes, rows))
      if (notes.has(p.rowNumber)) log.add('Register problem', `${ClientsTab.name} row ${p.rowNumber}: ${p.message}`);
  }

  /**
   * One mail to the support lead for the problems this run met first (each is met first
   * once: later runs find it in the ledger's held rows). Sent after the ledger is written,
   * so a run cut before this leaves the Log line, not a second mail.
   */
  private tellSupportLead(mailer: QuotaMailer): void {
    const problems = this.handler.newProblems;
    const to = this.settings.supportLeadEmail;
    if (problems.length === 0 || !to) return;
    const body = [
      'The inbox check is holding support mail because of the register. Nothing is lost: every inbox check retries held mail, and the first one after the fix opens the tickets with the time each mail arrived.',
      '',
      ...problems.map((p) => `- ${p}`),
      '',
      'Messages rows of held mail read "held: …"; the Log has the details.',
    ].join('\n');
    const mail = {
      to: [to],
      cc: [],
      subject: `Support Desk: mail held — ${problems.length === 1 ? 'a register problem needs' : `${problems.length} register problems need`} a fix`,
      body,
    };
    try {
      const d = mailer.deliver(mail);
      if (d.delivery === 'draft')
        this.ports.log.add('Held as draft', `The notice to ${to} about held mail: ${mailer.heldReason(d.quotaLeft)}`);
    } catch (e) {
      this.ports.log.add(
        'Notice failed',
        `The notice to ${to} about held mail could not be sent: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  /** Sends the outbox, then records each reply's outcome in its ledger row (one batch) and saves what is left. */
  send(): { sent: number; drafted: number } {
    const { mailbox, budget, clock, log, workbook } = this.ports;
    const mail = lettersVia(this.ports.mail, (a) => this.directory.contact(a)?.name ?? '', this.settings.providerName);
    const mailer = new QuotaMailer(mail, this.settings.mailQuotaReserve);
    const result = this.replies.length
      ? this.replies.send(mailer, mailbox, budget, clock, log)
      : { sent: 0, drafted: 0, outcomes: new Map() };
    this.tellSupportLead(mailer);
    for (const [key, outcome] of result.outcomes) this.ledger.settle(key, outcome);
    this.ledger.writeOutcomes(workbook.tab(MessagesTab.name)!);
    this.replies.save();
    return { sent: result.sent, drafted: result.drafted };
  }
}

interface Finish {
  readonly status: IngestReport['status'];
  readonly message?: string;
  readonly threads?: number;
  readonly counts?: {
    processed: number;
    opened: number;
    appended: number;
    ignored: number;
    held: number;
    sent: number;
    drafted: number;
    escalationRequests?: number;
  };
  readonly replies?: Replies;
  readonly lastIssued?: number;
  readonly cursor?: Cursor;
  /** The search reached its page cap: older mail is left for the next run. */
  readonly backlog?: boolean;
  /** Messages held after this run (kept in the checkpoint so the next run retries them). */
  readonly held?: number;
  /** The run stopped reading because its outbox reached what the property store can hold. */
  readonly outboxFull?: boolean;
}

/** The run's summary (logged unless it found nothing new) and the checkpoint for the next run. */
function finish(ports: IngestPorts, checkpoint: Checkpoint, f: Finish): IngestReport {
  const c = { escalationRequests: 0, ...(f.counts ?? { processed: 0, opened: 0, appended: 0, ignored: 0, held: 0, sent: 0, drafted: 0 }) };
  const threads = f.threads ?? 0;
  const waiting = f.replies?.length ?? 0;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const summary =
    f.message ??
    `${plural(c.processed, 'new message', 'new messages')} in ${plural(threads, 'thread', 'threads')}: ${plural(c.opened, 'ticket', 'tickets')} opened, ${c.appended} added to tickets, ${c.ignored} ignored${c.held ? `, ${c.held} held (see the Log: the register needs a fix)` : ''}; ${plural(c.sent, 'reply', 'replies')} sent, ${c.drafted} held as drafts` +
      (waiting ? `; ${waiting} waiting for the next run` : '') +
      (f.backlog ? '. More mail is waiting than one run reads; the next run continues with the older threads' : '') +
      (f.outboxFull
        ? '. Stopped reading with a full reply outbox; the next run sends the rest and reads on.'
        : f.status === 'partial' && !f.backlog
          ? '. Stopped before the time limit; the next run continues.'
          : '.');
  // A run that found nothing new leaves the Log alone, so re-runs change nothing.
  if (f.status === 'partial' || c.processed > c.held || c.sent > 0 || c.drafted > 0)
    ports.log.add(f.status === 'partial' ? 'Stopped early' : 'Inbox checked', summary);
  saveCheckpoint(ports.state, {
    ...(f.cursor ?? cursorOf(checkpoint)),
    lastTicket: Math.max(f.lastIssued ?? 0, checkpoint.lastTicket),
    outbox: f.replies?.savedChunks ?? checkpoint.outbox,
    held: f.held ?? checkpoint.held,
  });
  return { status: f.status, threads, ...c, waiting, message: summary };
}
