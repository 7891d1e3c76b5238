import { canonicalClientId } from '../../core/types/client-ids';
import { ActivitiesTab, ClientsTab, ContactsTab, HoursTab, SettingsTab, SowsTab, TicketsTab } from '../../register/tabs';
import type { Sow } from '../../core/billing/sow';
import { readTable, type Table } from '../../register/table';
import { requireColumns } from '../../register/required-columns';
import type * as z from 'zod/mini';
import type { RowOf, TabSpec } from '../../register/tab-spec';
import type { WorkbookPort } from '../ports';
import { centsToRate, formatRate, type AccountingSystem, type BillingSettings, type ClientContract } from '../../core/billing';
import { reportSettingProblems, settingsFromTable } from '../shared/settings';
import { SETTINGS } from '../../register/settings/spec';
import { workDay, type IsoDay } from '../../core/hours/month';
import type { HoursEntry } from '../../core/hours/entry';
import type { ActivityRule } from '../../core/hours/rules';
import type { RunLogPort } from '../ports';
import type { Settings } from '../../register/settings/spec';
import type { TouchKind } from '../../core/types/vocab';

export class RegisterMissingError extends Error {}

/** The job loading the register, for the columns it declared it needs (TabSpec.needs) and its name in the stop message. */
export interface RegisterJob {
  readonly name: 'hours' | 'billing';
  readonly label: string;
}

export interface ClientInfo extends ClientContract {
  readonly csmEmail: string;
  readonly financeEmail: string;
  /** What an invoice needs (issue 19); blank / null = the Settings default or none. */
  readonly invoice: {
    readonly billingAddress: string;
    readonly paymentTermsDays: number | null;
    readonly currency: string;
    /** Percent as typed (8.25), null = no tax line. */
    readonly taxRatePercent: number | null;
    readonly poNumber: string;
  };
}

/** The Settings an invoice is made from (issue 19). */
export interface InvoiceSettings {
  readonly providerAddress: string;
  readonly prefix: string;
  readonly start: number;
  readonly paymentTermsDays: number;
  readonly currency: string;
  readonly accountingSystem: AccountingSystem;
  readonly accountCode: string;
  readonly itemName: string;
  readonly taxType: string;
}

export interface TicketInfo {
  readonly ticketId: string;
  readonly clientId: string;
  readonly reason: string;
  readonly receivedAt: number | null;
  readonly slaState: string | null;
}

export interface ContactInfo {
  readonly email: string;
  readonly clientId: string;
  readonly role: string;
}

export interface HoursSettings extends BillingSettings {
  readonly providerZone: string;
  readonly sheetZone: string;
  readonly mailQuotaReserve: number;
  readonly financeEmail: string;
  readonly statementEditions: readonly string[];
  readonly providerName: string;
  readonly invoice: InvoiceSettings;
  /** Beyond these a figure is taken for a typo, flagged and not billed (issue 13, defect 5). */
  readonly plausible: { readonly rateMicros: number; readonly monthMin: number };
}

export interface RegisterData {
  readonly settings: HoursSettings;
  /** Every setting as read (the client success evaluation reads more than hours and billing). */
  readonly allSettings: Settings;
  /** Activity (lower case) → what it is as a client touch (Activities → Touch); absent = not a touch. */
  readonly touchKinds: ReadonlyMap<string, TouchKind>;
  readonly clients: readonly ClientInfo[];
  /** Client IDs whose Clients row fails the schema → "Clients row N: why", so hours name the real cause. */
  readonly invalidClients: ReadonlyMap<string, string>;
  /** Clients rows refused for an implausible figure (not a schema problem): row number → note for its Problems cell. */
  readonly implausibleClients: ReadonlyMap<number, string>;
  readonly clientsTable: Table<RowOf<typeof ClientsTab>>;
  readonly activities: readonly ActivityRule[];
  readonly tickets: ReadonlyMap<string, TicketInfo>;
  readonly contacts: readonly ContactInfo[];
  /** SOW ID (upper-cased) → the SOW; none when the register has no SOWs tab yet. */
  readonly sows: ReadonlyMap<string, Sow>;
  /** SOW IDs whose SOWs row fails a check → "SOWs row N: why". */
  readonly invalidSows: ReadonlyMap<string, string>;
  readonly hours: Table<RowOf<typeof HoursTab>>;
  /** Schema-valid Hours rows as entries (further checks: validateEntries). */
  readonly entries: readonly HoursEntry[];
}

