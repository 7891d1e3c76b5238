import { appendLedger, parseLedger, type LedgerEntry } from '../../core/escalation/index';
import { matrixFor } from '../../core/escalation/matrix';
import { formatHours } from '../../core/hours/entry';
import { currentMonth, dayInZone, workDay, type IsoDay } from '../../core/hours/month';
import { usageByClient } from '../../core/dashboard/usage';
import { evaluateClient, type ClientFacts, type SuccessRules } from '../../core/success/client-success';
import { daysBetween } from '../../core/success/days';
import { entitlementProblems } from '../../core/success/entitlements';
import { dueNotices, riskCleared, type SuccessNotice } from '../../core/success/notices';
import { onDuty } from '../../core/success/rota';
import type { ReviewDue } from '../../core/success/reviews';
import { SUCCESS_HEADER, SUCCESS_TAB, successLayout, type SuccessLayout, type SuccessRow } from '../../core/success/tab-layout';
import { cellValue } from '../../register/safe-text';
import { applyPlan, planWrites, type CellWrite } from '../../register/table';
import { ClientsTab, EntitlementsTab, MessagesTab } from '../../register/tabs';
import { syncProblems } from '../../register/problems-column';
import type { ChartPort } from '../dashboard/ports';
import { classifyHours } from '../hours/classify';
import { loadRegister } from '../hours/register-data';
import type { MailPort } from '../mail/port';
import { QuotaMailer } from '../mail/quota';
import type { ClockPort, KeyValuePort, RunLogPort, WorkbookPort } from '../ports';
import { clientEntitlements, entitlementNotes, entitlementNoteWrites, readEntitlements } from '../shared/entitlements';
import { loadMatrices } from '../shared/matrices';
import { loadSlaContext, readTabIfAny } from '../shared/sla-context';
import { openMsOf, piecesOfDay } from '../../core/calendar/compile';
import { parseIsoDate } from '../../core/calendar/civil';

export interface SuccessPorts {
  readonly workbook: WorkbookPort;
  readonly mail: MailPort;
  readonly clock: ClockPort;
  readonly log: RunLogPort;
  readonly charts?: ChartPort;
  /** Document properties: each day's last health scores, for the trend (without it, the trend is since the last refresh). */
  readonly state?: KeyValuePort;
}

export interface SuccessReport {
  readonly clients: number;
  readonly atRisk: number;
  readonly sent: number;
  readonly drafted: number;
  readonly layout: SuccessLayout;
  readonly message: string;
}

const quiet: RunLogPort = { add: () => undefined };
const NEGATIVE = /escalation requested|; complaint/i;
const POSITIVE = /agreed|; thanks/i;

/**
 * Client success (issue 17), evaluated in the sweep's runs at most hourly: per active client
 * its touches (Hours rows whose Activity is a touch), kick-off, reviews, entitlements, health
 * and risk; the reminders each due date calls for, once (Clients → Success notified); the
 * Kick-off at cell; and the generated Success tab. One read per tab, one write of Clients
 * (only cells that change) and one of the Success tab.
 */
