import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings, settingNamed, type SettingRow } from '../../src/register/settings/read';
import { SETTINGS } from '../../src/register/settings/spec';
import { dollars, incrementHours, wholeNumber } from '../../src/register/settings/parse';

const env = { account: '', spreadsheetTimeZone: 'America/Denver' };
const rows = (pairs: Record<string, string>): SettingRow[] =>
  Object.entries(pairs).map(([key, value], i) => ({ rowNumber: i + 2, key, value }));
const read = (pairs: Record<string, string>) => readSettings(rows(pairs), env);

describe('settings spec', () => {
  it('gives every default when the tab is empty, the same as setup writes', () => {
    const { settings, problems } = read({});
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      supportAddress: '',
      staffDomains: [],
      providerZone: 'America/Denver',
      defaultCalendar: 'MT-8-5',
      defaultRateCents: 12500,
      billingIncrementMin: 15,
      ingestQuery: 'in:inbox',
      triggerIntervalMin: 5,
      sweepIntervalMin: 10,
      defaultEscalationMatrix: 'CSM-Director-VP',
      acksPerSenderPerHour: 3,
      ticketsPerSenderPerHour: 10,
      unregisteredRepliesPerDay: 20,
      mailQuotaReserve: 10,
      unregisteredSenders: 'Reply and log',
      statementEditions: ['enterprise'],
      providerName: 'Client Success',
    });
    expect(settings.reasonRules.length).toBeGreaterThan(0);
    // What setup writes reads back to the same settings.
    const written = Object.fromEntries(Object.values(SETTINGS).map((s) => [s.key, String(s.initial(env))]));
    expect(read(written).settings).toEqual(settings);
  });

  it('reads a blank value as the default, never as nothing (Default calendar blank is MT-8-5 for every job)', () => {
    expect(read({ 'Default calendar': '', 'Client statement editions': '' }).settings).toMatchObject({
      defaultCalendar: 'MT-8-5',
      statementEditions: ['enterprise'],
    });
    expect(read({ 'Client statement editions': 'none' }).settings.statementEditions).toEqual([]);
  });

  it('uses the default for an unusable value and says which row, what is wrong and what is used', () => {
    const r = read({ 'Support address': 'help@desk.example', 'Mail quota reserve': '2.5', 'Provider time zone': 'America/Denvr' });
    expect(r.settings.mailQuotaReserve).toBe(10);
    expect(r.settings.providerZone).toBe('America/Denver');
    expect(r.problems).toEqual([
      { rowNumber: 3, key: 'Mail quota reserve', message: '"2.5" is not a whole number; using the default (10)' },
      {
        rowNumber: 4,
        key: 'Provider time zone',
        message: '"America/Denvr" is not an IANA time zone such as America/Denver; using the default (America/Denver)',
      },
    ]);
  });

  it('keeps the reading each job agreed on: quota reserve in whole recipients, money in dollars', () => {
    expect(read({ 'Mail quota reserve': '-1' }).problems[0]!.message).toMatch(/below 0/);
    expect(read({ 'Mail quota reserve': '0' }).settings.mailQuotaReserve).toBe(0);
    expect(wholeNumber(0)('12.0')).toEqual({ ok: true, value: 12 });
    expect(dollars('$1,250.50')).toEqual({ ok: true, value: 125050 });
    expect(dollars('150 USD')).toEqual({ ok: true, value: 15000 });
    expect(dollars('125,5').ok).toBe(false);
    expect(dollars('-5').ok).toBe(false);
    expect(incrementHours('0.25')).toEqual({ ok: true, value: 15 });
    expect(incrementHours('0,5')).toEqual({ ok: true, value: 30 });
    expect(incrementHours('0.001').ok).toBe(false);
    expect(incrementHours('0').ok).toBe(false);
  });

  it('matches keys as people type them, and names an unknown or repeated key', () => {
    const r = read({ 'mail  quota reserve': '4', 'Mail quota reserv': '5', 'Colour of the sky': 'blue' });
    expect(r.settings.mailQuotaReserve).toBe(4);
    expect(r.problems.map((p) => p.message)).toEqual([
      '"Mail quota reserv" is not a setting Support Desk knows: did you mean "Mail quota reserve"?',
      '"Colour of the sky" is not a setting Support Desk knows; the automation ignores this row',
    ]);
    const twice = readSettings(
      [
        { rowNumber: 2, key: 'Mail quota reserve', value: '4' },
        { rowNumber: 9, key: 'MAIL QUOTA RESERVE', value: '7' },
      ],
      env,
    );
    expect(twice.settings.mailQuotaReserve).toBe(4);
    expect(twice.problems[0]!.message).toBe('"Mail quota reserve" is set again (first at row 2); this row is ignored');
    expect(settingNamed('Billing Increment (h)')).toBe('billingIncrementMin');
  });

  it('uses a query with a date as typed but warns about it; bad keyword rules fall back to the defaults', () => {
    const r = read({ 'Ingest query': 'label:support after:2026/01/01', 'Reason keywords': 'Bugz: crash' });
    expect(r.settings.ingestQuery).toBe('label:support after:2026/01/01');
    expect(r.settings.reasonRules).toEqual(read({}).settings.reasonRules);
    expect(r.problems.map((p) => p.message)).toEqual([
      'should not contain a date (after:, before:, …): the automation adds its own time window',
      '"Bugz" is not one of Bug, Question, Customization, Feature request, Unclassified; using the default',
    ]);
  });

  it('is the only place a setting key is read: no other product file names one', () => {
    const root = path.resolve(__dirname, '../../src');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const f = path.join(d, n);
        if (statSync(f).isDirectory()) walk(f);
        else if (f.endsWith('.ts')) files.push(f);
      }
    };
    for (const layer of ['core', 'register', 'jobs', 'gas']) walk(path.join(root, layer));
    // Keys that are also column headers of other tabs (Clients → Finance email) are left out.
    const keys = Object.values(SETTINGS)
      .map((s) => s.key)
      .filter((k) => k !== 'Finance email');
    const offenders: string[] = [];
    for (const f of files) {
      if (f.includes(`${path.sep}register${path.sep}settings${path.sep}`)) continue;
      // Names the setting in a sentence of the billing tab ("rate: Default hourly rate"); reads nothing.
      if (f.endsWith(path.join('core', 'billing', 'statement.ts'))) continue;
      const text = readFileSync(f, 'utf8');
      for (const k of keys) if (text.includes(`'${k}'`) || text.includes(`"${k}"`)) offenders.push(`${path.relative(root, f)}: ${k}`);
    }
    expect(offenders).toEqual([]);
  });
});