function table<S extends z.ZodMiniObject>(wb: WorkbookPort, spec: TabSpec<S>): Table<z.output<S>> {
  const port = wb.tab(spec.name);
  if (!port) throw new RegisterMissingError(`The ${spec.name} tab is missing: run Support Desk → Set up register.`);
  return readTable(port, spec);
}

/**
 * Reads the tabs the hours and billing jobs use: one read per tab. Setting problems are
 * shown on the Settings tab and logged once when `report` (jobs under the lock do; the
 * sidebars only read).
 */
export function loadRegister(
  wb: WorkbookPort,
  log: RunLogPort,
  opts: { contacts?: boolean; report?: boolean; job?: RegisterJob } = {},
): RegisterData {
  // Every tab read and its columns checked before anything is written (the Settings Problems cells included).
  const need = <R>(t: Table<R>): Table<R> => {
    if (opts.job) requireColumns(t, opts.job.name, opts.job.label);
    return t;
  };
  const settingsTable = table(wb, SettingsTab);
  const clientsTable = need(table(wb, ClientsTab));
  const activitiesTable = need(table(wb, ActivitiesTab));
  const ticketsTable = need(table(wb, TicketsTab));
  const contactsTable = opts.contacts ? need(table(wb, ContactsTab)) : null;
  const hours = need(table(wb, HoursTab));
  const loaded = settingsFromTable(settingsTable, wb.timeZone);
  if (opts.report !== false) reportSettingProblems(wb, loaded, log);
  const s = loaded.settings;
  const providerZone = s.providerZone;
  const settings: HoursSettings = {
    providerZone,
    sheetZone: wb.timeZone,
    defaultRateMicros: centsToRate(s.defaultRateCents),
    incrementMin: s.billingIncrementMin,
    mailQuotaReserve: s.mailQuotaReserve,
    financeEmail: s.financeEmail,
    statementEditions: s.statementEditions,
    providerName: s.providerName,
    invoice: {
      providerAddress: s.providerAddress,
      prefix: s.invoicePrefix,
      start: s.invoiceStart,
      paymentTermsDays: s.defaultPaymentTermsDays,
      currency: s.defaultCurrency,
      accountingSystem: s.accountingSystem,
      accountCode: s.accountingAccountCode,
      itemName: s.accountingItemName,
      taxType: s.accountingTaxType,
    },
    plausible: { rateMicros: centsToRate(s.plausibleRateCents), monthMin: s.plausibleMonthHours * 60 },
  };
  const day = (d: Date | null): IsoDay | null => (d ? workDay(d.getTime(), settings.sheetZone, providerZone) : null);

  const invalidClients = new Map<string, string>();
  const idColumn = clientsTable.columnOf.get('Client ID');
  for (const p of clientsTable.problems) {
    log.add('Client row skipped', `Clients row ${p.rowNumber}: ${p.message}`);
    const id = idColumn === undefined ? '' : String(clientsTable.raw[p.rowNumber - 1]?.[idColumn] ?? '').trim();
    if (id && !invalidClients.has(id)) invalidClients.set(id, `Clients row ${p.rowNumber}: ${p.message}`);
  }
  const implausibleClients = new Map<number, string>();
  const plausible = clientsTable.rows.filter(({ rowNumber, data: c }) => {
    const rate = c['Hourly rate'];
    if (rate === null || rate <= settings.plausible.rateMicros) return true;
    const why = `Hourly rate ${formatRate(rate)} is above Settings → ${SETTINGS.plausibleRateCents.key} (${formatRate(settings.plausible.rateMicros)}): not billed until it is corrected (or the setting raised)`;
    implausibleClients.set(rowNumber, why);
    if (!invalidClients.has(c['Client ID'])) invalidClients.set(c['Client ID'], `Clients row ${rowNumber}: ${why}`);
    return false;
  });
  const clients: ClientInfo[] = plausible.map(({ data: c }) => ({
    clientId: c['Client ID'],
    name: c.Name,
    status: c.Status,
    edition: c.Edition,
    monthlyHours: c['Monthly hours'],
    rateMicros: c['Hourly rate'],
    start: day(c['Contract start']),
    end: day(c['Contract end']),
    csmEmail: c['CSM email'],
    financeEmail: c['Finance email'],
    invoice: {
      billingAddress: c['Billing address'],
      paymentTermsDays: c['Payment terms'],
      currency: c.Currency.toUpperCase(),
      taxRatePercent: c['Tax rate'],
      poNumber: c['PO number'],
    },
  }));

  // Client IDs typed in Hours, Tickets and Contacts as the Clients tab spells them (`canyon` → CANYON).
  const clientIdOf = canonicalClientId(clients.map((c) => c.clientId));

  for (const p of activitiesTable.problems) log.add('Activity row skipped', `Activities row ${p.rowNumber}: ${p.message}`);
  const activities: ActivityRule[] = activitiesTable.rows.map(({ data: a }) => ({
    activity: a.Activity,
    counts: a['Counts toward contract'],
    rule: a.Rule,
  }));

  const tickets = new Map<string, TicketInfo>();
  for (const { data: t } of ticketsTable.rows) {
    tickets.set(t['Ticket ID'].toUpperCase(), {
      ticketId: t['Ticket ID'],
      clientId: clientIdOf(t['Client ID']),
      reason: t.Reason,
      receivedAt: t['Received at'] ? t['Received at'].getTime() : null,
      slaState: t['SLA state'],
    });
  }

  const contacts: ContactInfo[] = (contactsTable?.rows ?? []).map(({ data: c }) => ({
    email: c.Email,
    clientId: clientIdOf(c['Client ID']),
    role: c.Role,
  }));

  const entries: HoursEntry[] = hours.rows.map(({ rowNumber, data: h }) => ({
    rowNumber,
    day: workDay(h.Date.getTime(), settings.sheetZone, providerZone),
    clientId: clientIdOf(h['Client ID']),
    person: h.Person,
    ticketId: h['Ticket ID'].toUpperCase(),
    sowId: h['SOW ID'].toUpperCase(),
    activity: h.Activity,
    minutes: Math.round(h.Hours * 60),
    required: h['Required attendee'],
  }));
  const { sows, invalidSows } = loadSows(wb, log, clientIdOf);
  const touchKinds = new Map<string, TouchKind>();
  for (const { data: a } of activitiesTable.rows) if (a.Touch) touchKinds.set(a.Activity.trim().toLowerCase(), a.Touch);
  return {
    settings,
    allSettings: s,
    touchKinds,
    clients,
    invalidClients,
    implausibleClients,
    clientsTable,
    activities,
    tickets,
    contacts,
    sows,
    invalidSows,
    hours,
    entries,
  };
}

