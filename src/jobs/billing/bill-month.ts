import { readEntitlements } from '../shared/entitlements';
import { entitlementsOf } from '../../core/success/entitlements';
import {
  adjustmentsFor,
  allowanceFor,
  billedSoFar,
  buildStatement,
  clientStatementMail,
  financeMail,
  formatMoney,
  holdFlaggedLines,
  type BillingStatus,
  type ClassifiedEntry,
  type MonthStatement,
  type StatementLine,
} from '../../core/billing';
import { formatHours, lineSignature } from '../../core/hours/entry';
import { addMonths, dayInZone, daysInMonth, monthOfDay, type IsoDay, type YearMonth } from '../../core/hours/month';
import type { ClockPort, KeyValuePort, WorkbookPort } from '../ports';
import { classifyHours, type Classified } from '../hours/classify';
import { writeHoursColumns } from '../hours/check-hours';
import { noteImplausibleClients } from '../hours/client-problems';
import { asBilled, finalMonths, readFinalRecord, recordFinal, reopenMonth } from './final-months';
import { loadRegister, type RegisterData } from '../hours/register-data';
import type { GeneratedTabs } from './ports';
import type { RunLogPort } from '../ports';
import type { MailPort } from '../mail/port';
import type { MailAttachment } from '../../core/notify/index';
import { makeInvoices } from './invoices';
import { replaceVoided } from './replacements';
import { billingRecipients } from './recipients';
import { slaAttainment } from './sla-attainment';
import { BILLING_TAB, billingTabName, parseBillingTab, renderStatement, type ParsedBillingTab } from './tab-layout';

export interface BillingPorts {
  readonly workbook: WorkbookPort;
  readonly tabs: GeneratedTabs;
  readonly clock: ClockPort;
  readonly kv: KeyValuePort;
  readonly mail: MailPort;
  readonly log: RunLogPort;
}

export interface BillMonthResult {
  readonly written: boolean;
  readonly message: string;
  readonly statement?: MonthStatement;
  /** True when the month was not billed because a rule refused it (the CLI exits 2). */
  readonly refused?: boolean;
}

export const financeDraftKey = (m: YearMonth) => `billing.financeDraft.${m}`;
export const clientDraftsKey = (m: YearMonth) => `billing.clientDrafts.${m}`;

const finalDescription = (month: YearMonth) =>
  `${billingTabName(month)} is final; typed changes are put back. Reopen the month (Support Desk → Reopen month…) to bill it again.`;

/** Months whose tab says Final: read once, for a register closed before the final list was kept. */
function tabsSayingFinal(p: BillingPorts): YearMonth[] {
  const out: YearMonth[] = [];
  for (const name of p.tabs.names()) {
    const m = BILLING_TAB.exec(name);
    if (!m) continue;
    try {
      if (parseBillingTab(m[1] as YearMonth, p.tabs.get(name)!.readAll()).status === 'Final') out.push(m[1] as YearMonth);
    } catch {
      // An unreadable tab is reported when its adjustments are computed.
    }
  }
  return out;
}

/**
 * The final months other than `month`, each read from its tab with the figures recorded at
 * its close. A tab that is missing, unreadable or whose lines are no longer those billed is
 * logged and left out of the adjustments (never read as "everything was removed").
 */
function finalBillingTabs(p: BillingPorts, finals: ReadonlySet<YearMonth>, month: YearMonth): ParsedBillingTab[] {
  const out: ParsedBillingTab[] = [];
  for (const m of [...finals].sort()) {
    if (m === month) continue;
    const name = billingTabName(m);
    const tab = p.tabs.get(name);
    if (!tab) {
      p.log.add(
        'Billing tab missing',
        `${name} is final but the tab is gone: restore it from version history; adjustments to ${m} are not computed`,
      );
      continue;
    }
    try {
      const parsed = parseBillingTab(m, tab.readAll());
      const { billed, linesMatch } = asBilled(readFinalRecord(p.kv, m), parsed.billed);
      if (!linesMatch) {
        p.log.add(
          'Final tab edited',
          `${name} no longer shows the lines billed when ${m} was closed: put it back (Undo, or File → Version history); adjustments to ${m} are not computed until then`,
        );
        continue;
      }
      out.push({ ...parsed, status: 'Final', billed });
    } catch (e) {
      p.log.add('Billing tab unreadable', `${name}: ${e instanceof Error ? e.message : String(e)}; its adjustments are not computed`);
    }
  }
  return out;
}

/**
 * Adjustment lines, for each final month before `month`, of changes made since it was
 * billed. Billed lines whose Hours row now has a problem are kept as billed (and logged),
 * not credited as removed: see holdFlaggedLines.
 */
