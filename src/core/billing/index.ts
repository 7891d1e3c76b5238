/** Monthly billing (docs/design.md, Rules: Billing): allowance, overage, adjustments to final months, and the statement. */
export * from './types';
export {
  centsToRate,
  dollarsToCents,
  formatMoney,
  formatRate,
  formatSignedMoney,
  minutesTimesRate,
  plainRate,
  MICROS_PER_CENT,
  MICROS_PER_DOLLAR,
  type Cents,
  type RateMicros,
} from './money';
export { readAmount, type AmountReading } from './amount-text';
export { overageCents, overageMinutes } from './overage';
export { allowanceFor, type Allowance } from './proration';
export { adjustmentsFor, billedSoFar, type ClientTerms } from './adjustments';
export { holdFlaggedLines, type HeldLine } from './held';
export { buildStatement, totalsOf, UNKNOWN_CLIENT_GROUP, type StatementInput } from './statement';
export { financeMail, SUMMARY_COLUMNS, DETAIL_COLUMNS, type FinanceMail, type MailContent } from './finance-mail';
export { clientStatementMail, type SlaAttainment } from './client-mail';
export { csvField, csvLine, escapeHtml, hoursText } from './render-text';
export * from './invoice';
export * from './invoice-number';
export * from './accounting-csv';
export { invoiceHtml, type Provider } from './invoice-html';
export { billedLinesPrint } from './fingerprint';
