import { priorityName, samePriorityNames, type PriorityNames } from '../../core/tickets/priority-names';
import { appendLedger, highestTier, parseLedger } from '../../core/escalation/index';
import type { TicketBrief } from '../../core/notify/index';
import { PRIORITIES } from '../../core/types/vocab';
import { applyPlan, planWrites, readTable, writesByKey, type CellWrite, type Table } from '../../register/table';
import { CalendarsTab, ClientsTab, ContactsTab, EscalationTab, HolidaysTab, SlaPoliciesTab, TicketsTab } from '../../register/tabs';
import { clientEntitlements, keptEntitlementNotes, readEntitlements } from '../shared/entitlements';
import { onDuty } from '../../core/success/rota';
import { dayInZone } from '../../core/hours/month';
import type { Settings } from '../../register/settings/spec';
import type { ClientRecord } from '../shared/sla-context';
import type { ClockPort, LockPort, RunBudget, WorkbookPort } from '../ports';
import type { RunLogPort } from '../ports';
import type { MailPort } from '../mail/port';
import { loadSlaContext, readTabIfAny } from '../shared/sla-context';
import { reportSettingProblems } from '../shared/settings';
import { loadMatrices } from '../shared/matrices';
import { deliverNotice } from './deliver';
import { EscalationBatch } from './digest';
import { autoClose, autoCloseDue } from './auto-close';
import { closedNoticeDue, closedUpdate, waitingUpdate } from './status-updates';
import { incidentReport } from './incident-report';
import { answerClientEscalations } from './client-escalation';
import { QuotaMailer } from '../mail/quota';
import { lettersVia } from '../mail/letters';
import { lockOrSkip } from '../lock-policy';
import { syncProblems } from '../../register/problems-column';
import { sameCell } from '../../register/cell-equality';
import { computeRow, type RowUpdate } from '../tickets/compute-row';
import type { TicketRecord } from '../tickets/prepare';
import { requireColumns } from '../../register/required-columns';

export interface SweepPorts {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  readonly lock: LockPort;
  readonly budget: RunBudget;
  readonly mail: MailPort;
  readonly log: RunLogPort;
  /** A link to a Tickets row (spreadsheet URL + #gid=…&range=A<row>), or '' when unknown. */
  readonly rowLink?: (rowNumber: number) => string;
  /**
   * Applies a new Settings → Priority names to the level cells (src/gas/priority-names.ts),
   * for a rename the edit trigger did not see; true when it renamed anything.
   */
  readonly renamePriorities?: () => boolean;
}

export interface SweepReport {
  readonly outcome: 'done' | 'busy' | 'not set up';
  readonly evaluated: number;
  readonly skippedClosed: number;
  readonly skippedEnded: number;
  readonly invalidRows: number;
  readonly problems: number;
  readonly changedTickets: number;
  readonly sent: number;
  readonly drafted: number;
  /** Notices left for the next run (time budget or one-mail-per-ticket rule). */
  readonly deferred: number;
  readonly message: string;
}

/** Stop sending with this much of the run left, so the writes (which record what was sent) always happen. */
const SEND_RESERVE_MS = 45_000;

const rank = (p: string) => PRIORITIES.indexOf(p as (typeof PRIORITIES)[number]);

const empty = (outcome: SweepReport['outcome'], message: string, extra: Partial<SweepReport> = {}): SweepReport => ({
  outcome,
  evaluated: 0,
  skippedClosed: 0,
  skippedEnded: 0,
  invalidRows: 0,
  problems: 0,
  changedTickets: 0,
  sent: 0,
  drafted: 0,
  deferred: 0,
  message,
  ...extra,
});

/**
 * The SLA sweep (docs/design.md, Rules: SLA and Escalation): under the document lock, reads Tickets once, evaluates
 * every ticket that is not Closed at `now`, sends at most one notice per ticket, then
 * re-reads Tickets and writes by Ticket ID only the cells that changed, the ledger
 * (Notified) included. A run that finds nothing to do makes only the reads.
 */
export function runSweep(ports: SweepPorts): SweepReport {
  return lockOrSkip(
    ports.lock,
    'sweep',
    () => sweepLocked(ports),
    () => empty('busy', 'Another Support Desk job holds the lock; this sweep was skipped (the next one catches up).'),
  );
}

