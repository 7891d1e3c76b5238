import { DateTime } from 'luxon';
import type { Emulator } from '../../src/local/emulator';
import { columnLetters } from '../../src/local/emulator/spreadsheet/a1';
import { emulator, inSandbox } from '../support/emulator';
import { rows, seedRegister } from './ingest-support';

/**
 * Issue 16 item 2: ADvendio calls its four levels Critical / Urgent / High / Medium
 * (ADvendio Support Services, "Level 1 … Level 4"); the product's standard names are
 * Critical / High / Medium / Low. Settings → Priority names renames the cells level for
 * level, so "High" (level 2) becomes "Urgent" and no deadline moves; mail, dropdowns and
 * reports use the team's names.
 */
const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();
const ADVENDIO = 'Critical, Urgent, High, Medium';

let n = 0;
async function mail(em: Emulator, at: string, subject: string, body: string): Promise<void> {
  const ms = mt(at);
  await em.mailbox.deliver(
    [
      'From: Ann Lee <ann@acme.com>',
      'To: support@helpdesk.test',
      `Subject: ${subject}`,
      `Date: ${new Date(ms).toUTCString()}`,
      `Message-ID: <names-${++n}@acme.com>`,
      '',
      body,
      '',
    ].join('\r\n'),
    { at: ms },
  );
}

function cellOf(em: Emulator, tab: string, header: string, row: number): string {
  const h = em.workbook.sheetValues(tab)[0] as string[];
  return `${columnLetters(h.indexOf(header) + 1)}${row}`;
}

function settingRow(em: Emulator, key: string): number {
  const values = em.workbook.sheetValues('Settings');
  const k = (values[0] as string[]).indexOf('Key');
  return values.findIndex((r) => r[k] === key) + 1;
}

const DUES = ['First response due', 'Next update due', 'Resolution due'] as const;
const dues = (t: Record<string, unknown>) => DUES.map((h) => (t[h] instanceof Date ? (t[h] as Date).getTime() : t[h]));
const policyPriorities = (em: Emulator) => rows(em, 'SLA Policies').map((r) => `${r.Plan}/${r.Priority}`);

function dropdown(em: Emulator, tab: string): string[] {
  return inSandbox<string[]>(
    em,
    `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${JSON.stringify(tab)});
     var header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
     var rule = sh.getRange(2, header.indexOf('Priority') + 1).getDataValidation();
     return rule ? rule.getCriteriaValues()[0].slice() : [];`,
  );
}

async function desk(): Promise<Emulator> {
  const em = emulator({ now: mt('2026-11-02T09:00') });
  seedRegister(em);
  em.call('installTriggers');
  await mail(em, '2026-11-02T09:00', 'Exports fail', 'The CSV export fails with error 500.');
  em.clock.set(mt('2026-11-02T09:05'));
  em.call('ingestInbox');
  // A person raises it to level 2 (still "High" in the standard names).
  em.edit('Tickets', cellOf(em, 'Tickets', 'Priority', 2), 'High');
  return em;
}

