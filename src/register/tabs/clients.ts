import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { addressList, money, oneOf, optionalEmail, optionalNumber, requiredText, text, preprocess } from '../cells';
import { CLIENT_STATUSES, COHORTS } from '../../core/types/vocab';

export const ClientsTab = defineTab({
  name: 'Clients',
  purpose: 'One row per client: its contract (plan, monthly hours, hourly rate), business calendar and escalation matrix.',
  key: 'Client ID',
  // Without it no sender matches a client, and every mail would be marked unregistered.
  needs: {
    ingest: ['Client ID'],
    // A missing column must stop the job, never read as blank (no rate = the default rate, no Tax rate = no tax).
    hours: ['Client ID', 'Status', 'Monthly hours', 'Hourly rate', 'Contract start', 'Contract end', 'CSM email'],
    billing: [
      'Client ID',
      'Name',
      'Edition',
      'Status',
      'Monthly hours',
      'Hourly rate',
      'Contract start',
      'Contract end',
      'CSM email',
      'Finance email',
      'Billing address',
      'Payment terms',
      'Currency',
      'Tax rate',
      'PO number',
    ],
  },
  problems: true,
  schema: z.object({
    'Client ID': requiredText('Client ID'),
    Name: requiredText('Name'),
    Domains: addressList,
    Plan: requiredText('Plan'),
    Edition: text,
    Calendar: text,
    'Monthly hours': optionalNumber('Monthly hours').check(z.refine((n) => n === null || n >= 0, 'Monthly hours cannot be negative')),
    'Hourly rate': money('Hourly rate').check(z.refine((n) => n === null || n >= 0, 'Hourly rate cannot be negative')),
    'CSM email': optionalEmail('CSM email'),
    'Escalation matrix': text,
    'Finance email': optionalEmail('Finance email'),
    Status: oneOf(CLIENT_STATUSES, 'Status', 'Active'),
    'Contract start': preprocess((v) => (v === '' ? null : v), z.nullable(z.date({ error: 'Contract start is not a date' }))),
    'Contract end': preprocess((v) => (v === '' ? null : v), z.nullable(z.date({ error: 'Contract end is not a date' }))),
    'Billing address': text,
    'Payment terms': optionalNumber('Payment terms').check(
      z.refine((n) => n === null || (Number.isInteger(n) && n >= 0), 'Payment terms is a whole number of days'),
    ),
    Currency: text.check(z.refine((t) => t === '' || /^[A-Za-z]{3}$/.test(t), 'Currency is a three-letter code such as USD')),
    'Tax rate': optionalNumber('Tax rate').check(
      z.refine((n) => n === null || (n >= 0 && n < 100), 'Tax rate is a percentage from 0 to 100'),
    ),
    'PO number': text,
    Cohort: oneOf(COHORTS, 'Cohort', 'Designated'),
    'Touch every (days)': optionalNumber('Touch every (days)').check(
      z.refine(
        (n) => n === null || (Number.isInteger(n) && n >= 1 && n <= 366),
        'Touch every (days) is a whole number of days from 1 to 366',
      ),
    ),
    'Contract signed': preprocess((v) => (v === '' ? null : v), z.nullable(z.date({ error: 'Contract signed is not a date' }))),
    'Implementation manager': optionalEmail('Implementation manager'),
    'Risk owner': optionalEmail('Risk owner'),
    'Kick-off at': preprocess((v) => (v === '' ? null : v), z.nullable(z.date({ error: 'Kick-off at is not a date' }))),
    'Success notified': text,
    Problems: text,
  }),
  columns: {
    'Client ID': { note: 'A short, unique code for the client (e.g. ACME). Used in every other tab.', width: 90 },
    Name: { note: 'The client’s name as it appears on invoices.', outside: true, width: 180 },
    Domains: {
      note: 'Mail domains of the client, comma separated (e.g. acme.com). Informational: only registered contacts may open tickets.',
      width: 160,
    },
    Plan: {
      note: 'Support plan; picks the SLA Policies rows (e.g. Standard, CSM, Professional).',
      pick: { tab: 'SLA Policies', header: 'Plan' },
      width: 110,
    },
    Edition: { note: 'Product edition from the contract (e.g. Other, Enterprise).', width: 100 },
    Calendar: {
      note: 'Calendar ID from the Calendars tab; blank = the Default calendar setting.',
      pick: { tab: 'Calendars', header: 'Calendar ID' },
      width: 100,
    },
    'Monthly hours': { note: 'Support hours included per month in the contract.', format: 'hours', width: 110 },
    'Hourly rate': {
      note: 'Overage rate per hour in dollars (150, 1,200 or $1,200.00; up to six decimals, used as typed); blank = the Default hourly rate setting.',
      format: 'money',
      width: 100,
    },
    'CSM email': { note: 'The client success manager: first tier of escalation and usage alerts.', width: 200 },
    'Escalation matrix': {
      note: 'Matrix name from the Escalation tab; blank = the Default escalation matrix setting.',
      pick: { tab: 'Escalation', header: 'Matrix' },
      width: 140,
    },
    'Finance email': { note: 'Who receives the monthly statement draft; blank = the Finance email setting.', width: 200 },
    Status: {
      note: 'Active clients get tickets and invoices; Ended clients are skipped by every job.',
      vocab: CLIENT_STATUSES,
      width: 100,
    },
    'Contract start': { note: 'Optional. A contract starting mid-month gets a prorated allowance that month.', format: 'date', width: 110 },
    'Contract end': { note: 'Optional. A contract ending mid-month gets a prorated allowance that month.', format: 'date', width: 110 },
    'Billing address': { note: 'Bill-to address printed on invoices (several lines in the cell).', width: 200 },
    'Payment terms': { note: 'Days from invoice to due date; blank = the Default payment terms setting.', width: 100 },
    Currency: { note: 'Invoice currency (three-letter code); blank = the Default currency setting.', width: 80 },
    'Tax rate': { note: 'Percent added to invoices (e.g. 8.25); blank = none (the accounting system may add tax).', width: 80 },
    'PO number': { note: 'The client’s purchase order number, printed on invoices and used as the import Reference.', width: 110 },
    Cohort: {
      note: 'Designated: the client has its own CSM (CSM email). Pooled: it is looked after by the pooled CSM on duty (Settings → Pooled CSM rota). Blank = Designated.',
      vocab: COHORTS,
      width: 100,
    },
    'Touch every (days)': {
      note: 'Optional: this client’s own touch cadence in days, over its cohort’s (designated: weekly for the first weeks, then monthly; pooled: Settings → Pooled touch every).',
      width: 120,
    },
    'Contract signed': {
      note: 'When the contract was signed: the kick-off call is due 1–2 business days later (Settings → Kick-off within).',
      format: 'date',
      width: 110,
    },
    'Implementation manager': {
      note: 'Who owns the client’s onboarding (Ascent360: a dedicated Implementation Manager per new client); told when the kick-off is missed.',
      width: 200,
    },
    'Risk owner': {
      note: 'Type an address to own this client’s risk flag until it clears (ClientSuccess: a CSM may temporarily own a risk); blank = the CSM, or for pooled clients Settings → Executive sponsor email.',
      width: 200,
    },
    'Kick-off at': {
      note: 'The first kick-off logged on Hours (an Activity whose Touch is Kick-off); filled in by the automation.',
      owner: 'automation',
      format: 'date',
      width: 110,
    },
    'Success notified': {
      note: 'Ledger of client success reminders and risk flags: one line each, "topic@date — outcome". A reminder is sent once per due date.',
      owner: 'automation',
      width: 300,
      wrap: true,
    },
    Problems: { note: 'Filled by the automation when the row cannot be used, with the reason.', owner: 'automation', width: 260 },
  },
});
