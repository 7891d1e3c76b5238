import fc from 'fast-check';
import { emulator } from '../../support/emulator';
import { HoursTab } from '../../../src/register/tabs/hours';
import { novemberRegister, records } from './register';
import type { Emulator } from '../../../src/local/emulator';

interface Form {
  client: string;
  ticket: string;
  activity: string;
  hours: string;
  date: string;
  required: string;
  notes: string;
}

const valid: Form = {
  client: 'ACME',
  ticket: 'T-000010',
  activity: 'Troubleshooting',
  hours: '1:30',
  date: '2026-11-02',
  required: 'Yes',
  notes: 'Looked at the sync logs',
};

function fresh(): Emulator {
  const em = emulator({ clockFollowsCalls: false });
  novemberRegister(em);
  return em;
}

/** What google.script.run would hand the page: JSON only (a Date in it would arrive as null). */
function jsonSafe(v: unknown): void {
  expect(JSON.parse(JSON.stringify(v))).toEqual(v);
}

describe('Log time sidebar: server side in the emulator (real bundle)', () => {
  it('opens a titled sidebar whose page labels every field and loads nothing from outside', () => {
    const em = fresh();
    em.call('showLogTimeSidebar');
    const d = em.workbook.ui.dialogs.at(-1)!;
    expect(d.kind).toBe('sidebar');
    expect(d.title).toBe('Log time');
    const html = (d.html as { getContent(): string }).getContent();
    for (const id of ['client', 'ticket', 'activity', 'hours', 'date', 'required', 'notes']) {
      expect(html).toMatch(new RegExp(`<label[^>]*for="${id}"`));
      expect(html).toMatch(new RegExp(`id="${id}-error"`));
    }
    expect(html).toContain('aria-live');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/);
  });

  it('offers active clients, their open and recent tickets, activities, today and each client’s usage', () => {
    const em = fresh();
    const form = em.call<any>('logTimeForm');
    jsonSafe(form);
    expect(form.person).toBe('support@helpdesk.test');
    expect(form.today).toBe('2026-11-02');
    expect(form.clients.map((c: any) => c.id)).toEqual(['ACME', 'BETA']); // Old Co has ended
    expect(form.tickets.map((t: any) => t.id).sort()).toEqual(['T-000010', 'T-000012', 'T-000020']); // T-000011 closed in August
    expect(form.activities.map((a: any) => a.name)).toContain('Troubleshooting');
    const acme = form.clients.find((c: any) => c.id === 'ACME');
    // 3 h this month (the 5 h of October are not this month's) of 6 h contracted.
    expect(acme.usage).toMatchObject({ month: '2026-11', countedHours: 3, contractedHours: 6, percent: 50 });
    expect(acme.usage.text).toBe('3 h of 6 h counted in 2026-11 (50%)');
  });

  it('appends exactly one row, in one write, with Counted and Reason decided by the Activities rules', () => {
    const em = fresh();
    const before = records(em, 'Hours').length;
    const run = em.run<any>('submitTimeEntry', valid);
    expect(run.error).toBeUndefined();
    const r = run.value;
    jsonSafe(r);
    expect(r.ok).toBe(true);
    const rows = records(em, 'Hours');
    expect(rows).toHaveLength(before + 1);
    const row = rows.at(-1)!;
    expect(r.row).toBe(rows.length + 1);
    expect(row).toMatchObject({
      'Client ID': 'ACME',
      Person: 'support@helpdesk.test',
      'Ticket ID': 'T-000010',
      Activity: 'Troubleshooting',
      Hours: '1:30',
      'Required attendee': 'Yes',
      Notes: 'Looked at the sync logs',
      Counted: 0,
    });
    expect((row.Date as Date).getTime()).toBe(Date.UTC(2026, 10, 2, 7)); // local midnight in Denver (MST)
    expect(String(row.Reason)).toContain('a bug (ticket Reason: Bug): not counted');
    expect(r.counted).toBe(false);
    // Troubleshooting a bug does not use the contract: the bar stays at 3 h.
    expect(r.usage).toMatchObject({ countedHours: 3, contractedHours: 6 });
    expect(run.calls.counts['SpreadsheetApp.Range.setValues']).toBe(2); // the Hours row and the Log line
    const log = records(em, 'Log').at(-1)!;
    expect(log).toMatchObject({ Job: 'hours', Action: 'Time logged', 'Client ID': 'ACME', 'Ticket ID': 'T-000010' });
  });

  it('counts time that counts: the usage bar moves by the entry', () => {
    const em = fresh();
    const r = em.call<any>('submitTimeEntry', { ...valid, ticket: '', activity: 'Account review', hours: '90m' });
    expect(r.ok).toBe(true);
    expect(r.counted).toBe(true);
    expect(r.usage).toMatchObject({ countedHours: 4.5, contractedHours: 6, percent: 75 });
    expect(records(em, 'Hours').at(-1)).toMatchObject({ Counted: 1.5, Hours: '90m' });
    // The form reflects it on the next load too.
    expect(em.call<any>('logTimeForm').clients.find((c: any) => c.id === 'ACME').usage.countedHours).toBe(4.5);
  });

  it('a non-required attendee is logged but not counted', () => {
    const em = fresh();
    const r = em.call<any>('submitTimeEntry', { ...valid, ticket: '', activity: 'Account review', required: 'No' });
    expect(r).toMatchObject({ ok: true, counted: false });
    expect(records(em, 'Hours').at(-1)).toMatchObject({ 'Required attendee': 'No', Counted: 0 });
  });

  const refused: [string, Partial<Form>, keyof Form | 'form', RegExp][] = [
    ['an unreadable duration', { hours: 'abc' }, 'hours', /^Hours /],
    ['a zero duration', { hours: '0' }, 'hours', /more than 0/],
    ['more than 24 h', { hours: '25' }, 'hours', /cannot exceed 24/],
    ['no client', { client: '' }, 'client', /Client ID/],
    ['an unknown client', { client: 'NOPE', ticket: '' }, 'client', /NOPE is not in the Clients tab/],
    ['no activity', { activity: '' }, 'activity', /Activity/],
    ['an unknown activity', { activity: 'Knitting' }, 'activity', /"Knitting" is not in the Activities tab/],
    ['another client’s ticket', { ticket: 'T-000020' }, 'ticket', /belongs to client BETA, not ACME/],
    ['an unknown ticket', { ticket: 'T-999999' }, 'ticket', /not in the Tickets tab/],
    ['a date in the future', { date: '2026-11-03' }, 'date', /in the future/],
    ['a date that is not a date', { date: '02/11/2026' }, 'date', /Date must be a day/],
    ['no date', { date: '' }, 'date', /Date must be a date/],
    ['a bad required attendee', { required: 'Maybe' }, 'required', /Yes or No/],
  ];
  it.each(refused)('refuses %s next to its field and writes nothing', (_name, change, field, message) => {
    const em = fresh();
    const before = em.workbook.sheetValues('Hours');
    const r = em.call<any>('submitTimeEntry', { ...valid, ...change });
    jsonSafe(r);
    expect(r.ok).toBe(false);
    expect(r.errors[field]).toMatch(message);
    expect(r.message).toMatch(/^Nothing was logged/);
    expect(em.workbook.sheetValues('Hours')).toEqual(before);
  });

  it('refuses a day that would pass 24 h for the same person', () => {
    const em = fresh();
    expect(em.call<any>('submitTimeEntry', { ...valid, hours: '20' }).ok).toBe(true);
    const r = em.call<any>('submitTimeEntry', { ...valid, hours: '5' });
    expect(r.ok).toBe(false);
    expect(r.errors.hours).toMatch(/more than 24 h in one day/);
  });

  it('writes outside text verbatim: notes that look like a formula stay text', () => {
    const em = fresh();
    expect(em.call<any>('submitTimeEntry', { ...valid, notes: '=HYPERLINK("http://evil")' }).ok).toBe(true);
    expect(records(em, 'Hours').at(-1)!.Notes).toBe('=HYPERLINK("http://evil")');
  });

  it('waits for the document lock and says so when another job holds it', () => {
    const em = fresh();
    em.locks.holdAs('document', 'a sweep');
    const run = em.run<any>('submitTimeEntry', valid);
    expect(run.error?.message).toMatch(/another Support Desk job is still running/);
  });

  it('accepts a duration exactly when the Hours tab’s schema does (the same zod schema)', () => {
    const em = fresh();
    const token = fc.constantFrom('0', '1', '2', '3', '5', '9', '.', ':', 'm', 'h', ' ', '-', '30', '90', ',');
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 5 }).map((t) => t.join('')),
        (hours) => {
          const schema = HoursTab.schema.shape.Hours.safeParse(hours.trim());
          const r = em.call<any>('submitTimeEntry', { ...valid, hours, ticket: '' });
          if (!schema.success) {
            expect(r.ok).toBe(false);
            expect(r.errors.hours).toContain(schema.error.issues[0]!.message);
            expect(Object.keys(r.errors)).toEqual(['hours']);
          } else if (!r.ok) {
            // Only the per-day total may refuse a duration the schema accepts.
            expect(r.errors.hours).toMatch(/more than 24 h in one day/);
            expect(Object.keys(r.errors)).toEqual(['hours']);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
