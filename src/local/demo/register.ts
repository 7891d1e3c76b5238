import type { Emulator } from '../emulator';
import { SETTINGS } from '../../register/settings/spec';
import { CLIENTS, EXTRA_CALENDARS, KNOWLEDGE_BASE, STAFF, SUPPORT_ADDRESS } from './register-data';
import { editCells, setSetting, typeRows } from './typing';

/** What a support lead does after Set up register: contracts, contacts, settings, matrices. */
export function fillDemoRegister(em: Emulator): void {
  setSetting(em, SETTINGS.supportAddress.key, SUPPORT_ADDRESS);
  setSetting(em, SETTINGS.staffDomains.key, 'helpdesk.example');
  setSetting(em, SETTINGS.financeEmail.key, STAFF.finance);
  setSetting(em, SETTINGS.providerAddress.key, 'Helpdesk Example LLC\n1200 Larimer Street, Suite 400\nDenver, CO 80202');
  setSetting(em, SETTINGS.invoicePrefix.key, 'INV-2026-');

  for (const cal of EXTRA_CALENDARS) {
    typeRows(em, 'Calendars', [
      {
        'Calendar ID': cal.id,
        'Time zone': cal.zone,
        Mon: cal.day,
        Tue: cal.day,
        Wed: cal.day,
        Thu: cal.day,
        Fri: cal.day,
        Sat: 'closed',
        Sun: 'closed',
      },
    ]);
    typeRows(
      em,
      'Holidays',
      cal.holidays.map(([date, name]) => ({ 'Calendar ID': cal.id, Date: date, Name: name })),
    );
  }

  typeRows(
    em,
    'Clients',
    CLIENTS.map((c) => ({
      'Client ID': c.id,
      Name: c.name,
      Domains: c.domain,
      Plan: c.plan,
      Edition: c.edition,
      Calendar: c.calendar,
      'Monthly hours': c.monthlyHours,
      'Hourly rate': c.rate,
      'CSM email': c.csm,
      'Escalation matrix': c.matrix,
      'Finance email': '',
      Status: 'Active',
      'Billing address': c.billingAddress,
      ...c.success,
    })),
  );
  // One statement of work, signed, for the professional-services client: its work starts
  // after the demo month, so it bills nothing yet and the demo's figures stay as they are.
  typeRows(em, 'SOWs', [
    {
      'SOW ID': 'SOW-001',
      'Client ID': 'CANYON',
      Title: 'Second data feed onboarding',
      Status: 'Signed',
      'Estimate (h)': 12,
      Notes: 'Time and materials: all hours billed at the end of the month they are worked (Ascent360 onboarding model).',
    },
  ]);
  typeRows(
    em,
    'Contacts',
    CLIENTS.flatMap((c) =>
      c.contacts.map((p) => ({
        Email: p.email,
        Name: p.name,
        'Client ID': c.id,
        Role: p.role,
        'Can open tickets': p.canOpen ? 'Yes' : 'No',
      })),
    ),
  );
  typeRows(
    em,
    'Knowledge Base',
    KNOWLEDGE_BASE.map((k) => ({ Title: k.title, URL: k.url, Keywords: k.keywords })),
  );

  // Tier 1 stays blank (= the client's CSM); the leaders above fill in their own rows.
  const people: [string, string, string, string][] = [
    ['CSM-Director-VP', '2', 'Alex Director', STAFF.director],
    ['CSM-Director-VP', '3', 'Casey VP', STAFF.vp],
    ['CSM-COO-CEO', '2', 'Robin COO', STAFF.coo],
    ['CSM-COO-CEO', '3', 'Morgan CEO', STAFF.ceo],
  ];
  for (const [matrix, tier, name, email] of people) {
    const sheetRows = em.workbook.sheetValues('Escalation');
    const header = sheetRows[0]!.map(String);
    const row = sheetRows.findIndex((r) => r[header.indexOf('Matrix')] === matrix && String(r[header.indexOf('Tier')]) === tier);
    if (row > 0) {
      const sheet = (em.realm.context.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Escalation')!;
      sheet.getRange(row + 1, header.indexOf('Name') + 1, 1, 2).setValues(em.realm.toRealm([[name, email]]));
    }
  }
  void editCells;
}
