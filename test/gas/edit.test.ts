import { DateTime } from 'luxon';
import { headersOf } from '../../src/register/tab-spec';
import { ClientsTab, TicketsTab } from '../../src/register/tabs';
import { columnLetters } from '../../src/local/emulator/spreadsheet/a1';
import vm from 'node:vm';
import { emulator, inSandbox } from '../support/emulator';
import { useContractPolicies } from '../support/contract-policies';
import type { Emulator } from '../../src/local/emulator';

const ZONE = 'America/Denver';
const mt = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

function put(em: Emulator, tab: string, headers: string[], records: Record<string, unknown>[]) {
  em.workbook.writeRaw(
    tab,
    records.map((r) => headers.map((h) => (r[h] ?? '') as never)),
    2,
    1,
  );
}

function ticketRow(i: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'Ticket ID': `T-${String(i).padStart(6, '0')}`,
    'Client ID': 'ACME',
    Requester: 'ann@acme.test',
    Subject: `Help ${i}`,
    Priority: 'High',
    Status: 'Open',
    Assignee: 'sam@helpdesk.test',
    'Received at': new Date(mt('2026-11-02T09:00')),
    ...over,
  };
}

/** A set-up register with one client (plan as given), the given tickets and the automation installed. */
function register(tickets: Record<string, unknown>[], plan = 'Standard'): Emulator {
  const em = emulator({ now: mt('2026-11-02T08:00'), clockFollowsCalls: false });
  em.call('setup');
  useContractPolicies(em);
  put(em, 'Clients', headersOf(ClientsTab), [
    {
      'Client ID': 'ACME',
      Name: 'Acme Corp',
      Plan: plan,
      'CSM email': 'csm@helpdesk.test',
      'Escalation matrix': 'CSM-Director-VP',
      Status: 'Active',
    },
  ]);
  const esc = em.workbook.sheetValues('Escalation');
  const h = esc[0] as string[];
  const emails: Record<string, string> = { 'Director Client Success': 'director@helpdesk.test', 'VP Client Success': 'vp@helpdesk.test' };
  esc.forEach((row, i) => {
    const email = emails[String(row[h.indexOf('Title')])];
    if (email) em.workbook.writeRaw('Escalation', [[email]], i + 1, h.indexOf('Email') + 1);
  });
  put(em, 'Tickets', headersOf(TicketsTab), tickets);
  em.call('installTriggers');
  return em;
}

const header = (em: Emulator, tab = 'Tickets') => em.workbook.sheetValues(tab)[0] as string[];
const a1 = (em: Emulator, h: string, row: number) => `${columnLetters(header(em).indexOf(h) + 1)}${row}`;
const rowOf = (em: Emulator, id: string) => em.workbook.sheetValues('Tickets').findIndex((r) => r[0] === id) + 1;
const cell = (em: Emulator, id: string, h: string) => em.workbook.sheetValues('Tickets')[rowOf(em, id) - 1]![header(em).indexOf(h)];
const ms = (v: unknown) => (v as Date).getTime();
const logOf = (em: Emulator) => {
  const [h, ...rows] = em.workbook.sheetValues('Log') as unknown[][];
  return rows.map((r) => ({
    action: String(r[(h as string[]).indexOf('Action')]),
    ticket: String(r[(h as string[]).indexOf('Ticket ID')]),
    detail: String(r[(h as string[]).indexOf('Detail')]),
  }));
};
const at = (em: Emulator, iso: string) => em.clock.set(mt(iso));
const edit = (em: Emulator, id: string, h: string, value: unknown, user = 'ann.agent@helpdesk.test') => {
  const r = em.edit('Tickets', a1(em, h, rowOf(em, id)), value, { user });
  for (const run of r.installed) if (run.result.error) throw run.result.error;
  return r;
};