function adjustmentLines(
  data: RegisterData,
  c: Classified,
  finals: readonly ParsedBillingTab[],
  month: YearMonth,
  log: RunLogPort,
): StatementLine[] {
  const allAdjustments = finals.flatMap((f) => f.adjustments);
  const out: StatementLine[] = [];
  for (const f of [...finals].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    if (f.month >= month) continue;
    const billed = billedSoFar(f.billed, allAdjustments);
    const flagged = c.unusable.filter((u) => u.day !== null && monthOfDay(u.day) === f.month);
    const { current, held } = holdFlaggedLines(
      billed,
      // SOW work is billed on its own lines, not by re-computing the contract (lateSowWork).
      c.counted.filter((e) => monthOfDay(e.day) === f.month && !e.sowId),
      flagged,
    );
    for (const h of held) {
      log.add(
        'Adjustment held',
        `${h.clientId} ${h.day} ${h.activity} (${formatHours(h.loggedMin)}) was billed final in ${f.month}; Hours row ${h.rowNumber} now has a problem (${h.problem}), so it stays as billed until the row is fixed`,
        { clientId: h.clientId },
      );
    }
    const terms = (clientId: string) => {
      const c = data.clients.find((x) => x.clientId === clientId);
      return {
        allowanceMin: c ? allowanceFor(f.month, c.monthlyHours ?? 0, c.start, c.end).minutes : 0,
        rateMicros: c?.rateMicros ?? data.settings.defaultRateMicros,
      };
    };
    out.push(...adjustmentsFor(billed, current, data.settings.incrementMin, terms));
  }
  return out;
}

/**
 * SOW hours of earlier Final months that no Final tab billed: held then (the SOW was not
 * signed yet), they are billed in this month once it is, marked with the month worked.
 */
function lateSowWork(c: Classified, finals: readonly ParsedBillingTab[], month: YearMonth): ClassifiedEntry[] {
  const key = (l: {
    clientId: string;
    sowId?: string;
    day: string;
    person: string;
    ticketId: string;
    activity: string;
    required: boolean | null;
  }) => `${l.clientId}#${(l.sowId ?? '').toUpperCase()}#${lineSignature({ ...l, day: l.day as IsoDay, required: l.required ?? true })}`;
  const billed = new Map<string, number>();
  for (const f of finals) for (const l of f.sowLines) billed.set(key(l), (billed.get(key(l)) ?? 0) + (l.loggedMin ?? 0));
  const earlier = new Set(finals.map((f) => f.month as string).filter((m) => m < month));
  const out: ClassifiedEntry[] = [];
  for (const e of c.counted) {
    if (!e.sowId || !earlier.has(monthOfDay(e.day))) continue;
    const k = key(e);
    const left = billed.get(k) ?? 0;
    if (left >= e.minutes) {
      billed.set(k, left - e.minutes);
      continue;
    }
    out.push({ ...e, reason: `${e.reason}; worked in ${monthOfDay(e.day)} (closed Final) and billed now that the SOW is signed` });
  }
  return out;
}

/**
 * Running the Final close of a month already final again is the "reissue": it issues the
 * replacements of invoices voided since (of any final month), with their import file in a
 * draft to finance; nothing else changes, and with nothing voided it issues nothing.
 */
function reissue(p: BillingPorts, finals: ReadonlySet<YearMonth>): string {
  const data = loadRegister(p.workbook, p.log, { contacts: true });
  const today = dayInZone(p.clock.now(), data.settings.providerZone);
  const r = replaceVoided(p, data, finals, today);
  if (!r.invoices.length) return ' No voided invoice to replace.';
  p.mail.saveDraft({
    to: data.settings.financeEmail ? [data.settings.financeEmail] : [],
    cc: [],
    subject: `Replacement invoices ${r.invoices.map((i) => i.number).join(', ')} (${data.settings.providerName})`,
    body: `Replacements for voided invoices, issued ${today}:\n${r.invoices.map((i) => `${i.number} ${i.clientId} ${i.month}: ${formatMoney(i.totalCents)}`).join('\n')}\n\nThe import file is attached.\n`,
    attachments: r.csv ? [r.csv] : [],
  });
  return ` ${r.invoices.length} replacement invoice(s) for voided ones: ${r.invoices.map((i) => `${i.number} (${i.clientId} ${i.month})`).join(', ')}.`;
}

function replaceDraft(p: BillingPorts, key: string, make: () => string): void {
  const old = p.kv.get(key);
  if (old) p.mail.deleteDraft(old);
  p.kv.set(key, make());
}

