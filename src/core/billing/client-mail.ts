import { formatMoney, formatRate } from './money';
import { escapeHtml, hoursText } from './render-text';
import type { MailContent } from './finance-mail';
import type { ClientRow } from './types';
import type { YearMonth } from '../hours/month';
import { type Attainment, describeAttainment } from '../sla/attainment';

/** One client's own tickets received in the month, and their SLA attainment (core/sla/attainment). */
export interface SlaAttainment {
  readonly tickets: number;
  readonly attainment: Attainment;
}

/**
 * The client-facing monthly statement. Built only from the client's own row and own
 * tickets: it never names people, carries no notes or per-entry detail, and nothing of
 * other clients.
 */
export function clientStatementMail(month: YearMonth, row: ClientRow, sla: SlaAttainment, providerName: string): MailContent {
  const used = row.countedMin;
  const remaining = Math.max(0, row.allowanceMin - used);
  const attained = describeAttainment(sla.attainment);
  const facts: [string, string][] = [
    ['Contracted support hours', `${hoursText(row.allowanceMin)} h`],
    ['Hours used', `${hoursText(used)} h`],
    ['Hours remaining', `${hoursText(remaining)} h`],
    ['Hours above the contract', `${hoursText(row.overageMin)} h`],
    ['Overage rate', `${formatRate(row.rateMicros)} per hour`],
    ['Overage amount', formatMoney(row.overageCents)],
    ...(row.adjustmentCents !== 0 ? [['Corrections to earlier months', formatMoney(row.adjustmentCents)] as [string, string]] : []),
    ['Tickets opened', String(sla.tickets)],
    ['Service levels', attained],
  ];
  const subject = `Your support statement for ${month} — ${row.name}`;
  const text = [`Support statement for ${row.name}, ${month}.`, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', `— ${providerName}`].join(
    '\n',
  );
  const html = [
    `<p>Support statement for ${escapeHtml(row.name)}, ${escapeHtml(month)}.</p>`,
    `<table style="border-collapse:collapse">${facts.map(([k, v]) => `<tr><td style="border:1px solid #ccc;padding:4px">${escapeHtml(k)}</td><td style="border:1px solid #ccc;padding:4px;text-align:right">${escapeHtml(v)}</td></tr>`).join('')}</table>`,
    `<p>— ${escapeHtml(providerName)}</p>`,
  ].join('\n');
  return { subject, text, html };
}
