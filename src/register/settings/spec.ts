import { isFreemailDomain } from '../../core/mail/freemail';
import { DEFAULT_REASON_KEYWORDS } from '../../core/mail/keywords';
import { DEFAULT_PRIORITY_RULES } from '../../core/tickets/priority-defaults';
import { formatPriorityNames, STANDARD_PRIORITY_NAMES } from '../../core/tickets/priority-names';
import { DEFAULT_AGREE_PHRASES, DEFAULT_PERSISTS_PHRASES } from '../../core/tickets/close-agreement';
import { DEFAULT_ESCALATE_PHRASES } from '../../core/tickets/escalation-request';
import { REASONS } from '../../core/types/vocab';
import { DEFAULT_COMPLAINT_PHRASES, DEFAULT_THANKS_PHRASES } from '../../core/success/sentiment';
import { ACCOUNTING_SYSTEMS } from '../../core/billing/accounting-csv';
import {
  choice,
  currencyCode,
  dollars,
  domainList,
  emailAddress,
  gmailQuery,
  incrementHours,
  keywordRules,
  nameList,
  phraseList,
  plainText,
  priorityNames,
  priorityRules,
  timeZone,
  dayRange,
  rota,
  annualHours,
  healthWeights,
  wholeNumber,
  type Parser,
} from './parse';
import { defaultCalendarId } from '../defaults/reference-data';

/** What a setting's default may depend on: the place the register lives in. */
export interface SettingsEnv {
  /** The account the automation runs as (the support inbox); '' when a job does not know it. */
  readonly account: string;
  readonly spreadsheetTimeZone: string;
}

/** The parts of the product that read a setting (for the reader of this file and of README). */
export type SettingUser = 'inbox' | 'sweep' | 'edits' | 'hours' | 'billing' | 'triggers' | 'dashboard' | 'sidebars' | 'success';

export interface SettingSpec<T> {
  /** The Key cell on the Settings tab: the contract with users; never renamed. */
  readonly key: string;
  /** One line, written by setup next to the value. */
  readonly explanation: string;
  readonly usedBy: readonly SettingUser[];
  /**
   * What setup writes for a new register, and what a blank (or unusable) Value means. It
   * is parsed like a typed value, so the default and the rule can never disagree.
   */
  readonly initial: (env: SettingsEnv) => string | number;
  /** Reads a Value cell's text (trimmed; the default's text when the cell is blank). */
  readonly parse: Parser<T>;
}

const setting = <T>(spec: SettingSpec<T>): SettingSpec<T> => spec;

/** A parser that also accepts a blank value, as `empty`. */
const orBlank =
  <T>(parse: Parser<T>, empty: T): Parser<T> =>
  (t) =>
    t === '' ? { ok: true, value: empty } : parse(t);

const domainOf = (address: string) => address.split('@')[1] ?? '';

export const UNREGISTERED_POLICIES = ['Reply and log', 'Open ticket'] as const;

/**
 * Every setting the automation reads, declared once: its key, what a blank means, how a
 * value is read and what it is for. The order here is the order on the Settings tab. Jobs
 * get these as typed values from readSettings and never look a key up themselves.
 */