function draftMails(
  p: BillingPorts,
  data: RegisterData,
  s: MonthStatement,
  unbilled: number,
  importFiles: readonly MailAttachment[],
): string[] {
  const done: string[] = [];
  const fm = financeMail(s, unbilled);
  replaceDraft(p, financeDraftKey(s.month), () =>
    p.mail.saveDraft({
      to: data.settings.financeEmail ? [data.settings.financeEmail] : [],
      cc: [],
      subject: fm.subject,
      body: fm.text,
      htmlBody: fm.html,
      attachments: [{ name: fm.csvName, contentType: 'text/csv', content: fm.csv }, ...importFiles],
    }),
  );
  if (!data.settings.financeEmail)
    p.log.add('Finance draft has no recipient', 'Settings → Finance email is blank: fill it in, or address the draft by hand');
  done.push('finance draft');

  // One client-facing draft per client whose edition includes monthly reporting.
  const key = clientDraftsKey(s.month);
  let ids: Record<string, string> = {};
  try {
    ids = JSON.parse(p.kv.get(key) ?? '{}') as Record<string, string>;
  } catch {
    ids = {};
  }
  let n = 0;
  // Who gets one: the clients whose plan or edition includes Monthly reporting (Entitlements;
  // essensys: Enterprise editions); a register without that tab goes by Settings → Client statement editions.
  const entitlements = readEntitlements(p.workbook)?.rows ?? null;
  const planOf = new Map(data.clientsTable.rows.map((r) => [r.data['Client ID'], r.data.Plan]));
  const reports = (c: (typeof data.clients)[number]) =>
    entitlements
      ? entitlementsOf({ plan: planOf.get(c.clientId) ?? '', edition: c.edition }, entitlements).includes['Monthly reporting']
      : data.settings.statementEditions.includes(c.edition.trim().toLowerCase());
  for (const row of s.rows) {
    const client = data.clients.find((c) => c.clientId === row.clientId);
    if (!client || !reports(client)) continue;
    const to = billingRecipients(client, data);
    if (ids[row.clientId]) p.mail.deleteDraft(ids[row.clientId]!);
    delete ids[row.clientId];
    if (to.length === 0) {
      p.log.add('Client statement skipped', `${row.clientId} has no Finance email and no Billing or Authorized representative contact`, {
        clientId: row.clientId,
      });
      continue;
    }
    const mail = clientStatementMail(
      s.month,
      row,
      slaAttainment(data.tickets.values(), row.clientId, s.month, data.settings.providerZone),
      data.settings.providerName,
    );
    ids[row.clientId] = p.mail.saveDraft({ to, cc: [], subject: mail.subject, body: mail.text, htmlBody: mail.html });
    n++;
  }
  p.kv.set(key, JSON.stringify(ids));
  if (n) done.push(`${n} client statement draft(s)`);
  return done;
}

export interface BillOptions {
  /** Who runs the close ('' when unknown), for the record of a Final close and the Log. */
  readonly by?: string;
  /** Reopens a Final month first: only this takes a month off the final list (logged with who and why). */
  readonly reopen?: { readonly reason: string };
}

const lastDay = (m: YearMonth): IsoDay => `${m}-${String(daysInMonth(m)).padStart(2, '0')}` as IsoDay;

const refuse = (p: BillingPorts, message: string): BillMonthResult => {
  p.log.add('Billing refused', message);
  return { written: false, refused: true, message };
};

/** The first month the register has anything to bill in: the earliest Contract start, Hours entry or ticket. */
function firstMonth(data: RegisterData): YearMonth | null {
  const days: string[] = [];
  for (const c of data.clients) if (c.start) days.push(c.start);
  for (const e of data.entries) days.push(e.day);
  for (const t of data.tickets.values()) if (t.receivedAt !== null) days.push(dayInZone(t.receivedAt, data.settings.providerZone));
  if (!days.length) return null;
  return monthOfDay(days.sort()[0]! as IsoDay);
}

/**
 * Bills one month: writes `Billing YYYY-MM` (client rows, totals, detail lines), brings
 * the Hours tab's Counted / Reason / Problems up to date, and leaves a finance draft and
 * the client statement drafts in Gmail (replacing this month's earlier drafts, so a
 * re-run leaves one of each). A Draft month may be billed again and gives the same tab; a
 * Final month is never rewritten unless reopened (opts.reopen). A Final close is only for
 * a month that has ended in the provider's zone. Run under the document lock.
 */
