import { formatMoney, formatRate, plainRate } from './money';
import { csvLine, csvNumber, escapeHtml, hoursText, type CsvCell } from './render-text';
import type { MonthStatement, StatementLine } from './types';

export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface FinanceMail extends MailContent {
  readonly csvName: string;
  readonly csv: string;
}

export const SUMMARY_COLUMNS = [
  'Client ID',
  'Client',
  'Contracted h',
  'Logged h',
  'Excluded h',
  'Counted h',
  'Overage h',
  'Rate',
  'Overage amount',
  'Adjustments',
  'Amount due',
  'Status',
  // Last, so tabs and files made before SOWs keep their columns where they were.
  'SOW amount',
] as const;
export const DETAIL_COLUMNS = [
  'Client ID',
  'Line',
  'Date',
  'Person',
  'Ticket ID',
  'Activity',
  'Required',
  'Logged h',
  'Counted h',
  'Excluded h',
  'Amount',
  'Reason',
  'For month',
  'SOW ID',
] as const;

const money = (c: number): CsvCell => csvNumber((c / 100).toFixed(2));
const hours = (m: number): CsvCell => csvNumber(hoursText(m));
const opt = (n: number | null, f: (n: number) => CsvCell): CsvCell => (n === null ? '' : f(n));

function detailFields(l: StatementLine): CsvCell[] {
  return [
    l.clientId,
    l.kind,
    l.day,
    l.person,
    l.ticketId,
    l.activity,
    l.required === null ? '' : l.required ? 'Yes' : 'No',
    opt(l.loggedMin, hours),
    opt(l.countedMin, hours),
    opt(l.excludedMin, hours),
    opt(l.amountCents, money),
    l.reason,
    l.forMonth,
    l.sowId ?? '',
  ];
}

/**
 * The internal statement for finance: the client rows and totals as an HTML table, and a
 * CSV with the same figures plus every detail line, so each number can be traced.
 */
export function financeMail(s: MonthStatement, unbilledCount: number): FinanceMail {
  const subject = `Support hours billing ${s.month} (${s.status}): ${formatMoney(s.totals.dueCents)} due`;
  const { rowCells, totalCells } = summaryCells<string>(s, { money: formatMoney, rate: formatRate, hours: hoursText });
  const t = s.totals;
  const th = SUMMARY_COLUMNS.map((h) => `<th style="border:1px solid #ccc;padding:4px;background:#eee">${escapeHtml(h)}</th>`).join('');
  const tr = (cells: readonly string[], bold = false) =>
    `<tr>${cells.map((c, i) => `<td style="border:1px solid #ccc;padding:4px;${i >= 2 && i <= 10 ? 'text-align:right;' : ''}${bold ? 'font-weight:bold;' : ''}">${escapeHtml(c)}</td>`).join('')}</tr>`;
  const note = unbilledCount
    ? `${unbilledCount} Hours row(s) of ${s.month} have problems and are not billed: see the Problems column of the Hours tab and the "Not billed" lines of the tab.`
    : '';
  const html = [
    `<p>Support hours billing for ${escapeHtml(s.month)} — ${escapeHtml(s.status)}. Detail lines are in the attached CSV and the tab Billing ${escapeHtml(s.month)}.</p>`,
    `<table style="border-collapse:collapse">${`<tr>${th}</tr>`}${rowCells.map((c) => tr(c)).join('')}${tr(totalCells, true)}</table>`,
    note ? `<p>${escapeHtml(note)}</p>` : '',
  ].join('\n');
  const text = [
    `Support hours billing for ${s.month} (${s.status}).`,
    '',
    ...s.rows.map(
      (r) =>
        `${r.clientId} ${r.name}: counted ${hoursText(r.countedMin)} h of ${hoursText(r.allowanceMin)} h, overage ${hoursText(r.overageMin)} h × ${formatRate(r.rateMicros)} = ${formatMoney(r.overageCents)}, adjustments ${formatMoney(r.adjustmentCents)}${r.sowCents ? `, SOW work ${formatMoney(r.sowCents)}` : ''}, due ${formatMoney(r.dueCents)}`,
    ),
    `Total due: ${formatMoney(t.dueCents)}`,
    note,
    '',
    `The CSV attachment has every line; the tab is Billing ${s.month}.`,
  ].join('\n');
  const csvSummary = summaryCells<CsvCell>(s, { money, rate: (r) => csvNumber(plainRate(r)), hours });
  const csv =
    [
      csvLine([...SUMMARY_COLUMNS]),
      ...csvSummary.rowCells.map(csvLine),
      csvLine(csvSummary.totalCells),
      '',
      csvLine([...DETAIL_COLUMNS]),
      ...s.lines.map((l) => csvLine(detailFields(l))),
    ].join('\r\n') + '\r\n';
  return { subject, text, html, csv, csvName: `billing-${s.month}.csv` };
}

/** How one rendering writes figures: the mail shows money with its sign and separators, the CSV as plain numbers. */
interface Figures<C> {
  readonly money: (cents: number) => C;
  readonly rate: (micros: number) => C;
  readonly hours: (minutes: number) => C;
}

/** The summary table's cells, one row per client and the total row. */
function summaryCells<C>(s: MonthStatement, f: Figures<C>): { rowCells: (string | C)[][]; totalCells: (string | C)[] } {
  const moneyText = f.money;
  const hoursText = f.hours;
  const rowCells = s.rows.map((r): (string | C)[] => [
    r.clientId,
    r.name,
    hoursText(r.allowanceMin),
    hoursText(r.loggedMin),
    hoursText(r.excludedMin),
    hoursText(r.countedMin),
    hoursText(r.overageMin),
    f.rate(r.rateMicros),
    moneyText(r.overageCents),
    moneyText(r.adjustmentCents),
    moneyText(r.dueCents),
    s.status,
    moneyText(r.sowCents),
  ]);
  const t = s.totals;
  const totalCells: (string | C)[] = [
    'Total',
    '',
    hoursText(t.allowanceMin),
    hoursText(t.loggedMin),
    hoursText(t.excludedMin),
    hoursText(t.countedMin),
    hoursText(t.overageMin),
    '',
    moneyText(t.overageCents),
    moneyText(t.adjustmentCents),
    moneyText(t.dueCents),
    s.status,
    moneyText(t.sowCents),
  ];
  return { rowCells, totalCells };
}