export function refreshSuccess(ports: SuccessPorts): SuccessReport {
  const { workbook: wb, log } = ports;
  const now = ports.clock.now();
  const data = loadRegister(wb, quiet, { report: false });
  const s = data.allSettings;
  const zone = data.settings.providerZone;
  const today = dayInZone(now, zone);
  const ent = readEntitlements(wb);
  const entitlements = ent?.rows ?? [];
  if (ent)
    for (const p of syncProblems(() => wb.tab(EntitlementsTab.name), ent.table, new Map()))
      log.add('Register problem', `${EntitlementsTab.name} row ${p.rowNumber}: ${p.message}`);
  const ctx = loadSlaContext(wb);
  const calendar = ctx.calendars.get(s.defaultCalendar.trim()) ?? ctx.fallback.calendar;
  const isBusinessDay = (d: IsoDay) => openMsOf(piecesOfDay(calendar, parseIsoDate(d)!)) > 0;
  const { matrices } = loadMatrices(wb);
  const day = (d: Date | null): IsoDay | null => (d ? workDay(d.getTime(), data.settings.sheetZone, zone) : null);

  // Touches from Hours, by client.
  const touches = new Map<string, { day: IsoDay; kind: NonNullable<ReturnType<typeof data.touchKinds.get>> }[]>();
  for (const e of data.entries) {
    const kind = data.touchKinds.get(e.activity.trim().toLowerCase());
    if (!kind) continue;
    const list = touches.get(e.clientId) ?? [];
    list.push({ day: e.day, kind });
    touches.set(e.clientId, list);
  }
  // What clients wrote (the inbox marks complaints, thanks and escalation requests on Messages) and reopens, by client.
  const signals = new Map<string, { complaints30: number; positives30: number; reopened: Set<string> }>();
  for (const { data: m } of readTabIfAny(wb, MessagesTab)?.rows ?? []) {
    const ticket = data.tickets.get(m['Ticket ID']);
    const at = m.Date ? dayInZone(m.Date.getTime(), zone) : null;
    if (!ticket || !at || at > today) continue;
    const age = daysBetween(at, today);
    if (age >= 90) continue;
    const sig = signals.get(ticket.clientId) ?? { complaints30: 0, positives30: 0, reopened: new Set<string>() };
    if (/reopen/i.test(m.Action)) sig.reopened.add(ticket.ticketId);
    if (age < 30 && (m.Kind === 'customer' || m.Kind === 'follower')) {
      if (NEGATIVE.test(m.Action)) sig.complaints30++;
      else if (POSITIVE.test(m.Action)) sig.positives30++;
    }
    signals.set(ticket.clientId, sig);
  }
  const ticketsBy = new Map<string, { receivedDay: IsoDay | null; slaState: string | null }[]>();
  for (const t of data.tickets.values()) {
    const list = ticketsBy.get(t.clientId) ?? [];
    list.push({ receivedDay: t.receivedAt === null ? null : dayInZone(t.receivedAt, zone), slaState: t.slaState });
    ticketsBy.set(t.clientId, list);
  }
  const month = currentMonth(now, zone);
  const usage = usageByClient(data.clients, classifyHours(data, today).counted, month);

  const rules: SuccessRules = {
    cadence: { weeklyWeeks: s.designatedWeeklyWeeks, pooledDays: s.pooledTouchDays, dueSoonDays: s.touchDueSoonDays },
    kickoffDays: s.kickoffBusinessDays,
    annualHours: s.annualReviewHours,
    weights: s.healthWeights,
    risk: { healthBelow: s.riskHealthBelow, breaches30: s.riskBreaches, complaints30: s.riskComplaints },
    isBusinessDay,
    executiveSponsor: s.executiveSponsorEmail,
  };

  const history = readHistory(ports.state);
  const previous = history.before?.day ? new Map(Object.entries(history.before.scores)) : previousHealth(wb);
  const mailer = new QuotaMailer(ports.mail, s.mailQuotaReserve);
  const table = data.clientsTable;
  const writes: CellWrite[] = [];
  const rows: SuccessRow[] = [];
  let sent = 0;
  let drafted = 0;
  for (const { rowNumber, data: c } of table.rows) {
    if (c.Status === 'Ended') continue;
    const entOf = clientEntitlements(c, entitlements);
    const sig = signals.get(c['Client ID']);
    const use = usage.get(c['Client ID']);
    const facts: ClientFacts = {
      clientId: c['Client ID'],
      name: c.Name,
      cohort: c.Cohort,
      touchEveryDays: c['Touch every (days)'],
      plan: c.Plan,
      monthlyHours: c['Monthly hours'],
      csmEmail: c['CSM email'],
      implementationManager: c['Implementation manager'],
      riskOwner: c['Risk owner'],
      contractStart: day(c['Contract start']),
      contractSigned: day(c['Contract signed']),
      touches: touches.get(c['Client ID']) ?? [],
      tickets: ticketsBy.get(c['Client ID']) ?? [],
      reopened90: sig?.reopened.size ?? 0,
      complaints30: sig?.complaints30 ?? 0,
      positives30: sig?.positives30 ?? 0,
      hoursUsedPercent: use?.percent ?? null,
      entitlements: entOf,
    };
    const success = evaluateClient(facts, today, rules);
    const duty = c.Cohort === 'Pooled' ? onDuty(s.pooledCsmRota, today) : null;
    const tiers = matrixFor(matrices, c['Escalation matrix'], s.defaultEscalationMatrix)?.tiers ?? [];
    const ledger = parseLedger(c['Success notified']);
    const notices = dueNotices(
      {
        clientId: c['Client ID'],
        name: c.Name,
        csmEmail: c['CSM email'],
        implementationManager: c['Implementation manager'],
        tier2Email: tiers.find((t) => t.tier === 2)?.email ?? '',
        onDuty: duty,
        pooled: c.Cohort === 'Pooled',
        agenda: (r) => agenda(r, c.Name, c['Client ID'], data, use?.text ?? '', success.health.score),
      },
      success,
      ledger,
      today,
    );
    const entries: LedgerEntry[] = [];
    for (const n of notices) {
      const entry = deliver(n, mailer, now, log, c['Client ID']);
      if (entry.outcome === 'sent') sent++;
      if (entry.outcome === 'draft') drafted++;
      entries.push(entry);
    }
    const cleared = riskCleared(success, ledger, today, now);
    if (cleared) {
      entries.push(cleared);
      log.add('Risk cleared', `${c['Client ID']}: ${cleared.detail}`, { clientId: c['Client ID'] });
    }
    if (entries.length) writes.push({ rowNumber, header: 'Success notified', value: appendLedger(c['Success notified'], entries) });
    const kickoffAt = success.kickoff?.held ?? null;
    const held = c['Kick-off at'] ? day(c['Kick-off at']) : null;
    if (kickoffAt && held !== kickoffAt && table.columnOf.has('Kick-off at'))
      writes.push({ rowNumber, header: 'Kick-off at', value: new Date(`${kickoffAt}T12:00:00Z`) });
    rows.push({
      clientId: c['Client ID'],
      name: c.Name,
      cohort: c.Cohort,
      coveredBy: c.Cohort === 'Pooled' ? (duty ? `pool (${duty.email} on duty)` : 'pool (no rota)') : c['CSM email'] || '(no CSM)',
      success,
      previousHealth: previous.get(c['Client ID']) ?? null,
      entitlementProblems: entitlementProblems(
        { plan: c.Plan, monthlyHours: c['Monthly hours'], csmEmail: c['CSM email'], cohort: c.Cohort },
        entOf,
        s.csmMinimumMonthlyHours,
      ),
    });
  }
  // A contract that breaks what its plan includes (a CSM plan under the minimum hours) is said on its Clients row, logged once.
  const notes = entitlementNoteWrites(table, entitlementNotes(table, entitlements, s));
  writes.push(...notes.writes);
  for (const f of notes.fresh) log.add('Register problem', `${ClientsTab.name} row ${f.rowNumber}: ${f.message}`);
  const target = writes.filter((w) => table.columnOf.has(w.header));
  if (target.length) applyPlan(wb.tab(ClientsTab.name)!, planWrites(table, target));

  if (ports.state) saveHistory(ports.state, history, today, rows);
  const layout = successLayout(rows);
  const port = wb.ensureTab(SUCCESS_TAB);
  const before = port.readAll();
  const values = layout.values.map((r) => r.map((v) => cellValue(v)));
  for (let r = values.length; r < before.length; r++) values.push(new Array(SUCCESS_HEADER.length).fill(''));
  port.writeBlocks([{ row: 1, column: 1, values }]);
  ports.charts?.ensure(SUCCESS_TAB, [layout.chart]);
  const atRisk = rows.filter((r) => r.success.risks.length > 0).length;
  return {
    clients: rows.length,
    atRisk,
    sent,
    drafted,
    layout,
    message: `Client success: ${rows.length} client(s), ${atRisk} at risk; ${sent} reminder(s) sent, ${drafted} held as drafts.`,
  };
}

