import { emulator, inSandbox } from '../../../support/emulator';
import { focused, lastSidebarHtml, launch, screenshot, serveSidebar, type Browser } from '../../../support/browser';
import { novemberRegister } from '../register';

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

async function openFor(selectA1: string) {
  const em = emulator({ clockFollowsCalls: false });
  novemberRegister(em);
  inSandbox(
    em,
    `var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.getSheetByName('Tickets').activate(); ss.setActiveSelection('${selectA1}');`,
  );
  em.call('showTicketDetails');
  const served = await serveSidebar(em, lastSidebarHtml(em));
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(served.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  return { em, page, served, dialogs };
}

describe('Ticket details sidebar in chromium (real HTML, real server functions)', () => {
  it('shows the selected row’s ticket: summary, SLA timeline, messages and the Gmail link', async () => {
    const { page, served, dialogs } = await openFor('C2');
    try {
      expect(await page.textContent('#ticket-title')).toBe('T-000010: Sync broken <img src=x onerror=alert(1)>');
      expect(await page.$$('img')).toHaveLength(0); // outside text stays text
      const timeline = await page.$$eval('#timeline li', (lis) => lis.map((li) => li.querySelector('.label')!.textContent));
      expect(timeline).toEqual([
        'Received',
        'Staff response',
        'First response met',
        'First response due',
        'Paused: waiting on customer',
        'Resumed',
        'Notified: resolution T1',
        'Resolution due',
      ]);
      expect(await page.$eval('#timeline li:last-child', (li) => li.className)).toBe('due future');
      expect(await page.$$eval('#messages li', (lis) => lis.length)).toBe(3);
      expect(await page.getAttribute('#thread', 'href')).toBe('https://mail.google.com/mail/u/0/#all/18c0ffee00000010');
      expect(await page.isVisible('#thread')).toBe(true);
      expect(await page.textContent('#status')).toBe('Showing T-000010 (times in America/Denver).');
      expect(served.warnings).toEqual([]);
      expect(dialogs).toEqual([]);
      await screenshot(page, 'ticket-details-sidebar');
    } finally {
      await page.close();
      await served.close();
    }
  });

  it('switches ticket by keyboard, labels its field and announces an unknown ID', async () => {
    const { page, served } = await openFor('C2');
    try {
      expect(
        await page.evaluate(() => Array.from((document.getElementById('ticket-id') as any).labels!).map((l: any) => l.textContent)),
      ).toEqual(['Ticket ID']);
      expect(await page.getAttribute('#status', 'aria-live')).toBe('polite');
      // Tab order (T-000010 has a thread): the ID field, Show, Selected row, then the Gmail link.
      await page.focus('#ticket-id');
      const order: string[] = [];
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        order.push(await focused(page));
      }
      expect(order).toEqual(['show', 'selected', 'thread']);
      await page.focus('#ticket-id');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('T-000020');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('Showing T-000020'));
      expect(await page.textContent('#ticket-title')).toBe('T-000020: Report request');
      expect(await page.isHidden('#thread')).toBe(true); // no Thread ID on that row: no link

      await page.fill('#ticket-id', 'T-424242');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('not in the Tickets tab'));
      expect(await page.textContent('#status')).toBe('T-424242 is not in the Tickets tab.');
      expect(await page.isHidden('#ticket')).toBe(true);
      await screenshot(page, 'ticket-details-unknown');
    } finally {
      await page.close();
      await served.close();
    }
  });
});
