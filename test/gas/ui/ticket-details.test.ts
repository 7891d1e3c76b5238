import { emulator, inSandbox } from '../../support/emulator';
import { fill, at, novemberRegister } from './register';
import type { Emulator } from '../../../src/local/emulator';

function fresh(): Emulator {
  const em = emulator({ clockFollowsCalls: false });
  novemberRegister(em);
  return em;
}

/** Puts the cursor on a cell, as a person clicking in the sheet. */
function select(em: Emulator, tab: string, a1: string): void {
  inSandbox(
    em,
    `var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.getSheetByName(${JSON.stringify(tab)}).activate(); ss.setActiveSelection(${JSON.stringify(a1)});`,
  );
}

describe('Ticket details sidebar: server side in the emulator (real bundle)', () => {
  it('opens for the selected Tickets row with that ticket handed to the page (escaped)', () => {
    const em = fresh();
    select(em, 'Tickets', 'E2');
    em.call('showTicketDetails');
    const d = em.workbook.ui.dialogs.at(-1)!;
    expect(d).toMatchObject({ kind: 'sidebar', title: 'Ticket details' });
    const html = (d.html as { getContent(): string }).getContent();
    expect(html).toContain('data-ticket="T-000010"');
    expect(html).toMatch(/<label[^>]*for="ticket-id"/);
  });

  it('gives the SLA timeline in order: received, response, pause, met, escalation, dues ahead', () => {
    const em = fresh();
    const d = em.call<any>('ticketDetails', 'T-000010');
    expect(JSON.parse(JSON.stringify(d))).toEqual(d); // plain JSON, as google.script.run needs
    expect(d.ticket).toMatchObject({
      id: 'T-000010',
      clientName: 'Acme Outfitters',
      priority: 'High',
      status: 'Open',
      slaState: 'At risk',
      escalationTier: '1',
    });
    expect(d.ticket.subject).toBe('Sync broken <img src=x onerror=alert(1)>'); // as sent; the page shows it as text
    const kinds = d.timeline.map((e: any) => `${e.kind}:${e.label}`);
    expect(kinds).toEqual([
      'received:Received',
      'response:Staff response',
      'met:First response met', // recorded at the response (11:30), before the 14:00 deadline
      'due:First response due',
      'pause:Paused: waiting on customer',
      'resume:Resumed',
      'escalation:Notified: resolution T1',
      'due:Resolution due',
    ]);
    expect(d.timeline[0].when).toBe('Thu 29 Oct 2026 10:00 MDT');
    expect(d.timeline.at(-1).future).toBe(true);
    expect(d.timeline[6].detail).toBe('sent — dana@helpdesk.test');
    expect(d.messages.map((m: any) => [m.from, m.kind])).toEqual([
      ['pat@acme.test', 'customer'],
      ['dana@helpdesk.test', 'staff'],
      ['pat@acme.test', 'customer'],
    ]);
    expect(d.threadUrl).toBe('https://mail.google.com/mail/u/0/#all/18c0ffee00000010');
  });

  it('includes the note that explains a deadline, and the ticket’s Log lines', () => {
    const em = fresh();
    // The note sits on the First response due cell, wherever that column is.
    const dueColumn = (em.workbook.sheetValues('Tickets')[0] as string[]).indexOf('First response due') + 1;
    inSandbox(
      em,
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets').getRange(2, ${dueColumn}).setNote('4 business hours of CSM / High from Thu 10:00')`,
    );
    fill(em, 'Log', [{ At: at('2026-11-02T08:00'), Job: 'sweep', Action: 'Escalated', 'Ticket ID': 'T-000010', Detail: 'Tier 1 mailed' }]);
    const d = em.call<any>('ticketDetails', 't-000010');
    expect(d.timeline.find((e: any) => e.label === 'First response due').detail).toBe('4 business hours of CSM / High from Thu 10:00');
    expect(d.log).toEqual([{ when: 'Mon 2 Nov 2026 08:00 MST', job: 'sweep', action: 'Escalated', detail: 'Tier 1 mailed' }]);
  });

  it('finds the ticket of the selected row on other tabs too (Messages)', () => {
    const em = fresh();
    select(em, 'Messages', 'B5');
    expect(em.call<any>('ticketDetails').ticket.id).toBe('T-000020');
  });

  it('says what to do when nothing usable is selected or the ID is unknown', () => {
    const em = fresh();
    select(em, 'Settings', 'A3');
    expect(em.run('ticketDetails').error?.message).toMatch(/Select a row of the Tickets tab/);
    expect(em.run('ticketDetails', 'T-424242').error?.message).toBe('T-424242 is not in the Tickets tab.');
    expect(em.run('ticketDetails', 'drop table').error?.message).toMatch(/is not a ticket ID/);
  });
});