/** The SOWs tab, when there is one (a register set up before SOWs has none: no SOW is known). */
function loadSows(
  wb: WorkbookPort,
  log: RunLogPort,
  clientIdOf: (typed: string) => string,
): { sows: Map<string, Sow>; invalidSows: Map<string, string> } {
  const sows = new Map<string, Sow>();
  const invalidSows = new Map<string, string>();
  const port = wb.tab(SowsTab.name);
  if (!port) return { sows, invalidSows };
  const t = readTable(port, SowsTab);
  const idCol = t.columnOf.get('SOW ID');
  for (const p of t.problems) {
    log.add('SOW row skipped', `SOWs row ${p.rowNumber}: ${p.message}`);
    const id =
      idCol === undefined
        ? ''
        : String(t.raw[p.rowNumber - 1]?.[idCol] ?? '')
            .trim()
            .toUpperCase();
    if (id && !invalidSows.has(id)) invalidSows.set(id, `SOWs row ${p.rowNumber}: ${p.message}`);
  }
  for (const { data: s } of t.rows) {
    sows.set(s['SOW ID'].toUpperCase(), {
      sowId: s['SOW ID'],
      clientId: clientIdOf(s['Client ID']),
      title: s.Title,
      status: s.Status,
      estimateMin: s['Estimate (h)'] === null ? null : Math.round(s['Estimate (h)'] * 60),
      rateMicros: s.Rate,
    });
  }
  return { sows, invalidSows };
}