function sweepLocked(ports: SweepPorts): SweepReport {
  const { workbook, log } = ports;
  const ticketsPort = workbook.tab(TicketsTab.name);
  if (!ticketsPort) return empty('not set up', 'There is no Tickets tab: run Support Desk → Set up register.');
  const now = ports.clock.now();
  const tickets = readTable(ticketsPort, TicketsTab);
  requireColumns(tickets, 'sweep', 'sweep');
  const live = tickets.rows.filter((r) => r.data.Status !== 'Closed');
  const skippedClosed = tickets.rows.length - live.length;
  // Tickets a person closed that still owe the requester the closing update (not evaluated).
  const closedByHand = tickets.rows.filter((r) => closedNoticeDue(r.data, now));
  if (live.length === 0 && closedByHand.length === 0 && problemCellWrites(tickets, []).cells.length === 0) {
    return empty('done', `Nothing to sweep (${skippedClosed} closed tickets).`, { skippedClosed });
  }

  const ctx = withPooledCsmOnDuty(loadSlaContext(workbook), now);
  // A rename of the levels typed where no edit trigger saw it: applied first, then the sweep starts over on the renamed cells.
  const renamed = (t: { readonly priorityNames: PriorityNames } | null) =>
    !t || samePriorityNames(t.priorityNames, ctx.settings.priorityNames);
  if ((!renamed(tickets) || !renamed(ctx.tables.policies)) && ports.renamePriorities?.())
    return sweepLocked({ ...ports, renamePriorities: () => false });
  const { table: escalation, matrices } = loadMatrices(workbook);
  // Read only when a resolved Critical ticket asks whether its client gets an incident report.
  let entitlements: ReturnType<typeof readEntitlements> | undefined;
  const entitlementRows = () => (entitlements === undefined ? (entitlements = readEntitlements(workbook)) : entitlements)?.rows ?? null;

  // Reference tabs: their Problems cells say what the context could not use; new ones are logged once.
  reportSettingProblems(workbook, ctx.loadedSettings, log);
  const referenceProblems = [
    [ClientsTab.name, ctx.tables.clients],
    [CalendarsTab.name, ctx.tables.calendars],
    [HolidaysTab.name, ctx.tables.holidays],
    [SlaPoliciesTab.name, ctx.tables.policies],
    [EscalationTab.name, escalation],
  ] as const;
  for (const [name, table] of referenceProblems) {
    if (!table) continue;
    const extra = new Map<number, string>();
    for (const p of ctx.problems)
      if (p.tab === name && !table.problems.some((q) => q.rowNumber === p.rowNumber)) extra.set(p.rowNumber, p.message);
    if (name === EscalationTab.name) for (const p of matrices.problems) extra.set(p.rowNumber, p.message);
    // What the hourly client success check wrote on a Clients row (a contract that breaks its entitlements) stays.
    if (name === ClientsTab.name)
      for (const [r, m] of keptEntitlementNotes(table as Table<unknown>)) extra.set(r, extra.has(r) ? `${extra.get(r)}; ${m}` : m);
    for (const p of syncProblems(() => workbook.tab(name), table as Table<unknown>, extra))
      log.add('Register problem', `${name} row ${p.rowNumber}: ${p.message}`);
  }

  // Evaluate every ticket; the queue order (priority, then first in first out) decides who gets mail first.
  const updates: RowUpdate[] = [];
  let skippedEnded = 0;
  const ordered = [...live].sort(
    (a, b) =>
      rank(a.data.Priority) - rank(b.data.Priority) ||
      (a.data['Received at']?.getTime() ?? Infinity) - (b.data['Received at']?.getTime() ?? Infinity),
  );
  for (const r of ordered) {
    const u = computeRow(r.data['Ticket ID'], r.rowNumber, r.data, ctx, matrices, now, workbook.timeZone);
    if (!u.prepared.ok && u.prepared.ended) skippedEnded++;
    updates.push(u);
  }

  // Notices: at most one mail per ticket; stop early enough to record what went out.
  // Client mail greets the contact by name: Contacts is read only when the first such mail goes.
  let names: Map<string, string> | null = null;
  const nameOf = (address: string) => {
    names ??= new Map((readTabIfAny(workbook, ContactsTab)?.rows ?? []).map((r) => [r.data.Email.toLowerCase(), r.data.Name]));
    return names.get(address) ?? '';
  };
  const mailer = new QuotaMailer(lettersVia(ports.mail, nameOf, ctx.settings.providerName), ctx.settings.mailQuotaReserve);
  const ledgerAdds = new Map<string, ReturnType<typeof deliverNotice>['entries']>();
  let sent = 0;
  let drafted = 0;
  let deferred = 0;
  const batch = new EscalationBatch();
  const pending = new Map<string, RowUpdate>();
  const take = (u: RowUpdate, d: ReturnType<typeof deliverNotice>) => {
    if (d.entries.length) ledgerAdds.set(u.key, [...(ledgerAdds.get(u.key) ?? []), ...d.entries]);
    for (const l of d.logs) log.add(l.action, l.detail, { ticketId: u.key, clientId: u.clientId });
    if (d.mailed) {
      const outcome = d.entries.find((e) => e.outcome === 'sent' || e.outcome === 'draft')?.outcome;
      if (outcome === 'draft') drafted++;
      else if (outcome === 'sent') sent++;
    }
    const acted = new Set(ledgerAdds.get(u.key)?.map((e) => e.topic));
    deferred += u.decision!.notices.filter((n) => !acted.has(n.topic)).length;
  };
  const closedNow = new Map<string, Record<string, unknown>>();
  for (const u of updates) {
    // A Resolved ticket nobody answered for the setting's business days closes, with a notice (its one mail this sweep).
    const row0 = live.find((r) => r.data['Ticket ID'] === u.key)!.data;
    const closeDue = autoCloseDue(row0, u, ctx.settings.autoCloseBusinessDays, now);
    if (closeDue !== null && ports.budget.remainingMs() >= SEND_RESERVE_MS) {
      const brief = briefOf(row0, u, ports.rowLink?.(u.rowNumber) ?? '', tickets.priorityNames);
      const closed = autoClose(row0, brief, mailer, ctx.settings.autoCloseBusinessDays, closeDue, now);
      if (closed) {
        ledgerAdds.set(u.key, [closed.entry]);
        closedNow.set(u.key, closed.values);
        log.add(closed.log.action, closed.log.detail, { ticketId: u.key, clientId: u.clientId });
        if (closed.entry.outcome === 'sent') sent++;
        else if (closed.entry.outcome === 'draft') drafted++;
        continue;
      }
    }
    // Enterprise, Critical, Resolved: a draft incident report for the CSM (a draft: not this ticket's one mail).
    // The brief (its row link costs calls) only for a ticket that gets a mail or draft.
    const briefNow = () => briefOf(row0, u, ports.rowLink?.(u.rowNumber) ?? '', tickets.priorityNames);
    const report = incidentReport(row0, u, briefNow, mailer, now, (c) => {
      const rows = entitlementRows();
      return rows ? clientEntitlements(c, rows).includes['Incident reporting'] : c.Edition.trim().toLowerCase() === 'enterprise';
    });
    if (report) {
      ledgerAdds.set(u.key, [...(ledgerAdds.get(u.key) ?? []), report.entry]);
      log.add(report.log.action, report.log.detail, { ticketId: u.key, clientId: u.clientId });
    }
    // A client asked to escalate (the inbox wrote it into Notified): the next tier hears now, and the client who owns it.
    if (u.prepared.ok && ports.budget.remainingMs() >= SEND_RESERVE_MS) {
      const asked = answerClientEscalations(row0, u, u.tiers, u.prepared.client, briefNow, mailer, now);
      if (asked) {
        ledgerAdds.set(u.key, [...(ledgerAdds.get(u.key) ?? []), ...asked.entries]);
        for (const l of asked.logs) log.add(l.action, l.detail, { ticketId: u.key, clientId: u.clientId });
        sent += asked.sent;
        drafted += asked.drafted;
        // The ticket's mail this sweep; its SLA notices are decided again at the next.
        if (asked.sent + asked.drafted > 0) continue;
      }
    }
    // Waiting on customer: the requester and followers hear what is needed, once per wait.
    if (ports.budget.remainingMs() >= SEND_RESERVE_MS) {
      const update = waitingUpdate(row0, u, briefNow, mailer, now);
      if (update) {
        ledgerAdds.set(u.key, [...(ledgerAdds.get(u.key) ?? []), update.entry]);
        log.add(update.log.action, update.log.detail, { ticketId: u.key, clientId: u.clientId });
        if (update.entry.outcome === 'sent') sent++;
        else if (update.entry.outcome === 'draft') drafted++;
        if (update.entry.outcome === 'sent' || update.entry.outcome === 'draft') continue;
      }
    }
    if (!u.decision || !u.prepared.ok || u.decision.notices.length === 0) continue;
    if (ports.budget.remainingMs() < SEND_RESERVE_MS * (batch.size > 0 ? 2 : 1)) {
      deferred += u.decision.notices.length;
      continue;
    }
    const d = deliverNotice(u.decision.notices, row0, u.prepared.client, briefNow(), mailer, now, batch);
    if (d.batched) {
      // Its escalation goes out with the others due to the same people, after this loop.
      if (d.entries.length) ledgerAdds.set(u.key, [...(ledgerAdds.get(u.key) ?? []), ...d.entries]);
      for (const l of d.logs) log.add(l.action, l.detail, { ticketId: u.key, clientId: u.clientId });
      pending.set(u.key, u);
      continue;
    }
    take(u, d);
  }
  const flushed = batch.flush(mailer, now, () => ports.budget.remainingMs() >= SEND_RESERVE_MS);
  for (const [key, u] of pending) {
    const d = flushed.get(key);
    if (d) take(u, d);
    else deferred += u.decision!.notices.length;
  }

  for (const r of closedByHand) {
    if (ports.budget.remainingMs() < SEND_RESERVE_MS) break;
    const update = closedUpdate(r.data, mailer, now);
    if (!update) continue;
    ledgerAdds.set(r.data['Ticket ID'], [update.entry]);
    log.add(update.log.action, update.log.detail, { ticketId: r.data['Ticket ID'], clientId: r.data['Client ID'] });
    if (update.entry.outcome === 'sent') sent++;
    else if (update.entry.outcome === 'draft') drafted++;
  }

  // Re-read under the lock and write by Ticket ID: users may have sorted or edited meanwhile.
  const needWrite = updates.some((u) => differs(tickets, u)) || ledgerAdds.size > 0 || problemCellWrites(tickets, updates).cells.length > 0;
  let changedTickets = 0;
  let problems = tickets.problems.length;
  if (needWrite) {
    const fresh = readTable(ticketsPort, TicketsTab);
    const byKey: { key: string; values: Record<string, unknown>; notes?: Record<string, string> }[] = [];
    for (const u of updates) {
      const row = fresh.byKey(u.key);
      if (!row) continue;
      const values: Record<string, unknown> = { ...u.values };
      for (const [h, v] of Object.entries(closedNow.get(u.key) ?? {})) if (fresh.columnOf.has(h)) values[h] = v;
      const adds = ledgerAdds.get(u.key);
      const ledgerText = adds ? appendLedger(row.data.Notified, adds) : row.data.Notified;
      if (adds) values['Notified'] = ledgerText;
      if (u.prepared.ok) values['Escalation tier'] = highestTier(parseLedger(ledgerText)) ?? '';
      const notes = Object.keys(u.notes).length ? u.notes : undefined;
      byKey.push(notes ? { key: u.key, values, notes } : { key: u.key, values });
    }
    for (const [key, adds] of ledgerAdds) {
      if (updates.some((u) => u.key === key)) continue;
      const row = fresh.byKey(key);
      if (row) byKey.push({ key, values: { Notified: appendLedger(row.data.Notified, adds) } });
    }
    const { writes } = writesByKey(fresh, byKey);
    const { cells: problemCells, fresh: newProblems, count } = problemCellWrites(fresh, updates);
    for (const p of newProblems) {
      // A ticket on the fallback calendar is still swept; only an unusable one is skipped.
      const swept = updates.find((u) => u.key === p.ticketId)?.prepared.ok === true;
      log.add(swept ? 'SLA fallback' : 'Ticket skipped', p.message, { ticketId: p.ticketId });
    }
    problems = count;
    // Status is people's column; the sweep writes it only to close a ticket after silence.
    const plan = planWrites(fresh, [...writes, ...problemCells], closedNow.size > 0 ? ['Status'] : []);
    changedTickets = updates.filter((u) => differs(tickets, u) || ledgerAdds.has(u.key)).length;
    applyPlan(ticketsPort, plan);
  }
  for (const u of updates) for (const l of u.logs) log.add(l.action, l.detail, { ticketId: u.key, clientId: u.clientId });

  const evaluated = updates.filter((u) => u.prepared.ok).length;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const parts = [
    `Swept ${n(evaluated, 'ticket')}`,
    changedTickets ? `${changedTickets} updated` : '',
    sent ? `${n(sent, 'notice')} sent` : '',
    drafted ? `${drafted} held as drafts` : '',
    deferred ? `${n(deferred, 'notice')} left for the next sweep` : '',
    skippedClosed ? `${skippedClosed} closed skipped` : '',
    skippedEnded ? `${skippedEnded} of ended clients skipped` : '',
    problems ? `${problems} rows with problems (see their Problems cells)` : '',
  ].filter(Boolean);
  const message = parts.join('; ') + '.';
  if (changedTickets || sent || drafted) log.add('Sweep', message);
  return {
    outcome: 'done',
    evaluated,
    skippedClosed,
    skippedEnded,
    invalidRows: tickets.problems.length,
    problems,
    changedTickets,
    sent,
    drafted,
    deferred,
    message,
  };
}

