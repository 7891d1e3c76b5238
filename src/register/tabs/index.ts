import { SettingsTab } from './settings';
import { ClientsTab } from './clients';
import { ContactsTab } from './contacts';
import { CalendarsTab } from './calendars';
import { HolidaysTab } from './holidays';
import { SlaPoliciesTab } from './sla-policies';
import { EscalationTab } from './escalation';
import { TicketsTab } from './tickets';
import { MessagesTab } from './messages';
import { HoursTab } from './hours';
import { ActivitiesTab } from './activities';
import { KnowledgeBaseTab } from './knowledge-base';
import { LogTab } from './log';
import { InvoicesTab } from './invoices';
import { SowsTab } from './sows';
import { EntitlementsTab } from './entitlements';
import type { TabSpec } from '../tab-spec';

export {
  SettingsTab,
  ClientsTab,
  ContactsTab,
  CalendarsTab,
  HolidaysTab,
  SlaPoliciesTab,
  EscalationTab,
  TicketsTab,
  MessagesTab,
  HoursTab,
  ActivitiesTab,
  KnowledgeBaseTab,
  LogTab,
  InvoicesTab,
  SowsTab,
  EntitlementsTab,
};

/** Every fixed tab, in the order `setup` creates them (Billing YYYY-MM tabs are per month). */
export const ALL_TABS: readonly TabSpec[] = [
  TicketsTab,
  MessagesTab,
  HoursTab,
  SowsTab,
  InvoicesTab,
  ClientsTab,
  ContactsTab,
  SlaPoliciesTab,
  EscalationTab,
  CalendarsTab,
  HolidaysTab,
  ActivitiesTab,
  EntitlementsTab,
  KnowledgeBaseTab,
  SettingsTab,
  LogTab,
] as unknown as readonly TabSpec[];
