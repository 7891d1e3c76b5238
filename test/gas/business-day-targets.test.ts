import { emulator, inSandbox } from '../support/emulator';
import { rows, seedRegister } from './ingest-support';

/** Mon 2 Nov 2026, 10:00 MST. */
const NOW = Date.UTC(2026, 10, 2, 17, 0, 0);

function setPolicyCell(em: ReturnType<typeof emulator>, plan: string, priority: string, header: string, value: string | number) {
  inSandbox(
    em,
    `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('SLA Policies');
     var v = sh.getDataRange().getValues();
     var col = v[0].indexOf(${JSON.stringify(header)});
     for (var r = 1; r < v.length; r++)
       if (v[r][0] === ${JSON.stringify(plan)} && v[r][1] === ${JSON.stringify(priority)}) sh.getRange(r + 1, col + 1).setValue(${JSON.stringify(value)});
     return true;`,
  );
}

async function request(em: ReturnType<typeof emulator>, id: string, subject: string) {
  await em.mailbox.deliver(
    [
      'From: Ann Lee <ann@acme.com>',
      'To: support@helpdesk.test',
      `Subject: ${subject}`,
      `Date: ${new Date(NOW).toUTCString()}`,
      `Message-ID: <${id}@acme.com>`,
      '',
      'Thanks.',
      '',
    ].join('\r\n'),
    { at: NOW },
  );
}

describe('SLA Policies targets in hours or business days, through the bundle', () => {
  it('"2 business days" is a valid target: the acknowledgement says it in words and the due note explains the count', async () => {
    const em = emulator({ now: NOW + 60_000 });
    seedRegister(em);
    // ADvendio: "our target initial response time ranges from 2 hours - 2 business days".
    setPolicyCell(em, 'Standard', 'Low', 'First response (h)', '2 business days');
    setPolicyCell(em, 'Standard', 'High', 'First response (h)', 0.5);
    await request(em, 'bd-1', 'How do I add a user?');
    await request(em, 'bd-2', 'The export fails');
    em.call('ingestInbox');
    expect(rows(em, 'SLA Policies').filter((r) => r.Problems !== '')).toEqual([]);
    const tickets = rows(em, 'Tickets');
    const low = tickets.find((t) => t.Subject === 'How do I add a user?')!;
    expect(low.Priority).toBe('Low');
    expect((low['First response due'] as Date).toISOString()).toBe('2026-11-04T17:00:00.000Z');
    const ack = em.mailbox.sent.find((m) => m.subject.includes(String(low['Ticket ID'])))!;
    expect(ack.text).toContain('You will hear from us within 2 business days, by Wed 4 Nov 2026 10:00 MST.');
    const halfHour = em.mailbox.sent.find((m) => m.subject.includes('The export fails'))!;
    expect(halfHour.text).toContain('within 30 business minutes, by Mon 2 Nov 2026 10:30 MST');
    const note = inSandbox<string>(
      em,
      `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tickets');
       var v = sh.getDataRange().getValues();
       var col = v[0].indexOf('First response due');
       for (var r = 1; r < v.length; r++) if (v[r][0] === ${JSON.stringify(low['Ticket ID'])}) return sh.getRange(r + 1, col + 1).getNote();`,
    );
    expect(note).toMatch(/^2 business days \(the same time on the 2nd later day with open hours; weekends and holidays do not count/);
    expect(note).toMatch(/→ Wed 10:00 MST$/);
  });

  it('a target that is neither hours nor business days is a problem on its row, with what to type', async () => {
    const em = emulator({ now: NOW + 60_000 });
    seedRegister(em);
    setPolicyCell(em, 'Standard', 'Critical', 'First response (h)', '2 weeks');
    await request(em, 'bd-3', 'How do I add a user?');
    em.call('ingestInbox');
    em.call('sweepSla');
    const bad = rows(em, 'SLA Policies').find((r) => r.Plan === 'Standard' && r.Priority === 'Critical')!;
    expect(String(bad.Problems)).toMatch(
      /First response \(h\) must be hours \(e\.g\. 4 or 0\.5\) or business days \(e\.g\. 2 business days\)/,
    );
  });
});
