import path from 'node:path';
import { loadMailFiles } from '../../src/local/emulator/mailfiles';
import type { Emulator } from '../../src/local/emulator';
import { inSandbox } from '../support/emulator';

export const FIXTURES = path.resolve(__dirname, '../fixtures/inbox');
/** Mon 2 Nov 2026, 15:00 MST: after every fixture mail. */
export const AFTER_FIXTURES = Date.UTC(2026, 10, 2, 22, 0, 0);

/** A register with two clients, their contacts and a few Knowledge Base articles, made by the real setup. */
export function seedRegister(em: Emulator): void {
  em.call('setup');
  inSandbox(
    em,
    `
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    function add(tab, rows) {
      var sh = ss.getSheetByName(tab);
      var header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
      var lines = rows.map(function (r) { return header.map(function (h) { return r[h] === undefined ? '' : r[h]; }); });
      sh.getRange(sh.getLastRow() + 1, 1, lines.length, header.length).setValues(lines);
    }
    add('Clients', [
      { 'Client ID': 'ACME', Name: 'Acme Corp', Domains: 'acme.com', Plan: 'Standard', Calendar: 'MT-8-5', 'Monthly hours': 10, Status: 'Active' },
      { 'Client ID': 'GLOBEX', Name: 'Globex', Domains: 'globex.example', Plan: 'Professional', Calendar: 'MT-8-5', 'Monthly hours': 20, Status: 'Active' },
    ]);
    add('Contacts', [
      { Email: 'ann@acme.com', Name: 'Ann Lee', 'Client ID': 'ACME', Role: 'Authorized representative', 'Can open tickets': 'Yes' },
      { Email: 'cy@acme.com', Name: 'Cy Park', 'Client ID': 'ACME', Role: 'Authorized representative', 'Can open tickets': 'Yes' },
      { Email: 'bob@acme.com', Name: 'Bob Stone', 'Client ID': 'ACME', Role: 'User', 'Can open tickets': 'Yes' },
      { Email: 'dee@globex.example', Name: 'Dee Novak', 'Client ID': 'GLOBEX', Role: 'Authorized representative', 'Can open tickets': 'Yes' },
      { Email: 'renee@globex.example', Name: 'Renée Müller', 'Client ID': 'GLOBEX', Role: 'Authorized representative', 'Can open tickets': 'Yes' },
    ]);
    add('Knowledge Base', [
      { Title: 'Troubleshooting CSV exports', URL: 'https://kb.helpdesk.test/exports', Keywords: 'export, csv, error 500' },
      { Title: 'Inviting users', URL: 'https://kb.helpdesk.test/users', Keywords: 'add a new user, invite, user' },
      { Title: 'Password resets', URL: 'https://kb.helpdesk.test/password', Keywords: 'password, reset' },
    ]);
    return true;`,
  );
}

export async function withFixtures(em: Emulator): Promise<void> {
  await loadMailFiles(FIXTURES, em.mailbox);
}

export type Row = Record<string, unknown>;

/** A tab as records keyed by header (what a person sees). */
export function rows(em: Emulator, tab: string): Row[] {
  const values = em.workbook.sheetValues(tab) as unknown[][];
  const [header, ...rest] = values;
  return rest
    .filter((r) => r.some((v) => v !== '' && v !== null))
    .map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
}