/**
 * The Problems cells of Tickets as they should be: schema problems of this read plus each
 * ticket's reason (ended client, no policy…); everything else cleared. `fresh` = reasons
 * that are new, for the Log.
 */
function problemCellWrites(table: Table<TicketRecord>, updates: readonly RowUpdate[]) {
  const col = table.columnOf.get('Problems');
  const cells: CellWrite[] = [];
  const fresh: { ticketId: string; message: string }[] = [];
  if (col === undefined) return { cells, fresh, count: 0 };
  const wanted = new Map<number, string>();
  for (const p of table.problems) wanted.set(p.rowNumber, p.message);
  for (const u of updates) {
    const row = table.byKey(u.key);
    if (row && u.problem) wanted.set(row.rowNumber, u.problem);
  }
  const idCol = table.columnOf.get('Ticket ID') ?? 0;
  for (let r = 2; r <= table.raw.length; r++) {
    const current = String(table.raw[r - 1]?.[col] ?? '');
    const want = wanted.get(r) ?? '';
    if (current === want) continue;
    cells.push({ rowNumber: r, header: 'Problems', value: want });
    if (want !== '') fresh.push({ ticketId: String(table.raw[r - 1]?.[idCol] ?? ''), message: want });
  }
  return { cells, fresh, count: wanted.size };
}

