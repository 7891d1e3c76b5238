import vm from 'node:vm';
import { createGmailApp, createMailApp, MailboxModel } from '../../../src/local/emulator/gmail';
import { eml, makeContext } from '../../../src/local/emulator/gmail/testing';

async function sandbox() {
  const ctx = makeContext(Date.UTC(2026, 10, 2, 15));
  const mailbox = new MailboxModel({ address: 'support@acme.test' });
  await mailbox.deliver(
    eml({ from: 'Ann <ann@client.test>', subject: 'Help', date: Date.UTC(2026, 10, 2, 9), messageId: '<h1@client.test>' }),
  );
  await mailbox.deliver(eml({ from: 'Bob <bob@client.test>', subject: 'Later', date: Date.UTC(2026, 10, 3, 9) }));
  ctx.realm.context.GmailApp = createGmailApp(ctx, mailbox);
  ctx.realm.context.MailApp = createMailApp(ctx, mailbox);
  const run = (code: string): unknown => vm.runInContext(code, ctx.realm.context);
  return { ctx, mailbox, run };
}

describe('GmailApp inside the sandbox', () => {
  it('returns sandbox Dates and Arrays', async () => {
    const { run } = await sandbox();
    expect(
      run(`
        var threads = GmailApp.search('in:inbox');
        var msgs = GmailApp.getMessagesForThreads(threads);
        [Array.isArray(threads), threads instanceof Array, msgs[0] instanceof Array,
         msgs[0][0].getDate() instanceof Date, threads[0].getLastMessageDate() instanceof Date,
         threads.length, msgs[0][0].getFrom()].join('|')
      `),
    ).toBe('true|true|true|true|true|1|Ann <ann@client.test>');
  });

  it('throws sandbox Errors with Apps Script messages', async () => {
    const { run } = await sandbox();
    expect(run(`try { GmailApp.search('in:inbox', 0, 501); 'no' } catch (e) { (e instanceof Error) + ':' + e.message }`)).toBe(
      'true:Argument max cannot exceed 500.',
    );
    expect(run(`try { GmailApp.search('in:inbox').slice(1).foo(); 'no' } catch (e) { e instanceof TypeError }`)).toBe(true);
    expect(run(`typeof GmailApp.search('in:inbox')[0].getSnippet`)).toBe('undefined');
  });

  it('a product-style ingest: reply, label, quota check, all from sandbox code', async () => {
    const { run, mailbox } = await sandbox();
    const out = run(`
      var label = GmailApp.getUserLabelByName('Ticketed') || GmailApp.createLabel('Ticketed');
      var threads = GmailApp.search('in:inbox -label:Ticketed', 0, 100);
      threads.forEach(function (t) { t.reply('Ticket opened'); t.addLabel(label); });
      [GmailApp.search('in:inbox -label:Ticketed').length, MailApp.getRemainingDailyQuota(),
       GmailApp.search('label:ticketed')[0].getMessages()[1].getSubject()].join('|')
    `);
    expect(out).toBe('0|99|Re: Help');
    expect(mailbox.sent[0]?.to).toBe('Ann <ann@client.test>');
  });

  it('sees the next day mail only once the clock gets there', async () => {
    const { run, ctx } = await sandbox();
    expect(run(`GmailApp.search('').length`)).toBe(1);
    ctx.clock.set(Date.UTC(2026, 10, 3, 10));
    expect(run(`GmailApp.search('newer_than:2d').map(function (t) { return t.getFirstMessageSubject(); }).join(',')`)).toBe('Later,Help');
  });
});
