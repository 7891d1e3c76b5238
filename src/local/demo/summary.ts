import { type Attainment, NO_ATTAINMENT, withTicket } from '../../core/sla';
import type { WorkbookModel } from '../emulator';

/** What a support lead would want to know after the month, read back from the register. */
export interface DemoSummary {
  tickets: number;
  byClient: Record<string, number>;
  attainment: { priority: string; tickets: Attainment }[];
  escalations: number;
  notices: number;
  noise: Record<string, number>;
  billing: { client: string; contracted: number; counted: number; overage: number; amount: number }[];
  invoiceTotal: number;
}

function table(wb: WorkbookModel, tab: string): Record<string, unknown>[] {
  const rows = wb.sheetValues(tab);
  if (rows.length === 0) return [];
  const header = rows[0]!.map(String);
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export function summarize(wb: WorkbookModel, month: string): DemoSummary {
  const tickets = table(wb, 'Tickets').filter((t) => String(t['Ticket ID'] ?? '') !== '');
  const byClient: Record<string, number> = {};
  const attainment = new Map<string, Attainment>();
  for (const t of tickets) {
    byClient[String(t['Client ID'])] = (byClient[String(t['Client ID'])] ?? 0) + 1;
    const p = String(t.Priority);
    attainment.set(p, withTicket(attainment.get(p) ?? NO_ATTAINMENT, String(t['SLA state'] ?? '') || null));
  }
  const log = table(wb, 'Log');
  const noise: Record<string, number> = {};
  for (const m of table(wb, 'Messages')) {
    const kind = String(m.Kind);
    if (!['customer', 'staff', 'follower', 'own'].includes(kind)) noise[kind] = (noise[kind] ?? 0) + 1;
  }
  const billingRows = table(wb, `Billing ${month}`);
  const billing = billingRows
    .filter((r) => r['Client ID'] !== '' && r['Client ID'] !== 'Total' && typeof r['Contracted h'] === 'number')
    .map((r) => ({
      client: String(r.Client),
      contracted: Number(r['Contracted h']),
      counted: Number(r['Counted h']),
      overage: Number(r['Overage h']),
      amount: Number(r['Amount due'] ?? r['Overage amount']),
    }));
  const total = billingRows.find((r) => r['Client ID'] === 'Total');
  return {
    tickets: tickets.length,
    byClient,
    attainment: ['Critical', 'High', 'Medium', 'Low'].map((priority) => ({
      priority,
      tickets: attainment.get(priority) ?? NO_ATTAINMENT,
    })),
    escalations: log.filter((l) => /^Escalated to tier/.test(String(l.Action))).length,
    notices: log.filter((l) => /notice sent|reminder sent/i.test(String(l.Action))).length,
    noise,
    billing,
    invoiceTotal: total ? Number(total['Amount due'] ?? total['Overage amount']) : billing.reduce((s, b) => s + b.amount, 0),
  };
}

const money = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function formatSummary(s: DemoSummary): string[] {
  const lines = [
    `  Tickets opened: ${s.tickets} (${Object.entries(s.byClient)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')})`,
    `  Noise kept out of the queue: ${
      Object.entries(s.noise)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'none'
    } (no tickets; automated mail never answered)`,
    '  SLA attainment by priority (tickets that met every target, of those settled):',
    ...s.attainment.map(({ priority, tickets: a }) => {
      const pending = a.pending ? `, ${a.pending} still open` : '';
      return `    ${priority.padEnd(9)} ${String(a.met).padStart(3)} met, ${String(a.breached).padStart(2)} breached${pending}${a.percent === null ? '' : ` (${a.percent}%)`}`;
    }),
    `  Escalation mails: ${s.escalations}; status notices and reminders: ${s.notices}`,
    '  Hours (counted vs contracted) and overage:',
    ...s.billing.map(
      (b) =>
        `    ${b.client.padEnd(22)} ${b.counted.toFixed(2).padStart(6)} h of ${String(b.contracted).padStart(3)} h, overage ${b.overage.toFixed(2)} h → ${money(b.amount)}`,
    ),
    `  Invoice total: ${money(s.invoiceTotal)}`,
  ];
  return lines;
}