/**
 * The trend compares with the previous day's last scores: each refresh keeps today's scores
 * under `today`, and on the first refresh of a new day yesterday's become `before`. Two
 * small maps in one property (a few KB for hundreds of clients).
 */
const HISTORY = 'success.health';
interface Snapshot {
  readonly day: string;
  readonly scores: Readonly<Record<string, number>>;
}
interface History {
  readonly today: Snapshot | null;
  readonly before: Snapshot | null;
}

function readHistory(state: KeyValuePort | undefined): History {
  try {
    const v = JSON.parse(state?.get(HISTORY) ?? '{}') as Partial<History>;
    return { today: v.today ?? null, before: v.before ?? null };
  } catch {
    return { today: null, before: null };
  }
}

function saveHistory(state: KeyValuePort, h: History, today: IsoDay, rows: readonly SuccessRow[]): void {
  const scores = Object.fromEntries(rows.map((r) => [r.clientId, r.success.health.score]));
  const before = h.today && h.today.day !== today ? h.today : h.before;
  state.set(HISTORY, JSON.stringify({ today: { day: today, scores }, before }));
}

/** Health by client at the last refresh (the Success tab as it stands), for the trend. */
function previousHealth(wb: WorkbookPort): Map<string, number> {
  const out = new Map<string, number>();
  const raw = wb.tab(SUCCESS_TAB)?.readAll() ?? [];
  const id = raw[0]?.indexOf('Client ID') ?? -1;
  const health = raw[0]?.indexOf('Health') ?? -1;
  if (id < 0 || health < 0) return out;
  for (const row of raw.slice(1)) if (typeof row[health] === 'number') out.set(String(row[id]), row[health] as number);
  return out;
}

