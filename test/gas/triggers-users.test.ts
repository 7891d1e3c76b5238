import { emulator, inSandbox } from '../support/emulator';

const ALICE = 'support@helpdesk.test'; // the emulator's account (PRODUCT_DEFAULTS.user)
const BOB = 'bob@helpdesk.test';

const handlers = (em: ReturnType<typeof emulator>, owner: string) =>
  em.triggers.triggers
    .filter((t) => t.owner === owner)
    .map((t) => t.handler)
    .sort();

function hourly(em: ReturnType<typeof emulator>) {
  inSandbox(
    em,
    `var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings');
     var keys = s.getRange(1, 1, s.getLastRow(), 1).getValues().map(function (r) { return r[0]; });
     s.getRange(keys.indexOf('Trigger interval (min)') + 1, 2).setValue(60);`,
  );
}

describe('triggers are per user and per document', () => {
  it('a second admin installing automation leaves the first one’s triggers alone, and both are told', () => {
    const em = emulator();
    em.call('setup');
    em.call('installTriggers');
    const mine = handlers(em, ALICE);
    const r = em.runAs<string>(BOB, 'installTriggers');
    expect(r.error).toBeUndefined();
    expect(r.value).toContain(`Automation installed for ${BOB}`);
    expect(r.value).toContain(`Automation is also installed by ${ALICE}`);
    // Apps Script shows Bob only his own triggers: Alice's are untouched, Bob has his own set.
    expect(handlers(em, ALICE)).toEqual(mine);
    expect(handlers(em, BOB)).toEqual(mine);

    const about = em.call<string>('showAbout');
    expect(about).toContain(`(yours, ${ALICE})`);
    expect(about).toMatch(new RegExp(`Installed by ${BOB} on Mon 2 Nov 2026 \\d\\d:\\d\\d MST: ingestInbox every 5 min`));
    expect(about).toContain(`Warning: Automation is also installed by ${BOB}`);

    // Alice reinstalling replaces her own set only.
    em.call('installTriggers');
    expect(handlers(em, ALICE)).toEqual(mine);
    expect(handlers(em, BOB)).toEqual(mine);

    // Bob removes his: Alice's stay, and About no longer warns.
    const removed = em.runAs<string>(BOB, 'removeTriggers');
    expect(removed.value).toBe(`Automation removed for ${BOB}: ${mine.length} triggers deleted. Still installed by ${ALICE}.`);
    expect(handlers(em, BOB)).toEqual([]);
    expect(handlers(em, ALICE)).toEqual(mine);
    const after = em.call<string>('showAbout');
    expect(after).not.toContain('Warning:');
    expect(after).not.toContain(`Installed by ${BOB}`);
  });

  it('an installed edit trigger runs as its owner, whoever edits', () => {
    const em = emulator();
    em.call('setup');
    em.runAs(BOB, 'installTriggers');
    const header = em.workbook.sheetValues('Tickets')[0] as string[];
    const edit = em.edit('Tickets', `${String.fromCharCode(65 + header.indexOf('Status'))}2`, 'Open', { user: 'carol@helpdesk.test' });
    expect(edit.installed.map((t) => t.handler)).toEqual(['handleEdit']);
    expect(em.triggers.triggers.find((t) => t.handler === 'handleEdit')!.owner).toBe(BOB);
  });

  it('as an add-on, reinstalling on one sheet keeps the same user’s triggers on their other sheets', () => {
    const em = emulator({ installAs: 'addon' });
    em.call('setup');
    hourly(em);
    // The same person's add-on automation on another spreadsheet of theirs.
    em.triggers.add(em.ctx, { handler: 'runAutomation', source: 'CLOCK', eventType: 'CLOCK', everyMinutes: 60, documentId: 'other-sheet' });
    em.call('installTriggers');
    em.call('installTriggers');
    const byDoc = em.triggers.triggers.map((t) => [t.documentId, t.handler]).sort();
    expect(byDoc).toEqual(
      [
        ['other-sheet', 'runAutomation'],
        [em.workbook.id, 'handleEdit'],
        [em.workbook.id, 'runAutomation'],
      ].sort(),
    );
    em.call('removeTriggers');
    expect(em.triggers.triggers.map((t) => t.documentId)).toEqual(['other-sheet']);
  });
});
