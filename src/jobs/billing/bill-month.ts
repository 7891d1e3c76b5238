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
  type MonthStatement,
  type StatementLine,
} from '../../core/billing';
import { formatHours } from '../../core/hours/entry';
import { dayInZone, monthOfDay, type YearMonth } from '../../core/hours/month';
import type { ClockPort, KeyValuePort, WorkbookPort } from '../ports';
import { classifyHours, type Classified } from '../hours/classify';
import { FINAL_MONTHS_KEY, writeHoursColumns } from '../hours/check-hours';
import { loadRegister, type RegisterData } from '../hours/register-data';
import type { GeneratedTabs } from './ports';
import type { RunLogPort } from '../ports';
import type { MailPort } from '../mail/port';
import type { MailAttachment } from '../../core/notify/index';
import { makeInvoices } from './invoices';
import { billingRecipients } from './recipients';
import { slaAttainment } from './sla-attainment';
import { BILLING_TAB, billingTabName, parseBillingTab, renderStatement, type ParsedBillingTab } from './tab-layout';
import { isBlankRow } from '../../register/cell-equality';

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
}

export const financeDraftKey = (m: YearMonth) => `billing.financeDraft.${m}`;
export const clientDraftsKey = (m: YearMonth) => `billing.clientDrafts.${m}`;

/** Every billing tab other than `month`'s, parsed; unreadable ones are logged and skipped. */
function otherBillingTabs(p: BillingPorts, month: YearMonth): ParsedBillingTab[] {
  const out: ParsedBillingTab[] = [];
  for (const name of p.tabs.names()) {
    const m = BILLING_TAB.exec(name);
    if (!m || m[1] === month) continue;
    try {
      out.push(parseBillingTab(m[1] as YearMonth, p.tabs.get(name)!.readAll()));
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
      c.counted.filter((e) => monthOfDay(e.day) === f.month),
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

function replaceDraft(p: BillingPorts, key: string, make: () => string): void {
  const old = p.kv.get(key);
  if (old) p.mail.deleteDraft(old);
  p.kv.set(key, make());
}

function draftMails(p: BillingPorts, data: RegisterData, s: MonthStatement, unbilled: number, importFile: MailAttachment | null): string[] {
  const done: string[] = [];
  const fm = financeMail(s, unbilled);
  replaceDraft(p, financeDraftKey(s.month), () =>
    p.mail.saveDraft({
      to: data.settings.financeEmail ? [data.settings.financeEmail] : [],
      cc: [],
      subject: fm.subject,
      body: fm.text,
      htmlBody: fm.html,
      attachments: [{ name: fm.csvName, contentType: 'text/csv', content: fm.csv }, ...(importFile ? [importFile] : [])],
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
  for (const row of s.rows) {
    const client = data.clients.find((c) => c.clientId === row.clientId);
    if (!client || !data.settings.statementEditions.includes(client.edition.trim().toLowerCase())) continue;
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

/**
 * Bills one month: writes `Billing YYYY-MM` (client rows, totals, detail lines), brings
 * the Hours tab's Counted / Reason / Problems up to date, and leaves a finance draft and
 * the client statement drafts in Gmail (replacing this month's earlier drafts, so a
 * re-run leaves one of each). A Draft month may be billed again and gives the same tab; a
 * Final month is never rewritten. Run under the document lock.
 */
export function billMonth(p: BillingPorts, month: YearMonth, final: boolean): BillMonthResult {
  const name = billingTabName(month);
  const existing = p.tabs.get(name);
  if (existing) {
    const raw = existing.readAll();
    const blank = raw.every(isBlankRow);
    if (!blank) {
      const parsed = parseBillingTab(month, raw);
      if (parsed.status === 'Final') {
        const message = `${name} is final and is never rewritten; later changes to ${month}'s hours appear as adjustments in the next month billed.`;
        p.log.add('Billing refused', message);
        return { written: false, message };
      }
    }
  }

  const data = loadRegister(p.workbook, p.log, { contacts: true });
  const today = dayInZone(p.clock.now(), data.settings.providerZone);
  if (`${month}-01` > today) {
    const message = `${month} has not started yet (today is ${today} in ${data.settings.providerZone}); nothing billed.`;
    p.log.add('Billing refused', message);
    return { written: false, message };
  }
  const c = classifyHours(data, today);
  const finals = otherBillingTabs(p, month).filter((t) => t.status === 'Final');
  const status: BillingStatus = final ? 'Final' : 'Draft';
  const statement = buildStatement({
    month,
    status,
    clients: data.clients,
    settings: data.settings,
    entries: c.counted.filter((e) => monthOfDay(e.day) === month),
    unbilled: c.unusable.filter((u) => u.day !== null && monthOfDay(u.day) === month),
    adjustments: adjustmentLines(data, c, finals, month, p.log),
  });

  const tab = renderStatement(statement);
  p.tabs.ensure(name).replaceAll(tab.values, tab.formats, tab.boldRows, tab.widths);

  const finalMonths = new Set(finals.map((f) => f.month as string));
  writeHoursColumns(p.workbook, data, c, finalMonths, p.log);
  if (final) finalMonths.add(month);
  p.kv.set(FINAL_MONTHS_KEY, JSON.stringify([...finalMonths].sort()));

  const unbilled = statement.lines.filter((l) => l.kind === 'Not billed').length;
  const inv = makeInvoices(p, data, statement, today, final);
  const mails = draftMails(p, data, statement, unbilled, inv.csv);
  const adjusted = statement.lines.filter((l) => l.kind === 'Adjustment total').length;
  const message =
    `${name} written (${status}): ${statement.rows.length} client(s), ${formatMoney(statement.totals.dueCents)} due` +
    `${adjusted ? `, ${adjusted} adjustment(s) to final months` : ''}${unbilled ? `, ${unbilled} row(s) with problems not billed` : ''}; ` +
    `${inv.invoices.length} invoice(s)${final ? ` (${inv.fresh} newly numbered)` : ' (draft)'} with ${inv.drafts} invoice draft(s); ${mails.join(', ')}.`;
  p.log.add(final ? 'Month closed' : 'Billing drafted', message);
  return { written: true, message, statement };
}
