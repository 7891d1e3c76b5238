import { emulator, inSandbox } from '../support/emulator';
import { seedRegister } from './ingest-support';

const CONTACT = 'Dana Ortiz (on call), +1 303 555 0100, oncall@helpdesk.test';

async function requestOn(day: number) {
  // 10:00 MST on the given November 2026 day.
  const at = Date.UTC(2026, 10, day, 17, 0, 0);
  const em = emulator({ now: at + 60_000 });
  seedRegister(em);
  inSandbox(
    em,
    `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings');
     var v = sh.getDataRange().getValues();
     for (var r = 1; r < v.length; r++) if (v[r][0] === 'Holiday emergency contact') sh.getRange(r + 1, 2).setValue(${JSON.stringify(CONTACT)});
     return true;`,
  );
  await em.mailbox.deliver(
    [
      'From: Ann Lee <ann@acme.com>',
      'To: support@helpdesk.test',
      'Subject: The server is down',
      `Date: ${new Date(at).toUTCString()}`,
      `Message-ID: <holiday-${day}@acme.com>`,
      '',
      'Nothing loads.',
      '',
    ].join('\r\n'),
    { at },
  );
  em.call('ingestInbox');
  return em.mailbox.sent.find((m) => m.subject.includes('The server is down'))!;
}

describe('holiday coverage, through the bundle', () => {
  it('an acknowledgement sent on a weekday holiday of the client’s calendar (Thanksgiving) gives the emergency contact', async () => {
    const ack = await requestOn(26);
    expect(ack.text).toContain(`Our office is closed today for a public holiday. In an emergency, please contact: ${CONTACT}.`);
  });
  it('on an ordinary weekday it does not', async () => {
    const ack = await requestOn(25);
    expect(ack.text).not.toContain('emergency');
  });
});
