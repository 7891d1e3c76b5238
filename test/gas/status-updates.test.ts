import vm from 'node:vm';
import { emulator } from '../support/emulator';
import { AFTER_FIXTURES, rows, seedRegister, withFixtures } from './ingest-support';

type Em = ReturnType<typeof emulator>;

function setCell(em: Em, id: string, header: string, value: string) {
  const values = em.workbook.sheetValues('Tickets') as unknown[][];
  const col = (values[0] as string[]).indexOf(header);
  const row = values.findIndex((r) => r[0] === id);
  em.realm.context.__set = [row + 1, col + 1, value];
  vm.runInContext(
    `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets').getRange(__set[0], __set[1]).setValue(__set[2])`,
    em.realm.context,
  );
}

describe('status updates to the requester and followers, through the bundle', () => {
  it('Waiting on customer mails what is needed (the agent’s "Needed from client"), in the thread, once; an internal status mails nobody', async () => {
    const em = emulator({ now: AFTER_FIXTURES });
    seedRegister(em);
    await withFixtures(em);
    em.call('ingestInbox');
    em.call('sweepSla');
    const before = em.mailbox.sent.length;
    // Ascent360: "if a request cannot be worked on due to insufficient detail, Ascent360 will communicate back to Client what exactly is needed".
    setCell(em, 'T-000001', 'Needed from client', 'The name of the export and a screenshot of the error.');
    setCell(em, 'T-000001', 'Status', 'Waiting on customer');
    setCell(em, 'T-000002', 'Status', 'Waiting on development');
    em.clock.advance(10 * 60_000);
    em.call('sweepSla');
    const sent = em.mailbox.sent.slice(before);
    expect(sent).toHaveLength(1);
    const t1 = rows(em, 'Tickets').find((t) => t['Ticket ID'] === 'T-000001')!;
    expect(sent[0]!.to).toContain('ann@acme.com');
    expect(sent[0]!.cc).toContain('cy@acme.com');
    expect(sent[0]!.threadId).toBe(t1['Thread ID']);
    // In the thread, under its own subject with the ticket tag the client was asked to keep.
    expect(sent[0]!.subject).toMatch(/^Re: \[#T-000001\] Waiting on you: /);
    // Written as a person would: Ann's name from Contacts, an HTML part.
    expect(sent[0]!.text).toMatch(/^Hello Ann Lee,/);
    expect(sent[0]!.html).toContain('The name of the export and a screenshot of the error.');
    expect(sent[0]!.text).toContain('The name of the export and a screenshot of the error.');
    expect(String(t1.Notified)).toMatch(/waiting@\S+ — sent: ann@acme\.com/);
    em.clock.advance(10 * 60_000);
    em.call('sweepSla');
    expect(em.mailbox.sent.length).toBe(before + 1);
  });
});

describe('incident reports for Enterprise, through the bundle', () => {
  it('a Critical ticket of an Enterprise client Resolved gives the CSM a draft incident report (timeline in the client’s zone), never sent, once', async () => {
    const em = emulator({ now: AFTER_FIXTURES });
    seedRegister(em);
    await withFixtures(em);
    // essensys: Incident Reporting for Enterprise editions.
    const clients = em.workbook.sheetValues('Clients') as unknown[][];
    const h = clients[0] as string[];
    for (let i = 1; i < clients.length; i++) {
      em.workbook.writeRaw('Clients', [['Enterprise']], i + 1, h.indexOf('Edition') + 1);
      em.workbook.writeRaw('Clients', [['csm@helpdesk.test']], i + 1, h.indexOf('CSM email') + 1);
    }
    em.call('ingestInbox');
    const critical = rows(em, 'Tickets').find((t) => t.Priority === 'Critical')!;
    const other = rows(em, 'Tickets').find((t) => t.Priority !== 'Critical')!;
    setCell(em, String(critical['Ticket ID']), 'Status', 'Resolved');
    setCell(em, String(other['Ticket ID']), 'Status', 'Resolved');
    em.clock.advance(10 * 60_000);
    const sentBefore = em.mailbox.sent.length;
    em.call('sweepSla');
    const reports = em.mailbox.drafts.filter((d) => d.subject.includes('Incident report'));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.to).toBe('csm@helpdesk.test');
    expect(reports[0]!.subject).toContain(`[#${critical['Ticket ID']}]`);
    expect(reports[0]!.text).toMatch(/Timeline\n- \w{3} 2 Nov 2026 \d\d:\d\d MST: reported by /);
    expect(reports[0]!.text).toMatch(/: resolved\n/);
    expect(reports[0]!.text).toContain('Times are in America/Denver.');
    // Never sent: only the two customers' resolution notices went out.
    expect(em.mailbox.sent.slice(sentBefore).some((m) => m.subject.includes('Incident report'))).toBe(false);
    expect(String(rows(em, 'Tickets').find((t) => t['Ticket ID'] === critical['Ticket ID'])!.Notified)).toMatch(
      /incident report@\S+ — draft/,
    );
    em.clock.advance(10 * 60_000);
    em.call('sweepSla');
    expect(em.mailbox.drafts.filter((d) => d.subject.includes('Incident report'))).toHaveLength(1);
  });
});