function deliver(n: SuccessNotice, mailer: QuotaMailer, now: number, log: RunLogPort, clientId: string): LedgerEntry {
  const ids = { clientId };
  if (n.to.length === 0) {
    log.add(
      `${n.what} not sent`,
      `${clientId}: ${n.subject} — nobody to tell (Clients: CSM email, Implementation manager; Settings: Pooled CSM rota, Executive sponsor email)`,
      ids,
    );
    return { atMs: now, topic: n.topic, outcome: 'no address', detail: 'nobody to tell' };
  }
  const d = mailer.deliver({ to: [...n.to], cc: [], subject: n.subject, body: n.body });
  if (d.delivery === 'draft') {
    log.add(`${n.what} drafted`, `${n.to.join(', ')} — ${n.subject}: ${mailer.heldReason(d.quotaLeft)}`, ids);
    return { atMs: now, topic: n.topic, outcome: 'draft', detail: n.to.join(', ') };
  }
  log.add(n.what, `${n.to.join(', ')}: ${n.subject}`, ids);
  return { atMs: now, topic: n.topic, outcome: 'sent', detail: n.to.join(', ') };
}

/** The agenda a CSM prepares the review from: a draft for them, never sent to the client. */
function agenda(
  r: ReviewDue,
  name: string,
  clientId: string,
  data: ReturnType<typeof loadRegister>,
  usage: string,
  health: number,
): string {
  const open = [...data.tickets.values()].filter((t) => t.clientId === clientId && t.slaState !== 'Met' && t.slaState !== null);
  const sows = [...data.sows.values()].filter((w) => w.clientId === clientId && w.status !== 'Done' && w.status !== 'Declined');
  return [
    `Agenda draft for the ${r.kind} with ${name} (${clientId}), due ${r.due}${r.hours ? `, ${r.hours} h` : ''}. A draft for you to edit: nothing is sent to the client.`,
    '',
    `1. Open requests (${open.length}): ${open.map((t) => `${t.ticketId} (${t.slaState})`).join(', ') || 'none'}.`,
    `2. SLA and health: health ${health}.`,
    `3. Hours: ${usage || 'no contracted hours'}.`,
    `4. Statements of work: ${sows.map((w) => `${w.sowId} ${w.title} (${w.status}${w.estimateMin !== null ? `, estimate ${formatHours(w.estimateMin)}` : ''})`).join('; ') || 'none open'}.`,
    '5. Next steps and owners.',
  ].join('\n');
}