/** Whether the first read already holds everything this update would write. */
function differs(table: Table<TicketRecord>, u: RowUpdate): boolean {
  const raw = table.raw[u.rowNumber - 1] ?? [];
  for (const [h, v] of Object.entries(u.values)) {
    const c = table.columnOf.get(h);
    if (c === undefined) continue;
    if (!sameCell(raw[c], v)) return true;
  }
  const p = table.columnOf.get('Problems');
  return p !== undefined && String(raw[p] ?? '') !== u.problem;
}

function briefOf(row: TicketRecord, u: RowUpdate, link: string, names: PriorityNames): TicketBrief {
  const client = u.prepared.ok ? u.prepared.client : null;
  return {
    ticketId: u.key,
    clientId: row['Client ID'],
    clientName: client?.Name ?? row['Client ID'],
    subject: row.Subject,
    priority: priorityName(names, row.Priority),
    status: row.Status,
    assignee: row.Assignee,
    requester: row.Requester,
    link,
    zone: u.prepared.ok ? u.prepared.calendar.timeZone : 'UTC',
  };
}

/**
 * A pooled client (Clients → Cohort) has no CSM of its own: for the sweep its CSM is the
 * pooled CSM on duty today (Settings → Pooled CSM rota; ClientSuccess: pooled hours Tuesday
 * to Thursday), who then gets its tier-1 escalations, incident report drafts and the
 * client's escalation requests. With no rota the client's own CSM email stays.
 */
function withPooledCsmOnDuty<C extends { readonly clients: ReadonlyMap<string, ClientRecord>; readonly settings: Settings }>(
  ctx: C,
  now: number,
): C {
  const duty = onDuty(ctx.settings.pooledCsmRota, dayInZone(now, ctx.settings.providerZone));
  if (!duty) return ctx;
  let pooled = false;
  const clients = new Map<string, ClientRecord>();
  for (const [id, c] of ctx.clients) {
    if (c.Cohort === 'Pooled') pooled = true;
    clients.set(id, c.Cohort === 'Pooled' ? { ...c, 'CSM email': duty.email } : c);
  }
  return pooled ? { ...ctx, clients } : ctx;
}
