import { DEFAULT_PRIORITY_KEYWORDS, DEFAULT_REASON_KEYWORDS } from '../../core/mail/keywords';

/**
 * Every setting the automation reads, with its default and the one-line explanation that
 * `setup` writes next to it. Order here is the order on the Settings tab.
 */
export interface SettingDefault {
  readonly key: string;
  readonly value: (env: SetupEnv) => string | number;
  readonly explanation: string;
}

/** What setup knows about the place it runs in. */
export interface SetupEnv {
  /** The account the automation runs as: the support inbox. */
  readonly account: string;
  readonly spreadsheetTimeZone: string;
  readonly year: number;
}

const domainOf = (address: string) => address.split('@')[1] ?? '';
const PUBLIC_DOMAINS = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'yahoo.com']);

export const SETTINGS: readonly SettingDefault[] = [
  { key: 'Support address', value: (e) => e.account, explanation: 'The support inbox. Mail to it opens tickets; mail from it is the team’s own.' },
  {
    key: 'Staff domains',
    value: (e) => (PUBLIC_DOMAINS.has(domainOf(e.account)) ? '' : domainOf(e.account)),
    explanation: 'Mail domains of your staff, comma separated. Their replies in a ticket’s thread count as responses.',
  },
  { key: 'Provider time zone', value: (e) => e.spreadsheetTimeZone || 'America/Denver', explanation: 'IANA time zone in which months start and end for billing (e.g. America/Denver).' },
  { key: 'Default calendar', value: () => 'MT-8-5', explanation: 'Calendar ID used for clients and policies that name none.' },
  { key: 'Default hourly rate', value: () => 125, explanation: 'Overage rate in dollars per hour for clients with no Hourly rate.' },
  { key: 'Billing increment (h)', value: () => 0.25, explanation: 'Overage hours are rounded up to a multiple of this.' },
  { key: 'Finance email', value: () => '', explanation: 'Who receives the monthly billing statement draft (a client’s own Finance email wins).' },
  { key: 'Ingest query', value: () => 'in:inbox', explanation: 'Gmail search that finds support mail; the automation adds a time window to it.' },
  { key: 'Trigger interval (min)', value: () => 5, explanation: 'How often the inbox is read: 1, 5, 10, 15 or 30 for a bound script; an add-on runs at most hourly (60).' },
  { key: 'Sweep interval (min)', value: () => 10, explanation: 'How often SLA states are recomputed and escalations sent (same allowed values).' },
  { key: 'Default escalation matrix', value: () => 'CSM-Director-VP', explanation: 'Escalation matrix for clients that name none.' },
  { key: 'Acknowledgements per sender per hour', value: () => 3, explanation: 'At most this many acknowledgements go to one address in an hour (stops mail loops).' },
  { key: 'Mail quota reserve', value: () => 10, explanation: 'When fewer recipients than this remain in the day’s mail quota, notices are saved as drafts and logged instead of sent.' },
  {
    key: 'Unregistered senders',
    value: () => 'Reply and log',
    explanation: 'Mail from an address not in Contacts: "Reply and log" (one polite reply a day asking for an authorized contact) or "Open ticket".',
  },
  { key: 'Reason keywords', value: () => DEFAULT_REASON_KEYWORDS, explanation: 'Words in a new request that pre-fill its Reason ("Reason: word, word; …"). People can always change it.' },
  { key: 'Priority keywords', value: () => DEFAULT_PRIORITY_KEYWORDS, explanation: 'Words in a new request that raise or lower its Priority (Medium when nothing matches).' },
  { key: 'Client statement editions', value: () => 'Enterprise', explanation: 'Editions whose clients get a monthly statement draft (comma separated).' },
  { key: 'Provider name', value: () => 'Client Success', explanation: 'How statements and notices sign off.' },
];