describe('priority names per provider (Settings → Priority names)', () => {
  it('renaming the levels renames every level cell level for level, with the dropdowns, and moves no deadline', async () => {
    const em = await desk();
    const before = rows(em, 'Tickets')[0]!;
    expect(before.Priority).toBe('High');
    const policiesBefore = policyPriorities(em);
    expect(policiesBefore.some((p) => p.endsWith('/Low'))).toBe(true);

    const edit = em.edit('Settings', `B${settingRow(em, 'Priority names')}`, ADVENDIO);
    expect(String(edit.installed[0]?.result.value ?? '')).toContain('Priority names are now Critical, Urgent, High, Medium');

    const after = rows(em, 'Tickets')[0]!;
    expect(after.Priority).toBe('Urgent');
    expect(dues(after)).toEqual(dues(before));
    const rename = { Critical: 'Critical', High: 'Urgent', Medium: 'High', Low: 'Medium' } as Record<string, string>;
    expect(policyPriorities(em)).toEqual(policiesBefore.map((p) => p.replace(/\/(\w+)$/, (_, x: string) => `/${rename[x]}`)));
    expect(dropdown(em, 'Tickets')).toEqual(['Critical', 'Urgent', 'High', 'Medium']);
    expect(dropdown(em, 'SLA Policies')).toEqual(['Critical', 'Urgent', 'High', 'Medium']);
    expect(rows(em, 'Log').filter((l) => l.Action === 'Priorities renamed')).toHaveLength(1);

    // The sweep reads the renamed cells as the same levels: nothing is recomputed or flagged.
    em.clock.set(mt('2026-11-02T09:15'));
    em.call('sweepSla');
    const swept = rows(em, 'Tickets')[0]!;
    expect(dues(swept)).toEqual(dues(before));
    expect(swept.Problems).toBe('');
    expect(String(swept.Policy)).toMatch(/^Standard\/High: /); // the ledger keeps the level's standard name
  });

  it('new tickets, acknowledgements and edits use the team’s names; "High" now means level 3', async () => {
    const em = await desk();
    em.edit('Settings', `B${settingRow(em, 'Priority names')}`, ADVENDIO);

    // Nothing in the words lifts it: level 4, which ADvendio calls Medium.
    await mail(em, '2026-11-02T10:00', 'How do I add a user?', 'How do I add a new user to our account?');
    em.clock.set(mt('2026-11-02T10:05'));
    const sent = em.mailbox.sent.length;
    em.call('ingestInbox');
    const fresh = rows(em, 'Tickets')[1]!;
    expect(fresh.Priority).toBe('Medium');
    expect(String(fresh.Policy)).toMatch(/^Standard\/Low: /);
    const ack = em.mailbox.sent.slice(sent).find((m) => m.subject.includes(String(fresh['Ticket ID'])))!;
    expect(ack.text).toContain('(priority Medium)');

    // "High" typed on the first ticket is ADvendio's level 3: its deadlines follow the level-3 policy.
    em.edit('Tickets', cellOf(em, 'Tickets', 'Priority', 2), 'High');
    expect(String(rows(em, 'Tickets')[0]!.Policy)).toMatch(/^Standard\/Medium: /);
    // "Low" is no longer a name: the dropdown refuses it.
    expect(() => em.edit('Tickets', cellOf(em, 'Tickets', 'Priority', 2), 'Low')).toThrow();

    em.call('refreshDashboard');
    const dash = em.workbook.sheetValues('Dashboard').flat().map(String);
    expect(dash).toContain('Urgent %');
    expect(dash).not.toContain('Low %');
  });

  it('a rename typed where no edit trigger sees it is applied by the next sweep, before it reads', async () => {
    const em = await desk();
    const before = rows(em, 'Tickets')[0]!;
    em.workbook.writeRaw('Settings', [[ADVENDIO]], settingRow(em, 'Priority names'), 2);
    em.clock.set(mt('2026-11-02T09:15'));
    em.call('sweepSla');
    const after = rows(em, 'Tickets')[0]!;
    expect(after.Priority).toBe('Urgent');
    expect(dues(after)).toEqual(dues(before));
    expect(after.Problems).toBe('');
  });

  it('a rename cut off after the Tickets tab is finished by the next run: each tab read by the names it is in, none renamed twice', async () => {
    const em = await desk();
    const before = rows(em, 'Tickets')[0]!;
    // As a run killed between the two tabs' writes leaves it: Tickets renamed, SLA Policies not, the rename recorded as under way.
    em.workbook.writeRaw('Settings', [[ADVENDIO]], settingRow(em, 'Priority names'), 2);
    em.workbook.writeRaw('Tickets', [['Urgent']], 2, (em.workbook.sheetValues('Tickets')[0] as string[]).indexOf('Priority') + 1);
    em.properties.document.data.set(
      'priorityNames.renaming',
      JSON.stringify({ from: 'Critical, High, Medium, Low', to: ADVENDIO, done: ['Tickets'] }),
    );
    const policiesBefore = policyPriorities(em);
    em.clock.set(mt('2026-11-02T09:15'));
    em.call('sweepSla');
    const after = rows(em, 'Tickets')[0]!;
    expect(after.Priority).toBe('Urgent'); // not renamed again (Urgent is no old name; High would have become Urgent twice)
    expect(dues(after)).toEqual(dues(before));
    expect(after.Problems).toBe('');
    const rename = { Critical: 'Critical', High: 'Urgent', Medium: 'High', Low: 'Medium' } as Record<string, string>;
    expect(policyPriorities(em)).toEqual(policiesBefore.map((p) => p.replace(/\/(\w+)$/, (_, x: string) => `/${rename[x]}`)));
    expect(em.properties.document.data.has('priorityNames.renaming')).toBe(false);
    expect(em.properties.document.data.get('priorityNames.applied')).toBe(ADVENDIO);
  });

  it('a Settings value that does not name four distinct levels is refused on its row, and the names stay', async () => {
    const em = await desk();
    em.edit('Settings', `B${settingRow(em, 'Priority names')}`, 'Critical, Urgent, Urgent, Medium');
    em.clock.set(mt('2026-11-02T09:15'));
    em.call('sweepSla');
    const row = rows(em, 'Settings').find((r) => r.Key === 'Priority names')!;
    expect(String(row.Problems)).toContain('named twice');
    expect(rows(em, 'Tickets')[0]!.Priority).toBe('High');
  });
});
