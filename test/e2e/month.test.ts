/**
 * Acceptance: a month in the life of a support desk, run exactly as the demo runs it —
 * the real triggers of build/Code.js on a simulated clock — and checked the way a
 * support lead and finance would check it.
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { Emulator, MailboxModel, WorkbookModel } from '../../src/local/emulator';
import { BUNDLE } from '../../src/local/bundle';
import { fillDemoRegister } from '../../src/local/demo/register';
import { CLIENTS, STAFF, SUPPORT_ADDRESS } from '../../src/local/demo/register-data';
import { generateMonth, type DemoMonth } from '../../src/local/demo/month';
import { simulateMonth, type SimulationStats } from '../../src/local/demo/simulate';
import { summarize } from '../../src/local/demo/summary';
import { attainmentOf, describeAttainment } from '../../src/core/sla';

const ZONE = 'America/Denver';
const MONTH = '2026-09';

type Row = Record<string, unknown>;
function table(wb: WorkbookModel, tab: string): Row[] {
  const rows = wb.sheetValues(tab);
  const header = rows[0]!.map(String);
  return rows
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
const address = (s: string) => (/<([^>]+)>/.exec(s)?.[1] ?? s).trim().toLowerCase();
const addresses = (s: string) => s.split(',').map(address).filter(Boolean);

let em: Emulator;
let month: DemoMonth;
let stats: SimulationStats;

beforeAll(async () => {
  const start = DateTime.fromISO(`${MONTH}-01T07:00:00`, { zone: ZONE }).toMillis();
  em = new Emulator({
    workbook: new WorkbookModel({ name: 'acceptance', timeZone: ZONE }),
    mailbox: new MailboxModel({ address: SUPPORT_ADDRESS, dailyQuota: 1500 }),
    user: SUPPORT_ADDRESS,
    scriptTimeZone: ZONE,
    now: start,
  }).load(readFileSync(BUNDLE, 'utf8'));
  em.call('setup');
  fillDemoRegister(em);
  em.call('installTriggers');
  month = generateMonth(MONTH, 1);
  stats = await simulateMonth(em, month, () => {});
}, 600_000); // about 20 s on a quiet machine; a busy one can take minutes

describe('a month of support mail, sweeps and a billing close', () => {
  it('ran every trigger without a failure', () => {
    expect(stats.failedRuns).toEqual([]);
    expect(stats.ingestRuns).toBeGreaterThan(8000);
    expect(stats.sweepRuns).toBeGreaterThan(4000);
  });

  it('every real request has exactly one ticket, for the right client and requester', () => {
    const ledger = table(em.workbook, 'Messages');
    const tickets = table(em.workbook, 'Tickets');
    expect(tickets).toHaveLength(month.requests.length);
    for (const r of month.requests) {
      const entry = ledger.find((m) => m['Message ID'] === r.messageId);
      expect(entry, r.subject).toBeDefined();
      const ticket = tickets.find((t) => t['Ticket ID'] === entry!['Ticket ID']);
      expect(ticket, r.subject).toBeDefined();
      expect(ticket!['Client ID']).toBe(r.clientId);
      expect(address(String(ticket!.Requester))).toBe(r.from);
    }
    expect(new Set(tickets.map((t) => t['Ticket ID'])).size).toBe(tickets.length);
  });

  it('no noise opens a ticket, and automated mail is never answered', () => {
    const ledger = table(em.workbook, 'Messages');
    for (const n of month.noise) {
      const entry = ledger.find((m) => m['Message ID'] === n.messageId);
      expect(entry, n.why).toBeDefined();
      expect(entry!['Ticket ID'], n.why).toBe('');
    }
    const automated = ['mailer-daemon@mail.helpdesk.example', 'news@vendor-updates.example'];
    const ooo = month.noise.find((n) => n.why === 'auto-reply')!;
    for (const mail of em.mailbox.outgoing) {
      for (const to of addresses(`${mail.to},${mail.cc}`)) expect(automated, mail.subject).not.toContain(to);
      expect(mail.inReplyTo ?? '').not.toBe(ooo.messageId);
    }
  });

  it('each requester was acknowledged once, with the ticket number, within one inbox run of the mail', () => {
    const ledger = table(em.workbook, 'Messages');
    for (const r of month.requests) {
      const ticketId = String(ledger.find((m) => m['Message ID'] === r.messageId)!['Ticket ID']);
      const acks = em.mailbox.outgoing.filter((m) => m.kind === 'sent' && m.text.includes(`Support Desk ref: ack ${ticketId}`));
      expect(acks, r.subject).toHaveLength(1);
      expect(acks[0]!.subject).toContain(`[#${ticketId}]`);
      expect(acks[0]!.inReplyTo).toBe(r.messageId);
      expect(addresses(acks[0]!.to)).toContain(r.from);
      const arrived = month.mail.find((m) => m.raw.includes(`Message-ID: ${r.messageId}`))!.at;
      expect(acks[0]!.date - arrived).toBeGreaterThanOrEqual(0);
      expect(acks[0]!.date - arrived).toBeLessThan(6 * 60_000);
    }
  });

  it('first-response escalations went to the matrix tier’s person, at risk before the deadline and breached just after it', () => {
    const tickets = table(em.workbook, 'Tickets');
    const clients = new Map(CLIENTS.map((c) => [c.id, c]));
    const tierPerson: Record<string, Record<string, string>> = {
      'CSM-Director-VP': { '2': STAFF.director, '3': STAFF.vp },
      'CSM-COO-CEO': { '2': STAFF.coo, '3': STAFF.ceo },
    };
    const escalations = em.mailbox.outgoing.filter((m) => /escalation tier \d/i.test(m.subject) && /first response/i.test(m.subject));
    expect(escalations.some((m) => /tier 1/i.test(m.subject))).toBe(true);
    expect(escalations.some((m) => /tier 2/i.test(m.subject))).toBe(true);
    for (const mail of escalations) {
      const ticketId = /T-\d{6}/.exec(mail.subject)![0];
      const ticket = tickets.find((t) => t['Ticket ID'] === ticketId)!;
      const client = clients.get(String(ticket['Client ID']))!;
      const tier = /tier (\d)/i.exec(mail.subject)![1]!;
      const expected = tier === '1' ? client.csm : tierPerson[client.matrix]![tier]!;
      expect(addresses(`${mail.to},${mail.cc}`), mail.subject).toContain(expected);
      const due = (ticket['First response due'] as Date).getTime();
      if (/at risk/i.test(mail.subject)) expect(mail.date, mail.subject).toBeLessThan(due);
      if (tier === '2') {
        expect(mail.date, mail.subject).toBeGreaterThanOrEqual(due);
        expect(mail.date - due, mail.subject).toBeLessThan(11 * 60_000); // the next sweep after the breach
      }
    }
  });

  it('the billing tab matches the hour logs and the contracts', () => {
    const billing = table(em.workbook, `Billing ${MONTH}`);
    const reasons = new Map<string, string>();
    const ledger = table(em.workbook, 'Messages');
    const tickets = table(em.workbook, 'Tickets');
    for (const r of month.requests) {
      const id = String(ledger.find((m) => m['Message ID'] === r.messageId)!['Ticket ID']);
      reasons.set(r.messageId, String(tickets.find((t) => t['Ticket ID'] === id)!.Reason));
    }
    const hoursOf = (text: string) =>
      /^(\d+):(\d\d)$/.test(text)
        ? Number(text.split(':')[0]) + Number(text.split(':')[1]) / 60
        : text.endsWith('m')
          ? Number(text.slice(0, -1)) / 60
          : Number(text);
    let total = 0;
    for (const c of CLIENTS) {
      let counted = 0;
      let logged = 0;
      for (const h of month.hours.filter((x) => x.clientId === c.id)) {
        const n = hoursOf(h.hours);
        logged += n;
        const excluded =
          h.requiredAttendee === 'No' ||
          (h.activity === 'Troubleshooting' && h.requestId !== undefined && reasons.get(h.requestId) === 'Bug');
        if (!excluded) counted += n;
      }
      const row = billing.find((b) => b['Client ID'] === c.id)!;
      expect(row, c.id).toBeDefined();
      expect(row['Logged h']).toBeCloseTo(logged, 6);
      expect(row['Counted h']).toBeCloseTo(counted, 6);
      expect(row['Contracted h']).toBe(c.monthlyHours);
      const overage = Math.ceil(Math.max(0, counted - c.monthlyHours) / 0.25 - 1e-9) * 0.25;
      expect(row['Overage h']).toBeCloseTo(overage, 6);
      const rate = c.rate === '' ? 125 : c.rate;
      expect(row['Overage amount']).toBeCloseTo(overage * rate, 2);
      total += Math.round(overage * rate * 100);
    }
    expect(Math.round(Number(billing.find((b) => b['Client ID'] === 'Total')!['Overage amount']) * 100)).toBe(total);
    expect(total).toBeGreaterThan(0); // some clients went over their contract
    const financeDraft = em.mailbox.drafts.find((d) => addresses(d.to).includes(STAFF.finance));
    expect(financeDraft, 'finance gets a draft with the statement').toBeDefined();
    expect(em.mailbox.sent.some((m) => addresses(m.to).includes(STAFF.finance))).toBe(false);
  });

  it('the summary, the Dashboard and the client statement give one SLA figure for the month', () => {
    const tickets = table(em.workbook, 'Tickets');
    const summary = summarize(em.workbook, MONTH);
    const dash = em.workbook.sheetValues('Dashboard');
    const header = dash.findIndex((r) => r[0] === 'Month');
    const row = dash.slice(header + 1).find((r) => r[0] === MONTH)!;
    expect(row, 'the Dashboard keeps the closed month').toBeDefined();
    for (const [i, p] of (['Critical', 'High', 'Medium', 'Low'] as const).entries()) {
      const mine = attainmentOf(tickets.filter((t) => t.Priority === p).map((t) => String(t['SLA state']) || null));
      expect(summary.attainment.find((a) => a.priority === p)!.tickets, p).toEqual(mine);
      expect(row[i + 1], `Dashboard ${p}`).toBe(mine.percent ?? '');
    }
    const enterprise = CLIENTS.find((c) => c.edition === 'Enterprise')!;
    const statement = em.mailbox.drafts.find((d) => d.subject.startsWith(`Your support statement for ${MONTH}`))!;
    const own = attainmentOf(tickets.filter((t) => t['Client ID'] === enterprise.id).map((t) => String(t['SLA state']) || null));
    expect(own.met + own.breached).toBeGreaterThan(0);
    expect(statement.text).toContain(`Service levels: ${describeAttainment(own)}`);
  });

  it('running every trigger again over the same input changes nothing and sends nothing', () => {
    const snapshot = () => em.workbook.sheets.filter((s) => s.name !== 'Log').map((s) => JSON.stringify(em.workbook.sheetValues(s.name)));
    const before = snapshot();
    const mails = em.mailbox.outgoing.length;
    for (const job of ['ingestInbox', 'sweepSla', 'runMonthlyBilling', 'ingestInbox', 'sweepSla']) {
      const r = em.run(job);
      expect(r.error, job).toBeUndefined();
    }
    expect(snapshot()).toEqual(before);
    expect(em.mailbox.outgoing.length).toBe(mails);
  });
});
