import {
  BILLING_STATUSES,
  MICROS_PER_DOLLAR,
  DETAIL_COLUMNS,
  SUMMARY_COLUMNS,
  totalsOf,
  type BilledClientMonth,
  type BilledLine,
  type BilledMonth,
  type BillingStatus,
  type ClientRow,
  type LineKind,
  type MonthStatement,
  type StatementLine,
} from '../../core/billing';
import type { YearMonth } from '../../core/hours/month';
import { isBlankCell } from '../../register/cell-equality';
import type { Alignment } from './ports';

/**
 * The `Billing YYYY-MM` tab: client rows under a header, a Total row, a blank row, then
 * the detail lines under their own header. The tab is also the ledger of what a final
 * month billed, so it is read back (parseBillingTab) to compute adjustments.
 */
export const billingTabName = (month: YearMonth): string => `Billing ${month}`;
export const BILLING_TAB = /^Billing (\d{4}-(?:0[1-9]|1[0-2]))$/;

export const WIDTH = Math.max(SUMMARY_COLUMNS.length, DETAIL_COLUMNS.length);
const HOURS_FORMAT = '0.00';
const MONEY_FORMAT = '$#,##0.00';
/** A rate shows the decimals it was typed with ($150.555), not a rounded cent. */
const RATE_FORMAT = '$#,##0.00####';
const TEXT_FORMAT = '@';

export interface RenderedTab {
  readonly values: unknown[][];
  readonly formats: string[][];
  /** Rows (1-based) to show in bold: the two headers and the total. */
  readonly boldRows: number[];
  /** Column widths in pixels, column 1 first. */
  readonly widths: readonly number[];
  /**
   * Per cell: numbers right, text left, and each header over its own block's column —
   * so "Logged h" sits right above the logged hours, not above the next column's.
   */
  readonly alignments: Alignment[][];
}

const NUMERIC = new Set([HOURS_FORMAT, MONEY_FORMAT, RATE_FORMAT]);
const alignOf = (format: string): Alignment => (NUMERIC.has(format) ? 'right' : 'left');

/**
 * Pixel widths of the 13 columns, each fitting both the summary column and the detail
 * column below it (Client / Line, Logged h / Person with e-mail addresses, Counted h /
 * Activity, Status / Reason with its sentence): without them every column is 100 px and
 * names, addresses, "Overage amount" and the reasons read cut off.
 */
export const COLUMN_WIDTHS: readonly number[] = [95, 170, 100, 200, 100, 175, 100, 100, 120, 105, 105, 560, 95, 90];

const h = (min: number | null) => (min === null ? '' : min / 60);
const m = (cents: number | null) => (cents === null ? '' : cents / 100);
const pad = <T>(line: T[], fill: T): T[] => [...line, ...new Array(Math.max(0, WIDTH - line.length)).fill(fill)];