export function billMonth(p: BillingPorts, month: YearMonth, final: boolean, opts: BillOptions = {}): BillMonthResult {
  const name = billingTabName(month);
  const by = opts.by ?? '';
  const finals = finalMonths(p.kv, () => tabsSayingFinal(p));
  if (opts.reopen) {
    const reason = opts.reopen.reason.trim();
    if (!finals.has(month)) return refuse(p, `${month} is not final: there is nothing to reopen (bill it as usual).`);
    if (!reason) return refuse(p, `Reopening ${month} needs a reason: it is logged with who reopened it.`);
    const r = reopenMonth(p.kv, finals, month, { at: new Date(p.clock.now()).toISOString(), by, reason });
    p.tabs.get(name)?.protectAs(null);
    p.log.add(
      'Month reopened',
      `${month} reopened by ${by || 'an unknown user'}: ${reason}. It had been closed Final${r.was ? ` on ${r.was.closedAt.slice(0, 10)} with ${formatMoney(r.was.dueCents)} due` : ''}; invoice numbers already issued stay issued.`,
    );
  } else if (finals.has(month)) {
    const message = `${name} is final and is never rewritten; later changes to ${month}'s hours appear as adjustments in the next month billed. To bill it again, reopen it (with a reason).`;
    // The list, not the tab, decides: typing "Draft" over its Status cells changes nothing.
    p.tabs.get(name)?.protectAs(finalDescription(month));
    const refused = refuse(p, message);
    // Closing a final month Final again is the idempotent re-run (and the reissue): not an error.
    return final ? { written: false, refused: false, message: `${message}${reissue(p, finals)}` } : refused;
  }

  const data = loadRegister(p.workbook, p.log, { contacts: true, job: { name: 'billing', label: 'billing' } });
  const today = dayInZone(p.clock.now(), data.settings.providerZone);
  if (`${month}-01` > today)
    return refuse(p, `${month} has not started yet (today is ${today} in ${data.settings.providerZone}); nothing billed.`);
  if (final && lastDay(month) >= today)
    return refuse(
      p,
      `${month} has not ended yet in ${data.settings.providerZone} (today is ${today}): it can be billed as a Draft now and closed Final from ${addMonths(month, 1)}-01.`,
    );
  const first = firstMonth(data);
  if (first === null || month < first)
    return refuse(
      p,
      first === null
        ? `The register has no contract start, hours or tickets yet: nothing to bill for ${month}.`
        : `${month} is before the register's first contract (${first}, from Clients → Contract start, the Hours and the Tickets); nothing billed.`,
    );
  noteImplausibleClients(p.workbook, data, p.log);
  const c = classifyHours(data, today);
  const finalTabs = finalBillingTabs(p, finals, month);
  const status: BillingStatus = final ? 'Final' : 'Draft';
  const statement = buildStatement({
    month,
    status,
    clients: data.clients,
    settings: data.settings,
    entries: [...c.counted.filter((e) => monthOfDay(e.day) === month), ...lateSowWork(c, finalTabs, month)],
    sows: data.sows,
    unbilled: c.unusable.filter((u) => u.day !== null && monthOfDay(u.day) === month),
    adjustments: adjustmentLines(data, c, finalTabs, month, p.log),
  });

  const tab = renderStatement(statement);
  const sheet = p.tabs.ensure(name);
  sheet.replaceAll(tab.values, tab.formats, tab.boldRows, tab.widths, tab.alignments);

  writeHoursColumns(p.workbook, data, c, finals, p.log);
  if (final) {
    recordFinal(p.kv, finals, statement, new Date(p.clock.now()).toISOString(), by);
    sheet.protectAs(finalDescription(month));
  }

  const unbilled = statement.lines.filter((l) => l.kind === 'Not billed').length;
  const inv = makeInvoices(p, data, statement, today, final);
  const replaced = final ? replaceVoided(p, data, finals, today) : { invoices: [], csv: null };
  const mails = draftMails(
    p,
    data,
    statement,
    unbilled,
    [inv.csv, replaced.csv].filter((f): f is MailAttachment => f !== null),
  );
  const adjusted = statement.lines.filter((l) => l.kind === 'Adjustment total').length;
  const message =
    `${name} written (${status}): ${statement.rows.length} client(s), ${formatMoney(statement.totals.dueCents)} due` +
    `${adjusted ? `, ${adjusted} adjustment(s) to final months` : ''}${unbilled ? `, ${unbilled} row(s) with problems not billed` : ''}; ` +
    `${inv.invoices.length} invoice(s)${final ? ` (${inv.fresh} newly numbered)` : ' (draft)'} with ${inv.drafts} invoice draft(s)` +
    `${replaced.invoices.length ? `, ${replaced.invoices.length} replacement(s) for voided invoices (${replaced.invoices.map((i) => i.number).join(', ')})` : ''}; ${mails.join(', ')}.`;
  p.log.add(final ? 'Month closed' : 'Billing drafted', by ? `${message} (by ${by})` : message);
  return { written: true, message, statement };
}