export const SETTINGS = {
  supportAddress: setting({
    key: 'Support address',
    explanation: 'The support inbox. Mail to it opens tickets; mail from it is the team’s own.',
    usedBy: ['inbox'],
    initial: (e) => e.account,
    parse: orBlank(emailAddress, ''),
  }),
  staffDomains: setting({
    key: 'Staff domains',
    explanation: 'Mail domains of your staff, comma separated. Their replies in a ticket’s thread count as responses.',
    usedBy: ['inbox'],
    initial: (e) => (isFreemailDomain(domainOf(e.account)) ? '' : domainOf(e.account)),
    parse: domainList,
  }),
  providerZone: setting({
    key: 'Provider time zone',
    explanation: 'IANA time zone in which months start and end for billing (e.g. America/Denver).',
    usedBy: ['hours', 'billing', 'dashboard', 'sidebars'],
    initial: (e) => e.spreadsheetTimeZone || 'America/Denver',
    parse: timeZone,
  }),
  defaultCalendar: setting({
    key: 'Default calendar',
    explanation: 'Calendar ID used for clients and policies that name none.',
    usedBy: ['inbox', 'sweep', 'edits'],
    initial: (e) => defaultCalendarId(e.spreadsheetTimeZone),
    parse: plainText,
  }),
  slaFallbackCalendar: setting({
    key: 'SLA fallback calendar',
    explanation:
      'Calendar ID an open ticket counts on while its own calendar is missing or broken, so its deadlines and escalations go on (blank = the Default calendar; if that is broken too, round the clock).',
    usedBy: ['sweep', 'edits'],
    initial: () => '',
    parse: plainText,
  }),
  defaultRateCents: setting({
    key: 'Default hourly rate',
    explanation: 'Overage rate in dollars per hour for clients with no Hourly rate.',
    usedBy: ['billing', 'hours'],
    initial: () => 125,
    parse: dollars,
  }),
  billingIncrementMin: setting({
    key: 'Billing increment (h)',
    explanation: 'Overage hours are rounded up to a multiple of this.',
    usedBy: ['billing'],
    initial: () => 0.25,
    parse: incrementHours,
  }),
  plausibleRateCents: setting({
    key: 'Highest plausible hourly rate',
    explanation:
      'A client whose Hourly rate is above this is not billed (a typo such as 1e12 would bill trillions); its row gets a Problems note.',
    usedBy: ['billing'],
    initial: () => 5000,
    parse: dollars,
  }),
  plausibleMonthHours: setting({
    key: 'Most plausible hours a month',
    explanation:
      'Hours one client can log in a month; above this, that client’s month is not billed and its Hours rows get a Problems note.',
    usedBy: ['billing'],
    initial: () => 300,
    parse: wholeNumber(1, 100_000),
  }),
  financeEmail: setting({
    key: 'Finance email',
    explanation: 'Who receives the monthly billing statement draft (a client’s own Finance email wins).',
    usedBy: ['billing'],
    initial: () => '',
    parse: orBlank(emailAddress, ''),
  }),
  supportLeadEmail: setting({
    key: 'Support lead email',
    explanation: 'Who hears, by one mail per problem, when the inbox check holds mail because of the register (blank = the Log only).',
    usedBy: ['inbox'],
    initial: () => '',
    parse: orBlank(emailAddress, ''),
  }),
  ingestQuery: setting({
    key: 'Ingest query',
    explanation: 'Gmail search that finds support mail; the automation adds a time window to it.',
    usedBy: ['inbox'],
    initial: () => 'in:inbox',
    parse: gmailQuery,
  }),
  triggerIntervalMin: setting({
    key: 'Trigger interval (min)',
    explanation: 'How often the inbox is read: 1, 5, 10, 15 or 30 for a bound script; an add-on runs at most hourly (60).',
    usedBy: ['triggers'],
    initial: () => 5,
    parse: wholeNumber(1),
  }),
  sweepIntervalMin: setting({
    key: 'Sweep interval (min)',
    explanation: 'How often SLA states are recomputed and escalations sent (same allowed values).',
    usedBy: ['triggers'],
    initial: () => 10,
    parse: wholeNumber(1),
  }),
  defaultEscalationMatrix: setting({
    key: 'Default escalation matrix',
    explanation: 'Escalation matrix for clients that name none.',
    usedBy: ['sweep', 'edits'],
    initial: () => 'CSM-Director-VP',
    parse: plainText,
  }),
  acksPerSenderPerHour: setting({
    key: 'Acknowledgements per sender per hour',
    explanation: 'At most this many acknowledgements go to one address in an hour (stops mail loops).',
    usedBy: ['inbox'],
    initial: () => 3,
    parse: wholeNumber(0),
  }),
  ticketsPerSenderPerHour: setting({
    key: 'Tickets per sender per hour',
    explanation:
      'At most this many new tickets for one address in an hour (by when the mail arrived); more mail from them joins their latest open ticket and is logged once.',
    usedBy: ['inbox'],
    initial: () => 10,
    parse: wholeNumber(1),
  }),
  unregisteredRepliesPerDay: setting({
    key: 'Unregistered replies per day',
    explanation:
      'At most this many polite replies to unregistered senders in 24 hours, all senders together (0 = none), so a flood of strangers cannot use up the day’s mail.',
    usedBy: ['inbox'],
    initial: () => 20,
    parse: wholeNumber(0),
  }),
  mailQuotaReserve: setting({
    key: 'Mail quota reserve',
    explanation: 'When fewer recipients than this remain in the day’s mail quota, notices are saved as drafts and logged instead of sent.',
    usedBy: ['inbox', 'sweep', 'hours'],
    initial: () => 10,
    parse: wholeNumber(0),
  }),
  unregisteredSenders: setting({
    key: 'Unregistered senders',
    explanation:
      'Mail from an address not in Contacts: "Reply and log" (one polite reply a day asking for an authorized contact) or "Open ticket".',
    usedBy: ['inbox'],
    initial: () => 'Reply and log',
    parse: choice(UNREGISTERED_POLICIES),
  }),
  reasonRules: setting({
    key: 'Reason keywords',
    explanation: 'Words in a new request that pre-fill its Reason ("Reason: word, word; …"). People can always change it.',
    usedBy: ['inbox'],
    initial: () => DEFAULT_REASON_KEYWORDS,
    parse: keywordRules(REASONS),
  }),
  priorityNames: setting({
    key: 'Priority names',
    explanation:
      'What the team calls the four priority levels, most urgent first (ADvendio: "Critical, Urgent, High, Medium"). Used in the Priority dropdowns, mail and reports; SLA Policies and the rules mean levels, so a rename renames the cells level for level and moves no deadline.',
    usedBy: ['inbox', 'sweep', 'edits', 'dashboard', 'sidebars'],
    initial: () => formatPriorityNames(STANDARD_PRIORITY_NAMES),
    parse: priorityNames,
  }),
  priorityRules: setting({
    key: 'Priority keywords',
    explanation:
      'Priority of a new request from its own words (quoted history and negated words like "not urgent" do not count), one rule a line: "Level N (definition): phrase, phrase" lifts it to level N (1 = most urgent; the most urgent wins), "At most Level N (…): phrase" caps it; nothing matching = Level 4. People can always change it.',
    usedBy: ['inbox'],
    initial: () => DEFAULT_PRIORITY_RULES,
    parse: priorityRules,
  }),
  holidayEmergencyContact: setting({
    key: 'Holiday emergency contact',
    explanation:
      'Who to call on a weekday holiday of the client’s calendar (name, phone, e-mail), given in acknowledgements sent that day, as Ascent360 provides emergency contacts on national holidays. Blank = none given.',
    usedBy: ['inbox'],
    initial: () => '',
    parse: plainText,
  }),
  closeAgreementPhrases: setting({
    key: 'Close agreement phrases',
    explanation:
      'Words in a client’s reply to a Resolved ticket that agree it can be closed (comma separated, any language): the ticket is closed, recording who agreed and when, and they are thanked. Any other reply reopens it.',
    usedBy: ['inbox'],
    initial: () => DEFAULT_AGREE_PHRASES,
    parse: phraseList,
  }),
  problemPersistsPhrases: setting({
    key: 'Problem persists phrases',
    explanation:
      'Words in a reply to a Resolved ticket that say the problem is still there: it reopens, even if the reply also says “you can close”.',
    usedBy: ['inbox'],
    initial: () => DEFAULT_PERSISTS_PHRASES,
    parse: phraseList,
  }),
  escalationRequestPhrases: setting({
    key: 'Escalation request phrases',
    explanation:
      'Words in a registered contact’s mail that ask to escalate their ticket (comma separated, any language): the next sweep mails the next tier of their escalation matrix with the history and tells them who owns it now. A negated phrase (“no need to escalate”) or one in quoted history does not count.',
    usedBy: ['inbox'],
    initial: () => DEFAULT_ESCALATE_PHRASES,
    parse: phraseList,
  }),
  autoCloseBusinessDays: setting({
    key: 'Auto-close after (business days)',
    explanation:
      'A Resolved ticket nobody replies to closes after this many business days of its calendar, with a notice to the requester and followers (0 = never). No seed gives a number; 5 is the product’s default.',
    usedBy: ['sweep'],
    initial: () => 5,
    parse: wholeNumber(0, 365),
  }),
  statementEditions: setting({
    key: 'Client statement editions',
    explanation:
      'Editions whose clients get a monthly statement draft (comma separated; "none" for nobody), for a register without an Entitlements tab; with one, its Monthly reporting column decides.',
    usedBy: ['billing'],
    initial: () => 'Enterprise',
    parse: nameList,
  }),
  providerName: setting({
    key: 'Provider name',
    explanation: 'How every mail to a client signs off (acknowledgements, status updates, statements, invoices).',
    usedBy: ['inbox', 'sweep', 'billing'],
    initial: () => 'Client Success',
    parse: plainText,
  }),
  providerAddress: setting({
    key: 'Provider address',
    explanation: 'Your postal address as invoices show it (lines separated by new lines in the cell).',
    usedBy: ['billing'],
    initial: () => '',
    parse: plainText,
  }),
  invoicePrefix: setting({
    key: 'Invoice number prefix',
    explanation: 'Put before the running number of each invoice (e.g. INV-2026- gives INV-2026-0001).',
    usedBy: ['billing'],
    initial: () => 'INV-',
    parse: plainText,
  }),
  invoiceStart: setting({
    key: 'Invoice first number',
    explanation: 'Where numbering starts. Numbers already issued are remembered by the automation; lowering this never reuses one.',
    usedBy: ['billing'],
    initial: () => 1,
    parse: wholeNumber(1),
  }),
  defaultPaymentTermsDays: setting({
    key: 'Default payment terms (days)',
    explanation: 'Days from issue to due date for clients with no Payment terms.',
    usedBy: ['billing'],
    initial: () => 30,
    parse: wholeNumber(0, 365),
  }),
  defaultCurrency: setting({
    key: 'Default currency',
    explanation: 'Invoice currency for clients with no Currency (three-letter code).',
    usedBy: ['billing'],
    initial: () => 'USD',
    parse: currencyCode,
  }),
  accountingSystem: setting({
    key: 'Accounting system',
    explanation: 'Which import file the finance draft carries: "Xero" (sales invoices) or "QuickBooks" (QuickBooks Online invoices).',
    usedBy: ['billing'],
    initial: () => 'Xero',
    parse: choice(ACCOUNTING_SYSTEMS),
  }),
  accountingAccountCode: setting({
    key: 'Accounting account code',
    explanation: 'Sales account code on each import line (Xero AccountCode).',
    usedBy: ['billing'],
    initial: () => '200',
    parse: plainText,
  }),
  accountingItemName: setting({
    key: 'Accounting item name',
    explanation: 'Product/service name on each import line (QuickBooks Item).',
    usedBy: ['billing'],
    initial: () => 'Support hours',
    parse: plainText,
  }),
  accountingTaxType: setting({
    key: 'Accounting tax type',
    explanation: 'Xero TaxType on each import line, as your organisation names it.',
    usedBy: ['billing'],
    initial: () => 'Tax Exempt',
    parse: plainText,
  }),
  designatedWeeklyWeeks: setting({
    key: 'Designated weekly touches (weeks)',
    explanation:
      'A designated client is due a touch weekly for this many weeks after Contract start, then monthly (Ascent360 onboarding: CSM calls "weekly for 6 to 8 weeks, monthly thereafter").',
    usedBy: ['success'],
    initial: () => 8,
    parse: wholeNumber(0, 104),
  }),
  pooledTouchDays: setting({
    key: 'Pooled touch every (days)',
    explanation: 'A pooled client is due a touch this many days after the last one (ClientSuccess: "engage with a CSM every 45 days").',
    usedBy: ['success'],
    initial: () => 45,
    parse: wholeNumber(1, 366),
  }),
  touchDueSoonDays: setting({
    key: 'Touch due soon (days)',
    explanation: 'A touch or review is "Due soon" this many days before it is due; its reminder goes out then.',
    usedBy: ['success'],
    initial: () => 3,
    parse: wholeNumber(0, 60),
  }),
  kickoffBusinessDays: setting({
    key: 'Kick-off within (business days)',
    explanation:
      'A new client\'s kick-off call is due this many business days after Contract signed, as "from-to" (Ascent360 onboarding: "1 to 2 days after client contract signature").',
    usedBy: ['success'],
    initial: () => '1-2',
    parse: dayRange,
  }),
  pooledCsmRota: setting({
    key: 'Pooled CSM rota',
    explanation:
      "Who of the pooled CSMs is on duty each weekday, \"Tue: ann@example.com; Wed: …\" (ClientSuccess: pooled hours Tuesday to Thursday). Pooled clients' reminders go to the CSM on duty (or the next day's); blank = the client's CSM email.",
    usedBy: ['success'],
    initial: () => '',
    parse: rota,
  }),
  executiveSponsorEmail: setting({
    key: 'Executive sponsor email',
    explanation:
      'Owner of a pooled client\'s risk flag (ClientSuccess: risk actions "by the pooled CSM or executive sponsor"); blank = the client\'s CSM email.',
    usedBy: ['success'],
    initial: () => '',
    parse: orBlank(emailAddress, ''),
  }),
  csmMinimumMonthlyHours: setting({
    key: 'CSM minimum monthly hours',
    explanation:
      'A plan that includes a CSM needs at least this many monthly hours unless its Entitlements row says otherwise (Ascent360 service overview: "8+ hours of monthly CSM support"; its onboarding model speaks of 6).',
    usedBy: ['success'],
    initial: () => 8,
    parse: wholeNumber(0, 1000),
  }),
  annualReviewHours: setting({
    key: 'Annual review hours',
    explanation:
      'Length of the annual account review by the contract\'s monthly hours, "from: hours; …" (Ascent360: "a 1 to 4 hour … deep dive", by support hours; the steps are the product\'s, the seed gives only the range).',
    usedBy: ['success'],
    initial: () => '0: 1; 10: 2; 20: 3; 40: 4',
    parse: annualHours,
  }),
  healthWeights: setting({
    key: 'Health weights',
    explanation: "Weight of each part of a client's health score (SLA, Touch, Hours, Reopens, Sentiment); 0 leaves a part out.",
    usedBy: ['success'],
    initial: () => 'SLA 30, Touch 20, Hours 15, Reopens 15, Sentiment 20',
    parse: healthWeights,
  }),
  riskHealthBelow: setting({
    key: 'At risk below health',
    explanation: 'A client whose health score is below this is flagged at risk (reason Low health).',
    usedBy: ['success'],
    initial: () => 60,
    parse: wholeNumber(0, 100),
  }),
  riskBreaches: setting({
    key: 'At risk from breaches in 30 days',
    explanation: 'A client with this many breached tickets received in the last 30 days is flagged at risk (reason SLA breaches).',
    usedBy: ['success'],
    initial: () => 3,
    parse: wholeNumber(1),
  }),
  riskComplaints: setting({
    key: 'At risk from complaints in 30 days',
    explanation:
      'A client whose contacts wrote this many complaints or escalation requests in the last 30 days is flagged at risk (reason Complaints).',
    usedBy: ['success'],
    initial: () => 2,
    parse: wholeNumber(1),
  }),
  complaintPhrases: setting({
    key: 'Complaint phrases',
    explanation:
      "Words in a client's own text that make a message a complaint, for the health score (quoted history and negated phrases do not count).",
    usedBy: ['inbox', 'success'],
    initial: () => DEFAULT_COMPLAINT_PHRASES,
    parse: phraseList,
  }),
  thanksPhrases: setting({
    key: 'Thanks phrases',
    explanation: "Words in a client's own text that make a message thanks or a confirmation, for the health score.",
    usedBy: ['inbox', 'success'],
    initial: () => DEFAULT_THANKS_PHRASES,
    parse: phraseList,
  }),
};

export type SettingName = keyof typeof SETTINGS;

/** The settings as the jobs use them: one typed value per setting. */
export type Settings = { readonly [K in SettingName]: (typeof SETTINGS)[K] extends SettingSpec<infer T> ? T : never };