describe('handleEdit: the installable edit trigger in the emulator', () => {
  it('is installed as an ON_EDIT trigger, and the event it gets is Apps Script’s (value/oldValue for one cell only)', () => {
    const em = register([ticketRow(1)]);
    expect(em.triggers.triggers.filter((t) => t.eventType === 'ON_EDIT').map((t) => t.handler)).toEqual(['handleEdit']);
    const one = edit(em, 'T-000001', 'Priority', 'Low');
    expect(one.simple?.error).toBeUndefined();
    expect(one.installed.map((r) => r.handler)).toEqual(['handleEdit']);
    expect(one.installed[0]!.result.value).toMatch(/1 ticket\(s\) recomputed/);
  });

  it('the emulator delivers Apps Script’s edit event: value/oldValue for single cells only, dates as serials', () => {
    const em = register([ticketRow(1)]);
    vm.runInContext(
      `function probeEdit(e) {
        return JSON.stringify({ a1: e.range.getA1Notation(), sheet: e.source.getActiveSheet && e.range.getSheet().getName(), user: e.user.getEmail(),
          auth: e.authMode, uid: e.triggerUid, hasValue: 'value' in e, value: e.value, hasOld: 'oldValue' in e, old: e.oldValue });
      }`,
      em.realm.context,
    );
    inSandbox(em, `ScriptApp.newTrigger('probeEdit').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); return null;`);
    const probe = (r: ReturnType<Emulator['edit']>) => JSON.parse(String(r.installed.find((i) => i.handler === 'probeEdit')!.result.value));
    const one = probe(em.edit('Tickets', a1(em, 'Priority', 2), 'Low', { user: 'kim@helpdesk.test' }));
    expect(one).toMatchObject({
      a1: a1(em, 'Priority', 2),
      sheet: 'Tickets',
      user: 'kim@helpdesk.test',
      auth: 'FULL',
      hasValue: true,
      value: 'Low',
      hasOld: true,
      old: 'High',
    });
    expect(one.uid).toMatch(/^\d+$/);
    // 2026-11-02 09:00 MST = serial 46328.375 in the spreadsheet's zone.
    expect(probe(em.edit('Tickets', a1(em, 'Received at', 2), '2026-11-03 09:00')).old).toBe('46328.375');
    const blankBefore = probe(em.edit('Tickets', a1(em, 'Assignee', 3), 'kim@helpdesk.test'));
    expect(blankBefore).toMatchObject({ hasOld: false, hasValue: true });
    const paste = probe(em.edit('Tickets', a1(em, 'Reason', 2), [['Bug', 'Low']]));
    expect(paste).toMatchObject({ a1: `${a1(em, 'Reason', 2)}:${a1(em, 'Priority', 2)}`, hasValue: false, hasOld: false });
    // A value the dropdown rejects is refused as Sheets refuses typing: nothing fires.
    expect(() => em.edit('Tickets', a1(em, 'Status', 2), 'Done-ish')).toThrow();
  });

  it('Waiting on customer pauses at the edit moment and resuming moves Resolution due by the paused business time', () => {
    // Enterprise High: 4 h first response, 40 h resolution (the contract's SLA Policies).
    const em = register([ticketRow(1, { 'First response at': new Date(mt('2026-11-02T09:30')) })], 'Enterprise');
    at(em, '2026-11-02T10:00');
    em.call('sweepSla');
    const due0 = ms(cell(em, 'T-000001', 'Resolution due'));

    at(em, '2026-11-02T11:00');
    edit(em, 'T-000001', 'Status', 'Waiting on customer');
    expect(cell(em, 'T-000001', 'Paused')).toBe('2026-11-02T11:00-07:00 →');
    expect(cell(em, 'T-000001', 'SLA state')).toBe('Paused');
    expect(cell(em, 'T-000001', 'Resolution due')).toBe('');

    at(em, '2026-11-02T13:00');
    edit(em, 'T-000001', 'Status', 'Open');
    expect(cell(em, 'T-000001', 'Paused')).toBe('2026-11-02T11:00-07:00 → 2026-11-02T13:00-07:00');
    expect(ms(cell(em, 'T-000001', 'Resolution due'))).toBe(due0 + 2 * 3600_000);
    expect(cell(em, 'T-000001', 'SLA state')).toBe('On track');
    const stamps = logOf(em)
      .filter((l) => l.action === 'Status stamp')
      .map((l) => l.detail);
    expect(stamps).toEqual([
      'pause started by the edit by ann.agent@helpdesk.test (Status is Waiting on customer)',
      'pause ended by the edit by ann.agent@helpdesk.test (Status is Open)',
    ]);
    // A later sweep agrees with what the edits wrote: nothing to change. The Dashboard's
    // hourly refresh is the sweep's only other write (tested with the dashboard): mark it
    // fresh so the count below speaks of the Tickets tab alone.
    at(em, '2026-11-02T13:05');
    em.properties.document.data.set('dashboard.refreshedAt', String(mt('2026-11-02T13:00')));
    const sweep = em.run<string>('sweepSla');
    expect(sweep.calls.counts['SpreadsheetApp.Range.setValues'] ?? 0).toBe(0);
  });

  it('a Priority change recomputes every deadline from Received at and logs old → new', () => {
    const em = register([ticketRow(1, { Priority: 'Low' })]);
    at(em, '2026-11-02T10:00');
    em.call('sweepSla');
    expect(ms(cell(em, 'T-000001', 'First response due'))).toBe(mt('2026-11-02T17:00'));
    at(em, '2026-11-02T10:05');
    edit(em, 'T-000001', 'Priority', 'Critical');
    expect(ms(cell(em, 'T-000001', 'First response due'))).toBe(mt('2026-11-02T11:00'));
    expect(ms(cell(em, 'T-000001', 'Next update due'))).toBe(mt('2026-11-02T11:00'));
    expect(cell(em, 'T-000001', 'Policy')).toMatch(/^\w+\/Critical: first response /);
    const log = logOf(em);
    expect(log).toContainEqual({ action: 'Priority changed', ticket: 'T-000001', detail: 'Low → Critical by ann.agent@helpdesk.test' });
    expect(log.find((l) => l.action === 'Deadlines moved')!.detail).toBe(
      'First response due Mon 2 Nov 2026 17:00 MST → Mon 2 Nov 2026 11:00 MST; Next update due none (paused or not set) → Mon 2 Nov 2026 11:00 MST',
    );
    expect(log.some((l) => l.action === 'Policy reapplied' && /was Standard\/Low/.test(l.detail))).toBe(true);
    expect(em.workbook.ui.toasts.at(-1)!.message).toContain('Deadlines moved — T-000001');
  });

  it('Resolved stamps Resolved at; the next sweep replies in the ticket’s Gmail thread with followers on Cc; Resolved → Open clears it', async () => {
    const em = register([ticketRow(1, { Followers: 'bob@acme.test', 'First response at': new Date(mt('2026-11-02T09:30')) })]);
    const delivered = await em.mailbox.deliver(
      [
        'From: Ann <ann@acme.test>',
        'To: support@helpdesk.test',
        'Cc: bob@acme.test',
        'Subject: Help 1',
        'Date: Mon, 02 Nov 2026 09:00:00 -0700',
        'Message-ID: <help1@acme.test>',
        '',
        'It is broken.',
        '',
      ].join('\r\n'),
      { at: mt('2026-11-02T09:00') },
    );
    em.workbook.writeRaw('Tickets', [[delivered.threadId]], rowOf(em, 'T-000001'), header(em).indexOf('Thread ID') + 1);

    at(em, '2026-11-02T14:00');
    edit(em, 'T-000001', 'Status', 'Resolved');
    expect(ms(cell(em, 'T-000001', 'Resolved at'))).toBe(mt('2026-11-02T14:00'));
    expect(cell(em, 'T-000001', 'SLA state')).toBe('Met');
    expect(em.mailbox.sent).toHaveLength(0); // the edit never mails: the sweep does, once

    at(em, '2026-11-02T14:10');
    em.call('sweepSla');
    at(em, '2026-11-02T14:20');
    em.call('sweepSla');
    expect(em.mailbox.sent).toHaveLength(1);
    const notice = em.mailbox.sent[0]!;
    expect(notice.threadId).toBe(delivered.threadId);
    expect(notice.to).toContain('ann@acme.test');
    expect(notice.cc).toContain('bob@acme.test');
    expect(notice.inReplyTo).toBe('<help1@acme.test>');

    at(em, '2026-11-02T15:00');
    edit(em, 'T-000001', 'Status', 'Open');
    expect(cell(em, 'T-000001', 'Resolved at')).toBe('');
    // Standard High has only a first-response target, met at 09:30 and final: reopening keeps it.
    expect(cell(em, 'T-000001', 'SLA record')).toBe('first response: Met 2026-11-02T16:30:00Z');
    expect(cell(em, 'T-000001', 'SLA state')).toBe('Met');
    expect(logOf(em).some((l) => l.action === 'Status stamp' && l.detail.startsWith('Resolved at cleared (reopened) by the edit'))).toBe(
      true,
    );
  });

  it('the resolved notice goes to the requester, never to a later sender whose display name holds their address', async () => {
    const em = register([ticketRow(1, { 'First response at': new Date(mt('2026-11-02T09:30')) })]);
    const delivered = await em.mailbox.deliver(
      [
        'From: Ann <ann@acme.test>',
        'To: support@helpdesk.test',
        'Subject: Help 1',
        'Date: Mon, 02 Nov 2026 09:00:00 -0700',
        'Message-ID: <help1@acme.test>',
        '',
        'It is broken.',
        '',
      ].join('\r\n'),
      { at: mt('2026-11-02T09:00') },
    );
    // Later in the same thread: a sender whose display name is Ann's address, and one whose address only contains it.
    for (const [from, id, time] of [
      ['"ann@acme.test" <mallory@evil.example>', '<m1@evil.example>', '10:00'],
      ['Ann <xann@acme.test>', '<m2@acme.test>', '10:05'],
    ] as const) {
      await em.mailbox.deliver(
        [
          `From: ${from}`,
          'To: support@helpdesk.test',
          'Subject: Re: Help 1',
          `Date: ${new Date(mt(`2026-11-02T${time}`)).toUTCString()}`,
          `Message-ID: ${id}`,
          'In-Reply-To: <help1@acme.test>',
          'References: <help1@acme.test>',
          '',
          'Me too.',
          '',
        ].join('\r\n'),
        { at: mt(`2026-11-02T${time}`) },
      );
    }
    em.workbook.writeRaw('Tickets', [[delivered.threadId]], rowOf(em, 'T-000001'), header(em).indexOf('Thread ID') + 1);
    at(em, '2026-11-02T14:00');
    edit(em, 'T-000001', 'Status', 'Resolved');
    at(em, '2026-11-02T14:10');
    em.call('sweepSla');
    expect(em.mailbox.sent).toHaveLength(1);
    const notice = em.mailbox.sent[0]!;
    expect(notice.to).toContain('ann@acme.test');
    expect(`${notice.to} ${notice.cc}`).not.toMatch(/mallory|xann/);
    // Still in the thread, answering Ann's own message.
    expect(notice.threadId).toBe(delivered.threadId);
    expect(notice.inReplyTo).toBe('<help1@acme.test>');
  });

  it('a fill-down over many rows is handled in one pass: one read of the rows, batched writes', () => {
    const em = register(
      [1, 2, 3, 4, 5, 6].map((i) => ticketRow(i, { 'Received at': new Date(mt('2026-11-02T09:00') + i * 60_000) })),
      'Enterprise',
    );
    at(em, '2026-11-02T10:00');
    em.call('sweepSla');
    at(em, '2026-11-02T11:00');
    const r = em.edit('Tickets', a1(em, 'Status', 3), [
      ['Waiting on customer'],
      ['Waiting on customer'],
      ['Waiting on customer'],
      ['Waiting on customer'],
    ]);
    const run = r.installed[0]!.result;
    expect(run.error).toBeUndefined();
    expect(r.simple?.error).toBeUndefined();
    for (const id of ['T-000002', 'T-000003', 'T-000004', 'T-000005']) {
      expect(cell(em, id, 'Paused')).toBe('2026-11-02T11:00-07:00 →');
      expect(cell(em, id, 'SLA state')).toBe('Paused');
    }
    for (const id of ['T-000001', 'T-000006']) expect(cell(em, id, 'Paused')).toBe('');
    // Header + edited rows + Problems formats + six reference tabs + the Log header; writes in a few blocks.
    expect(run.calls.counts['SpreadsheetApp.Range.getValues']).toBeLessThanOrEqual(10);
    expect(run.calls.counts['SpreadsheetApp.Range.setValues']).toBeLessThanOrEqual(4);
    expect(logOf(em).filter((l) => l.action === 'Status stamp')).toHaveLength(4);
  });

  it('typing over an automation-owned cell puts the exact previous value back, with a note and a toast', () => {
    const em = register([ticketRow(1)]);
    at(em, '2026-11-02T10:00');
    em.call('sweepSla');
    const due = cell(em, 'T-000001', 'First response due');
    at(em, '2026-11-02T10:30');
    edit(em, 'T-000001', 'First response due', '2026-12-24 09:00');
    expect(ms(cell(em, 'T-000001', 'First response due'))).toBe(ms(due));
    const sheet = em.workbook.requireSheet('Tickets');
    expect(sheet.note(rowOf(em, 'T-000001'), header(em).indexOf('First response due') + 1)).toMatch(
      /^Put back by Support Desk Mon 2 Nov 2026 10:30 MST: “First response due” is filled in by the automation/,
    );
    expect(em.workbook.ui.toasts.at(-1)!.message).toMatch(/Put back First response due on T-000001/);

    edit(em, 'T-000001', 'Subject', '=HYPERLINK("x")');
    expect(cell(em, 'T-000001', 'Subject')).toBe('Help 1');
    // The tier was blank, so Apps Script sends no oldValue: it is recomputed (still blank), not "put back".
    edit(em, 'T-000001', 'Escalation tier', '3');
    expect(cell(em, 'T-000001', 'Escalation tier')).toBe('');
    expect(
      logOf(em)
        .filter((l) => l.action === 'Put back')
        .map((l) => l.detail.split(':')[0]),
    ).toEqual(['First response due on row 2', 'Subject on row 2']);
  });

  it('a paste over owned columns recomputes the computed ones and asks for Undo where the old value is unknowable', () => {
    const em = register([ticketRow(1), ticketRow(2)]);
    at(em, '2026-11-02T10:00');
    em.call('sweepSla');
    at(em, '2026-11-02T10:30');
    // SLA state and Escalation tier are adjacent: a 2×2 paste over both.
    const r = em.edit('Tickets', a1(em, 'SLA state', 2), [
      ['Met', 5],
      ['Breached', 7],
    ]);
    expect(r.installed[0]!.result.error).toBeUndefined();
    for (const id of ['T-000001', 'T-000002']) {
      expect(cell(em, id, 'SLA state')).toBe('On track');
      expect(cell(em, id, 'Escalation tier')).toBe('');
    }
    const pasted = em.edit('Tickets', a1(em, 'Thread ID', 2), [['x-1'], ['x-2']]);
    expect(pasted.installed[0]!.result.value).toMatch(/2 pasted-over cell\(s\) noted/);
    expect(cell(em, 'T-000001', 'Thread ID')).toBe('x-1'); // not guessed
    expect(em.workbook.requireSheet('Tickets').note(2, header(em).indexOf('Thread ID') + 1)).toMatch(/Use Edit → Undo/);
    expect(em.workbook.ui.toasts.at(-1)!.message).toMatch(/2 cell\(s\) of Thread ID were pasted over; .* press Undo/);
  });

  it('a single-cell paste (no oldValue, as Apps Script sends it) over a record cell is noted for Undo, never blanked', () => {
    const em = register([ticketRow(1)]);
    at(em, '2026-11-02T10:00');
    em.call('sweepSla');
    const thread = header(em).indexOf('Thread ID') + 1;
    const r = em.edit('Tickets', a1(em, 'Ticket ID', 2), 'T-999999', { paste: true });
    expect(r.installed[0]!.result.error).toBeUndefined();
    expect(cell(em, 'T-999999', 'Ticket ID')).toBe('T-999999'); // left, not blanked
    expect(em.workbook.requireSheet('Tickets').note(2, header(em).indexOf('Ticket ID') + 1)).toMatch(/Use Edit → Undo/);
    em.edit('Tickets', a1(em, 'Thread ID', 2), 'x-1', { paste: true });
    expect(em.workbook.requireSheet('Tickets').value(2, thread)).toBe('x-1');
    expect(em.workbook.requireSheet('Tickets').note(2, thread)).toMatch(/Use Edit → Undo/);
  });

  it('edits of people’s other columns and of other tabs cost a few cheap calls and write nothing', () => {
    const em = register([ticketRow(1)]);
    const r = edit(em, 'T-000001', 'Assignee', 'kim@helpdesk.test');
    const run = r.installed[0]!.result;
    expect(run.value).toBe('No column the automation watches was edited.');
    expect(run.calls.counts['SpreadsheetApp.Range.setValues'] ?? 0).toBe(0);
    expect(run.calls.counts['SpreadsheetApp.Range.getValues']).toBe(1);
    const other = em.edit('Settings', 'C2', 'a note of mine');
    expect(other.installed[0]!.result.value).toBe('An edit on Settings: nothing to do.');
    // The header and the edited row's Key are read (is it Settings → Priority names?), nothing written.
    expect(other.installed[0]!.result.calls.total).toBeLessThanOrEqual(12);
    expect(other.installed[0]!.result.calls.counts['SpreadsheetApp.Range.setValues'] ?? 0).toBe(0);
  });

  it('while another run holds the document lock the edit is deferred with a toast, and the next sweep stamps it', () => {
    const em = register([ticketRow(1)]);
    at(em, '2026-11-02T10:00');
    em.call('sweepSla');
    em.locks.holdAs('document', 'a long sweep');
    at(em, '2026-11-02T10:30');
    const r = edit(em, 'T-000001', 'Status', 'Resolved');
    expect(r.installed[0]!.result.value).toMatch(/busy/);
    expect(em.workbook.ui.toasts.at(-1)!.message).toMatch(/the next SLA sweep updates the ticket/);
    expect(cell(em, 'T-000001', 'Resolved at')).toBe('');
    em.locks.release('document');
    at(em, '2026-11-02T10:40');
    em.call('sweepSla');
    expect(ms(cell(em, 'T-000001', 'Resolved at'))).toBe(mt('2026-11-02T10:40'));
  });
});

