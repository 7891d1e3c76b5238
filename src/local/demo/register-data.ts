/**
 * The demo's register: four clients modeled on the seed service descriptions, typed into
 * the sheet the way a support lead would after running Set up register.
 *  - Summit Outfitters: Standard support, Mountain Time business hours.
 *  - Ridge Analytics: CSM plan with 8 monthly hours (the seed's "8+ hours of monthly CSM
 *    support"), the CSM → Director → VP matrix.
 *  - Canyon Media: Professional services, 20 monthly hours at a contract rate of $150/h,
 *    the CSM → COO → CEO matrix.
 *  - Northwind Workspaces: Enterprise edition, supported from London (its own calendar),
 *    Critical tickets on the 24×7 calendar.
 */
export interface DemoClient {
  readonly id: string;
  /** Bill-to on invoices (several lines). */
  readonly billingAddress: string;
  readonly name: string;
  readonly domain: string;
  readonly plan: string;
  readonly edition: string;
  readonly calendar: string;
  readonly monthlyHours: number;
  readonly rate: number | '';
  readonly csm: string;
  readonly matrix: string;
  /** Client success cells (Clients → Cohort, Contract start, Contract signed, Implementation manager), typed as dates. */
  readonly success?: Readonly<Record<string, string>>;
  readonly contacts: readonly { email: string; name: string; role: string; canOpen: boolean }[];
}

export const STAFF = {
  lead: 'lena.ortiz@helpdesk.example',
  agents: ['sam.patel@helpdesk.example', 'maria.chen@helpdesk.example'],
  csms: ['jordan.lee@helpdesk.example', 'priya.nair@helpdesk.example'],
  director: 'alex.director@helpdesk.example',
  vp: 'casey.vp@helpdesk.example',
  coo: 'robin.coo@helpdesk.example',
  ceo: 'morgan.ceo@helpdesk.example',
  finance: 'finance@helpdesk.example',
} as const;

export const SUPPORT_ADDRESS = 'support@helpdesk.example';

export const CLIENTS: readonly DemoClient[] = [
  {
    id: 'SUMMIT',
    billingAddress: '48 Alpine Way\nBoulder, CO 80302',
    name: 'Summit Outfitters',
    domain: 'summit-outfitters.example',
    plan: 'Standard',
    edition: 'Other',
    calendar: '',
    monthlyHours: 4,
    rate: '',
    csm: STAFF.csms[0],
    matrix: 'CSM-Director-VP',
    // New this month: weekly CSM touches for its first 8 weeks (Ascent360 onboarding).
    success: { Cohort: 'Designated', 'Contract start': '2026-08-31' },
    contacts: [
      { email: 'dana.wells@summit-outfitters.example', name: 'Dana Wells', role: 'Authorized representative', canOpen: true },
      { email: 'lee.park@summit-outfitters.example', name: 'Lee Park', role: 'User', canOpen: false },
    ],
  },
  {
    id: 'RIDGE',
    billingAddress: '900 Market Street\nSan Francisco, CA 94102',
    name: 'Ridge Analytics',
    domain: 'ridge-analytics.example',
    plan: 'CSM',
    edition: 'Other',
    calendar: '',
    monthlyHours: 8,
    rate: '',
    csm: STAFF.csms[0],
    matrix: 'CSM-Director-VP',
    contacts: [
      { email: 'omar.haddad@ridge-analytics.example', name: 'Omar Haddad', role: 'Authorized representative', canOpen: true },
      { email: 'kim.nguyen@ridge-analytics.example', name: 'Kim Nguyen', role: 'Executive sponsor', canOpen: true },
    ],
  },
  {
    id: 'CANYON',
    billingAddress: 'Accounts Payable\n215 Canyon Road\nSanta Fe, NM 87501',
    name: 'Canyon Media',
    domain: 'canyon-media.example',
    plan: 'Professional',
    edition: 'Other',
    calendar: '',
    monthlyHours: 20,
    rate: 150,
    csm: STAFF.csms[1],
    matrix: 'CSM-COO-CEO',
    // Signed a new contract on Monday 28 September: its kick-off call is due 29–30 September.
    success: { 'Contract signed': '2026-09-28', 'Implementation manager': STAFF.lead },
    contacts: [
      { email: 'ana.silva@canyon-media.example', name: 'Ana Silva', role: 'Authorized representative', canOpen: true },
      { email: 'ben.ross@canyon-media.example', name: 'Ben Ross', role: 'Billing', canOpen: false },
    ],
  },
  {
    id: 'NORTHWIND',
    billingAddress: '10 Finsbury Square\nLondon EC2A 1AF\nUnited Kingdom',
    name: 'Northwind Workspaces',
    domain: 'northwind.example',
    plan: 'Enterprise',
    edition: 'Enterprise',
    calendar: 'UK-9-6',
    monthlyHours: 16,
    rate: '',
    csm: STAFF.csms[1],
    matrix: 'CSM-COO-CEO',
    contacts: [
      { email: 'harriet.cole@northwind.example', name: 'Harriet Cole', role: 'Authorized representative', canOpen: true },
      { email: 'tom.baker@northwind.example', name: 'Tom Baker', role: 'Authorized representative', canOpen: true },
    ],
  },
];

/** Northwind's support calendar: weekdays 09:00–18:00 London time, with UK bank holidays. */
export const EXTRA_CALENDARS = [
  {
    id: 'UK-9-6',
    zone: 'Europe/London',
    day: '09:00-18:00',
    holidays: [
      ['2026-12-25', 'Christmas Day'],
      ['2026-12-28', 'Boxing Day (substitute)'],
    ],
  },
] as const;

export const KNOWLEDGE_BASE = [
  {
    title: 'Resetting a user password',
    url: 'https://help.helpdesk.example/articles/reset-password',
    keywords: 'password, login, locked out, reset',
  },
  {
    title: 'Why is my campaign not sending?',
    url: 'https://help.helpdesk.example/articles/campaign-not-sending',
    keywords: 'campaign, send, email, stuck, queue',
  },
  {
    title: 'Exporting a report to CSV',
    url: 'https://help.helpdesk.example/articles/export-report',
    keywords: 'report, export, csv, download',
  },
  {
    title: 'Data sync troubleshooting',
    url: 'https://help.helpdesk.example/articles/data-sync',
    keywords: 'sync, integration, import, data, missing',
  },
] as const;
