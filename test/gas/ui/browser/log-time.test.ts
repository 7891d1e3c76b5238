import type { Page } from 'playwright-core';
import { emulator } from '../../../support/emulator';
import { focused, lastSidebarHtml, launch, screenshot, serveSidebar, type Browser, type ServedSidebar } from '../../../support/browser';
import { novemberRegister, records } from '../register';
import type { Emulator } from '../../../../src/local/emulator';

// Callbacks passed to page.evaluate run in the page. The Node project has no DOM lib, so the
// page's globals are declared loosely here (module-scoped, so nothing leaks into other files).
declare const document: any;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Open {
  em: Emulator;
  page: Page;
  served: ServedSidebar;
  dialogs: string[];
}
const opened: Open[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.page.close();
    await o.served.close();
    // The page must never have handed Apps Script something it drops (a Date), nor run injected markup.
    expect(o.served.warnings).toEqual([]);
    expect(o.dialogs).toEqual([]);
  }
});

/** Opens the Log time sidebar as the menu does, in chromium, and waits for its form. */
async function openLogTime(): Promise<Open> {
  const em = emulator({ clockFollowsCalls: false });
  novemberRegister(em);
  em.call('showLogTimeSidebar');
  const served = await serveSidebar(em, lastSidebarHtml(em));
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(served.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  const o = { em, page, served, dialogs };
  opened.push(o);
  return o;
}

const hoursRows = (em: Emulator) => records(em, 'Hours');

describe('Log time sidebar in chromium (real HTML, real server functions)', () => {
  it('labels every field, describes hints and errors, and has live regions', async () => {
    const { page } = await openLogTime();
    const fields = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea')).map((el) => {
        const e = el as any;
        return {
          id: e.id,
          label: Array.from(e.labels ?? [])
            .map((l: any) => l.textContent!.trim())
            .join(' '),
          describedBy: e.getAttribute('aria-describedby') ?? '',
        };
      }),
    );
    expect(fields.map((f) => f.id)).toEqual(['client', 'ticket', 'activity', 'hours', 'date', 'required', 'notes']);
    for (const f of fields) {
      expect(f.label, `label of ${f.id}`).not.toBe('');
      expect(f.describedBy.split(' ')).toContain(`${f.id}-error`);
    }
    expect(await page.getAttribute('#form-status', 'aria-live')).toBe('assertive');
    expect(await page.getAttribute('#form-status', 'role')).toBe('alert');
    expect(await page.getAttribute('#done-status', 'aria-live')).toBe('polite');
    await screenshot(page, 'log-time-sidebar');
  });

  it('a CSM logs an hour with the keyboard alone, sees it counted, and the row lands in Hours', async () => {
    const { em, page } = await openLogTime();
    const before = hoursRows(em).length;
    expect(await focused(page)).toBe('client');
    await page.keyboard.type('Acme');
    expect(await page.inputValue('#client')).toBe('ACME');
    await page.waitForFunction(() => document.getElementById('usage-text')!.textContent !== '');
    expect(await page.textContent('#usage-text')).toBe('3 h of 6 h counted in 2026-11 (50%)');

    // Focus order follows the form: client → ticket → activity → duration → date → required → notes → submit.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('ticket');
    // Only ACME's open and recent tickets are offered.
    const tickets = await page.$$eval('#ticket option', (os) => os.map((o) => (o as any).value));
    expect(tickets).toEqual(['', 'T-000010', 'T-000012']);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('activity');
    await page.keyboard.type('Account review');
    expect(await page.inputValue('#activity')).toBe('Account review');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('hours');
    await page.keyboard.type('1:30');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('date');
    expect(await page.inputValue('#date')).toBe('2026-11-02'); // today by default
    // A date input has a stop per part (month, day, year) in chromium: tab past them.
    for (let i = 0; i < 4 && (await focused(page)) === 'date'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('required');
    expect(await page.isChecked('#required')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('notes');
    await page.keyboard.type('Quarterly review prep');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('submit');
    await page.keyboard.press('Enter');

    await page.waitForFunction(() => document.getElementById('done-status')!.textContent !== '');
    expect(await page.textContent('#done-status')).toMatch(
      /^Logged 1\.5 h of Account review for ACME on 2026-11-02 \(row \d+\)\. Counts toward the contract\.$/,
    );
    expect(await page.textContent('#usage-text')).toBe('4.5 h of 6 h counted in 2026-11 (75%)');
    expect(await page.getAttribute('#usage-fill', 'style')).toContain('width: 75%');
    expect(await focused(page)).toBe('hours'); // ready for the next entry
    expect(await page.inputValue('#hours')).toBe('');

    const rows = hoursRows(em);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      'Client ID': 'ACME',
      Person: 'support@helpdesk.test',
      'Ticket ID': '',
      Activity: 'Account review',
      Hours: '1:30',
      'Required attendee': 'Yes',
      Counted: 1.5,
      Notes: 'Quarterly review prep',
    });
    await screenshot(page, 'log-time-logged');
  });

  it('shows the server’s validation next to each field, announces it, focuses the first, and writes nothing', async () => {
    const { em, page } = await openLogTime();
    const before = em.workbook.sheetValues('Hours');
    await page.selectOption('#client', 'ACME');
    await page.selectOption('#ticket', 'T-000010');
    await page.fill('#hours', 'abc');
    await page.click('#submit');
    await page.waitForFunction(() => document.getElementById('form-status')!.textContent !== '');
    expect(await page.textContent('#hours-error')).toBe('Hours "abc" is not a duration (use 1.5, 1:30 or 90m)');
    expect(await page.textContent('#activity-error')).toMatch(/Activity/);
    expect(await page.getAttribute('#hours', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#activity', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#form-status')).toMatch(/^Nothing was logged: 2 fields need attention\. /);
    expect(await focused(page)).toBe('activity'); // the first invalid field in form order
    expect(em.workbook.sheetValues('Hours')).toEqual(before);
    await screenshot(page, 'log-time-errors');

    // Fixing the fields clears the errors on the next submit.
    await page.selectOption('#activity', 'Troubleshooting');
    await page.fill('#hours', '45m');
    await page.click('#submit');
    await page.waitForFunction(() => document.getElementById('done-status')!.textContent !== '');
    expect(await page.textContent('#hours-error')).toBe('');
    expect(await page.getAttribute('#hours', 'aria-invalid')).toBeNull();
    // Troubleshooting a bug ticket is logged but not counted: the bar stays.
    expect(await page.textContent('#done-status')).toMatch(/Not counted: Troubleshooting on T-000010, a bug/);
    expect(await page.textContent('#usage-text')).toBe('3 h of 6 h counted in 2026-11 (50%)');
    expect(hoursRows(em).at(-1)).toMatchObject({ 'Ticket ID': 'T-000010', Hours: '45m', Counted: 0 });
  });

  it('refuses another client’s ticket and a future date with the register’s own checks', async () => {
    const { em, page, served } = await openLogTime();
    const before = em.workbook.sheetValues('Hours');
    await page.selectOption('#client', 'BETA');
    expect(await page.$$eval('#ticket option', (os) => os.map((o) => (o as any).value))).toEqual(['', 'T-000020']);
    expect(await page.textContent('#usage-text')).toBe('1 h of 10 h counted in 2026-11 (10%)');
    await page.selectOption('#activity', 'Reporting');
    await page.fill('#hours', '2');
    await page.$eval('#date', (d) => ((d as any).value = '2026-11-05'));
    await page.click('#submit');
    await page.waitForFunction(() => document.getElementById('form-status')!.textContent !== '');
    expect(await page.textContent('#date-error')).toBe('Date 2026-11-05 is in the future');
    expect(em.workbook.sheetValues('Hours')).toEqual(before);
    expect(served.calls.map((c) => c.name)).toEqual(['logTimeForm', 'submitTimeEntry']);
    expect(served.calls[1]!.args[0]).toMatchObject({
      client: 'BETA',
      activity: 'Reporting',
      hours: '2',
      date: '2026-11-05',
      required: 'Yes',
    });
  });

  it('unticking Required attendee logs the time as not counted', async () => {
    const { em, page } = await openLogTime();
    await page.selectOption('#client', 'ACME');
    await page.selectOption('#activity', 'Account review');
    await page.fill('#hours', '1');
    await page.focus('#required');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#required')).toBe(false);
    await page.keyboard.press('Enter'); // Enter in a form field submits the form
    await page.waitForFunction(() => document.getElementById('done-status')!.textContent !== '');
    expect(hoursRows(em).at(-1)).toMatchObject({ 'Required attendee': 'No', Counted: 0 });
  });

  it('shows ticket subjects from outside mail as text, never as markup', async () => {
    const { page } = await openLogTime();
    await page.selectOption('#client', 'ACME');
    const label = await page.$eval('#ticket option[value="T-000010"]', (o) => o.textContent);
    expect(label).toBe('T-000010 · Sync broken <img src=x onerror=alert(1)>');
    expect(await page.$$('img')).toHaveLength(0);
  });

  it('says so when the server fails (no register), instead of a dead form', async () => {
    const em = emulator({ clockFollowsCalls: false });
    em.call('showLogTimeSidebar');
    const served = await serveSidebar(em, lastSidebarHtml(em));
    const page = await browser.context.newPage();
    opened.push({ em, page, served, dialogs: [] });
    await page.goto(served.url);
    await page.waitForSelector('body[data-ready="error"]', { timeout: 10_000 });
    expect(await page.textContent('#form-status')).toMatch(/tab is missing: run Support Desk → Set up register/);
  });
});