describe('closing by hand', () => {
  it('setting Status to Closed records who closed it and when, and the next sweep tells the requester once; reopening clears both', () => {
    const em = register([ticketRow(1)]);
    at(em, '2026-11-02T11:00');
    edit(em, 'T-000001', 'Status', 'Closed', 'sam@helpdesk.test');
    expect(cell(em, 'T-000001', 'Closed by')).toBe('sam@helpdesk.test (by hand)');
    expect(ms(cell(em, 'T-000001', 'Closed at'))).toBe(mt('2026-11-02T11:00'));
    // The next sweep tells the requester, once.
    at(em, '2026-11-02T11:10');
    em.call('sweepSla');
    em.call('sweepSla');
    const closing = em.mailbox.sent.filter((m) => m.text.includes('We have closed your request T-000001'));
    expect(closing.map((m) => m.to)).toEqual(['ann@acme.test']);
    expect(String(cell(em, 'T-000001', 'Notified'))).toMatch(/closed@2026-11-02T18:00:00Z — sent: ann@acme\.test/);
    at(em, '2026-11-02T11:30');
    edit(em, 'T-000001', 'Status', 'Open', 'sam@helpdesk.test');
    expect(cell(em, 'T-000001', 'Closed by')).toBe('');
    expect(cell(em, 'T-000001', 'Closed at')).toBe('');
  });
});

describe('overlapping sweeps', () => {
  it('a sweep that finds the lock held sends nothing; the next one sends each due notice exactly once', () => {
    const em = register([ticketRow(1), ticketRow(2, { Priority: 'Medium' })]);
    at(em, '2026-11-02T12:05'); // T-000001 (High) at risk since 12:00
    em.locks.holdAs('document', 'other sweep');
    expect(em.call<string>('sweepSla')).toMatch(/holds the lock/);
    expect(em.mailbox.sent).toHaveLength(0);
    em.locks.release('document');
    em.call('sweepSla');
    em.call('sweepSla');
    expect(em.mailbox.sent.map((m) => m.to)).toEqual(['csm@helpdesk.test']);
    // The other run comes back while a third sweep would run: still nothing twice.
    em.locks.holdAs('document', 'other sweep');
    at(em, '2026-11-02T13:05');
    em.call('sweepSla');
    em.locks.release('document');
    em.call('sweepSla');
    em.call('sweepSla');
    expect(em.mailbox.sent.map((m) => m.to)).toEqual(['csm@helpdesk.test', 'director@helpdesk.test']);
  });
});