export function renderStatement(s: MonthStatement): RenderedTab {
  const values: unknown[][] = [];
  const formats: string[][] = [];
  const boldRows: number[] = [];
  const alignments: Alignment[][] = [];
  /** `columns` is the block's formats: a header row takes its alignment from the column it heads. */
  const add = (line: unknown[], fmt: string[], bold = false, columns: string[] = fmt) => {
    values.push(pad(line, ''));
    formats.push(pad(fmt, TEXT_FORMAT));
    alignments.push(pad(columns, TEXT_FORMAT).map(alignOf));
    if (bold) boldRows.push(values.length);
  };
  const summaryFormats = [
    TEXT_FORMAT,
    TEXT_FORMAT,
    HOURS_FORMAT,
    HOURS_FORMAT,
    HOURS_FORMAT,
    HOURS_FORMAT,
    HOURS_FORMAT,
    RATE_FORMAT,
    MONEY_FORMAT,
    MONEY_FORMAT,
    MONEY_FORMAT,
    TEXT_FORMAT,
    MONEY_FORMAT,
  ];
  add([...SUMMARY_COLUMNS], [], true, summaryFormats);
  for (const r of s.rows) {
    add(
      [
        r.clientId,
        r.name,
        h(r.allowanceMin),
        h(r.loggedMin),
        h(r.excludedMin),
        h(r.countedMin),
        h(r.overageMin),
        r.rateMicros / MICROS_PER_DOLLAR,
        m(r.overageCents),
        m(r.adjustmentCents),
        m(r.dueCents),
        s.status,
        m(r.sowCents),
      ],
      summaryFormats,
    );
  }
  const t = s.totals;
  add(
    [
      'Total',
      '',
      h(t.allowanceMin),
      h(t.loggedMin),
      h(t.excludedMin),
      h(t.countedMin),
      h(t.overageMin),
      '',
      m(t.overageCents),
      m(t.adjustmentCents),
      m(t.dueCents),
      s.status,
      m(t.sowCents),
    ],
    summaryFormats,
    true,
  );
  add([], []);
  const detailFormats = [
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    HOURS_FORMAT,
    HOURS_FORMAT,
    HOURS_FORMAT,
    MONEY_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
  ];
  add([...DETAIL_COLUMNS], [], true, detailFormats);
  for (const l of s.lines) {
    add(
      [
        l.clientId,
        l.kind,
        l.day,
        l.person,
        l.ticketId,
        l.activity,
        l.required === null ? '' : l.required ? 'Yes' : 'No',
        h(l.loggedMin),
        h(l.countedMin),
        h(l.excludedMin),
        m(l.amountCents),
        l.reason,
        l.forMonth,
        l.sowId ?? '',
      ],
      detailFormats,
    );
  }
  return { values, formats, boldRows, widths: COLUMN_WIDTHS, alignments };
}

export interface ParsedBillingTab {
  readonly month: YearMonth;
  readonly status: BillingStatus | null;
  readonly billed: BilledMonth;
  /** Adjustment lines (for earlier months) this tab carries. */
  readonly adjustments: readonly StatementLine[];
  /** SOW lines billed on this tab (time and materials), whatever month they were worked in. */
  readonly sowLines: readonly StatementLine[];
  /** The client rows and every detail line, as shown. */
  readonly rows: readonly ClientRow[];
  readonly lines: readonly StatementLine[];
}

export class BillingTabError extends Error {}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const minutes = (v: unknown) => (isBlankCell(v) || Number.isNaN(Number(v)) ? null : Math.round(Number(v) * 60));
const micros = (v: unknown) => (isBlankCell(v) || Number.isNaN(Number(v)) ? null : Math.round(Number(v) * MICROS_PER_DOLLAR));
const cents = (v: unknown) => (isBlankCell(v) || Number.isNaN(Number(v)) ? null : Math.round(Number(v) * 100));
const KINDS: readonly LineKind[] = ['Contract', 'Hours', 'SOW', 'SOW total', 'Adjustment', 'Adjustment total', 'Not billed'];
/** Columns added later: a tab written before them still reads. */
const OPTIONAL = new Set<string>(['SOW amount', 'SOW ID']);

/** Reads a billing tab back. Columns are found by header, so a reordered tab still reads. */
export function parseBillingTab(month: YearMonth, raw: readonly (readonly unknown[])[]): ParsedBillingTab {
  const name = billingTabName(month);
  const head = (raw[0] ?? []).map(str);
  const col = (hdr: readonly string[], name: string) => hdr.indexOf(name);
  for (const c of SUMMARY_COLUMNS)
    if (!OPTIONAL.has(c) && col(head, c) < 0)
      throw new BillingTabError(`${name} has no "${c}" column in row 1; it cannot be read as a billing tab`);
  const S = (name: string) => col(head, name);
  const clients = new Map<string, BilledClientMonth>();
  const rows: ClientRow[] = [];
  let status: BillingStatus | null = null;
  let r = 1;
  for (; r < raw.length; r++) {
    const row = raw[r]!;
    const id = str(row[S('Client ID')]);
    if (id === '' || id === 'Total') break;
    const st = str(row[S('Status')]);
    if ((BILLING_STATUSES as readonly string[]).includes(st) && status !== 'Final') status = st as BillingStatus;
    clients.set(id, {
      clientId: id,
      allowanceMin: minutes(row[S('Contracted h')]) ?? 0,
      rateMicros: micros(row[S('Rate')]) ?? 0,
      countedMin: minutes(row[S('Counted h')]) ?? 0,
      amountCents: cents(row[S('Overage amount')]) ?? 0,
    });
    const money = (h: string) => (S(h) < 0 ? 0 : (cents(row[S(h)]) ?? 0));
    const mins = (h: string) => minutes(row[S(h)]) ?? 0;
    rows.push({
      clientId: id,
      name: str(row[S('Client')]),
      allowanceMin: mins('Contracted h'),
      loggedMin: mins('Logged h'),
      excludedMin: mins('Excluded h'),
      countedMin: mins('Counted h'),
      overageMin: mins('Overage h'),
      rateMicros: micros(row[S('Rate')]) ?? 0,
      overageCents: money('Overage amount'),
      adjustmentCents: money('Adjustments'),
      sowCents: money('SOW amount'),
      dueCents: money('Amount due'),
    });
  }
  if (str(raw[r]?.[S('Client ID')]) === 'Total' && str(raw[r]?.[S('Status')]) === 'Final') status = 'Final';

  const lines: BilledLine[] = [];
  const adjustments: StatementLine[] = [];
  const sowLines: StatementLine[] = [];
  const all: StatementLine[] = [];
  const detailAt = raw.findIndex((row, i) => i > 0 && str(row[0]) === 'Client ID' && row.map(str).includes('Line'));
  if (detailAt > 0) {
    const dh = raw[detailAt]!.map(str);
    const D = (name: string) => dh.indexOf(name);
    for (const c of DETAIL_COLUMNS)
      if (!OPTIONAL.has(c) && D(c) < 0) throw new BillingTabError(`${name}: the detail header has no "${c}" column`);
    for (let i = detailAt + 1; i < raw.length; i++) {
      const row = raw[i]!;
      const kind = str(row[D('Line')]) as LineKind;
      if (!KINDS.includes(kind)) continue;
      const req = str(row[D('Required')]);
      const line: StatementLine = {
        kind,
        clientId: str(row[D('Client ID')]),
        day: str(row[D('Date')]),
        person: str(row[D('Person')]),
        ticketId: str(row[D('Ticket ID')]),
        activity: str(row[D('Activity')]),
        required: req === '' ? null : req === 'Yes',
        loggedMin: minutes(row[D('Logged h')]),
        countedMin: minutes(row[D('Counted h')]),
        excludedMin: minutes(row[D('Excluded h')]),
        amountCents: cents(row[D('Amount')]),
        reason: str(row[D('Reason')]),
        forMonth: str(row[D('For month')]),
        ...(D('SOW ID') >= 0 && str(row[D('SOW ID')]) ? { sowId: str(row[D('SOW ID')]) } : {}),
      };
      all.push(line);
      if (kind === 'Hours') {
        lines.push({
          clientId: line.clientId,
          day: line.day,
          person: line.person,
          ticketId: line.ticketId,
          activity: line.activity,
          required: line.required ?? true,
          loggedMin: line.loggedMin ?? 0,
          countedMin: line.countedMin ?? 0,
        });
      } else if (kind === 'Adjustment' || kind === 'Adjustment total') adjustments.push(line);
      else if (kind === 'SOW') sowLines.push(line);
    }
  }
  return { month, status, billed: { month, clients, lines }, adjustments, sowLines, rows, lines: all };
}

/** A billing tab read back as the statement it shows (for an invoice raised again later). */
export function statementOf(t: ParsedBillingTab): MonthStatement {
  return { month: t.month, status: t.status ?? 'Draft', rows: t.rows, lines: t.lines, totals: totalsOf(t.rows) };
}
