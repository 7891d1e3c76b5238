import { createGmailApp, createMailApp, MailboxModel } from '../../../src/local/emulator/gmail';
import { eml, makeContext } from '../../../src/local/emulator/gmail/testing';
import { simpleParser } from 'mailparser';

const H = 3_600_000;

function setup(dailyQuota?: number) {
  const ctx = makeContext(Date.UTC(2026, 10, 2, 15));
  const mailbox = new MailboxModel({
    address: 'support@acme.test',
    name: 'Acme Support',
    aliases: ['help@acme.test'],
    ...(dailyQuota ? { dailyQuota } : {}),
  });
  return { ctx, mailbox, gmail: createGmailApp(ctx, mailbox), mail: createMailApp(ctx, mailbox) };
}

async function customerThread(s: ReturnType<typeof setup>) {
  return s.mailbox.deliver(
    eml({
      from: 'Ann <ann@client.test>',
      cc: 'boss@client.test, support@acme.test',
      subject: 'Printer broken',
      date: s.ctx.clock.now() - H,
      messageId: '<q1@client.test>',
    }),
  );
}

describe('replies', () => {
  it('a reply appears in the thread from the account, threaded and labelled SENT', async () => {
    const s = setup();
    const d = await customerThread(s);
    const thread = s.gmail.getThreadById(d.threadId);
    s.ctx.clock.advance(60_000);
    thread?.reply('We are on it. Ticket T-1.');
    const msgs = s.gmail.getThreadById(d.threadId)?.getMessages() ?? [];
    expect(msgs).toHaveLength(2);
    const r = msgs[1];
    expect(r?.getFrom()).toBe('Acme Support <support@acme.test>');
    expect(r?.getTo()).toBe('Ann <ann@client.test>');
    expect(r?.getSubject()).toBe('Re: Printer broken');
    expect(r?.getHeader('In-Reply-To')).toBe('<q1@client.test>');
    expect(r?.getHeader('References')).toBe('<q1@client.test>');
    expect(r?.getDate().getTime()).toBe(s.ctx.clock.now());
    expect(r?.isUnread()).toBe(false);
    expect(s.gmail.search('in:sent').map((t) => t.getId())).toEqual([d.threadId]);
    expect(s.gmail.search('in:inbox').map((t) => t.getId())).toEqual([d.threadId]);
    expect(s.gmail.search('from:me').map((t) => t.getId())).toEqual([d.threadId]);
    expect(s.mailbox.sent).toHaveLength(1);
    const raw = (await s.mailbox.sent[0]?.raw)?.toString() ?? '';
    const parsed = await simpleParser(raw);
    expect(parsed.inReplyTo).toBe('<q1@client.test>');
    expect(parsed.subject).toBe('Re: Printer broken');
    expect(parsed.text?.trim()).toBe('We are on it. Ticket T-1.');
    await s.mailbox.settled();
    expect(r?.getRawContent()).toBe(raw);
  });

  it('replyAll copies the other recipients but not the account itself', async () => {
    const s = setup();
    const d = await customerThread(s);
    s.gmail.getMessageById(d.id)?.replyAll('Thanks', { cc: 'csm@acme.test' });
    const sent = s.mailbox.sent[0];
    expect(sent?.to).toBe('Ann <ann@client.test>');
    expect(sent?.cc).toBe('boss@client.test, csm@acme.test');
    expect(s.mailbox.quota.remaining(s.ctx.clock.now())).toBe(97);
  });

  it('a thread reply answers the last message even when the account wrote it', async () => {
    const s = setup();
    const d = await customerThread(s);
    const thread = s.gmail.getThreadById(d.threadId);
    thread?.reply('first');
    thread?.reply('second');
    expect(s.mailbox.sent[1]?.to).toBe('Acme Support <support@acme.test>');
  });

  it('reply() ignores a subject option, as its documented options have none; createDraftReply honours it', async () => {
    const s = setup();
    const d = await customerThread(s);
    const msg = s.gmail.getMessageById(d.id)!;
    msg.reply('ack', { subject: '[#T-1] Printer broken' } as never);
    s.gmail.getThreadById(d.threadId)!.reply('ack 2', { subject: '[#T-1] Printer broken' } as never);
    expect(s.mailbox.sent.map((m) => m.subject)).toEqual(['Re: Printer broken', 'Re: Printer broken']);
    const sent = msg.createDraftReply('ack 3', { subject: '[#T-1] Printer broken' }).send();
    expect(sent.getSubject()).toBe('[#T-1] Printer broken');
    expect(sent.getThread().getId()).toBe(d.threadId);
    expect(sent.getHeader('In-Reply-To')).toBe('<q1@client.test>');
  });

  it('a draft reply sits in the thread as a draft and uses no quota until sent', async () => {
    const s = setup();
    const d = await customerThread(s);
    const draft = s.gmail.getThreadById(d.threadId)?.createDraftReply('Draft text');
    const msgs = s.gmail.getThreadById(d.threadId)?.getMessages() ?? [];
    expect(msgs.map((m) => m.isDraft())).toEqual([false, true]);
    expect(s.mail.getRemainingDailyQuota()).toBe(100);
    expect(s.mailbox.drafts).toHaveLength(1);
    expect(s.gmail.getDrafts()).toHaveLength(1);
    const sentMsg = draft?.send();
    expect(sentMsg?.isDraft()).toBe(false);
    expect(sentMsg?.getThread().getId()).toBe(d.threadId);
    expect(s.mailbox.drafts).toHaveLength(0);
    expect(s.mailbox.sent).toHaveLength(1);
    expect(s.mail.getRemainingDailyQuota()).toBe(99);
  });
});

describe('sending new mail', () => {
  it('GmailApp.sendEmail and MailApp.sendEmail start new SENT threads, not in the inbox', () => {
    const s = setup();
    s.gmail.sendEmail('ann@client.test', 'Statement', 'Body', {
      cc: 'b@client.test',
      bcc: 'audit@acme.test',
      htmlBody: '<p>Body</p>',
      name: 'Billing',
    });
    s.mail.sendEmail({ to: 'finance@client.test', subject: 'Invoice', body: 'Text', replyTo: 'billing@acme.test' });
    s.mail.sendEmail('x@client.test', 'Hi', 'Plain');
    const sent = s.gmail.search('in:sent');
    expect(sent.map((t) => t.getFirstMessageSubject())).toEqual(['Hi', 'Invoice', 'Statement']);
    expect(s.gmail.search('in:inbox')).toHaveLength(0);
    const statement = s.mailbox.sent[0];
    expect(statement?.from).toBe('Billing <support@acme.test>');
    expect(statement?.bcc).toBe('audit@acme.test');
    const msg = sent[2]?.getMessages()[0];
    expect(msg?.getBcc()).toBe('audit@acme.test');
    expect(msg?.getBody()).toBe('<p>Body</p>');
    expect(msg?.getPlainBody()).toBe('Body');
    expect(s.mailbox.sent[1]?.replyTo).toBe('billing@acme.test');
  });

  it('checks addresses and the from alias', () => {
    const s = setup();
    expect(() => s.gmail.sendEmail('not-an-address', 'S', 'B')).toThrow('Invalid email: not-an-address');
    expect(() => s.gmail.sendEmail('', 'S', 'B')).toThrow('Failed to send email: no recipient');
    expect(() => s.gmail.sendEmail('a@b.test', 'S', 'B', { from: 'ceo@acme.test' })).toThrow('Invalid argument: from');
    s.gmail.sendEmail('a@b.test', 'S', 'B', { from: 'help@acme.test' });
    expect(s.mailbox.sent[0]?.from).toBe('Acme Support <help@acme.test>');
    expect(s.gmail.getAliases()).toEqual(['help@acme.test']);
  });

  it('createDraft keeps a standalone draft out of the sent mail and the quota', () => {
    const s = setup();
    const draft = s.gmail.createDraft('finance@acme.test', 'Billing 2026-11', 'Statement attached');
    expect(draft.getId()).toMatch(/^r-\d+$/);
    expect(draft.getMessage().isDraft()).toBe(true);
    expect(s.mailbox.drafts.map((d) => d.subject)).toEqual(['Billing 2026-11']);
    expect(s.mailbox.sent).toHaveLength(0);
    expect(s.mail.getRemainingDailyQuota()).toBe(100);
    expect(s.gmail.search('in:drafts')).toHaveLength(1);
    draft.deleteDraft();
    expect(s.gmail.getDrafts()).toHaveLength(0);
  });
});

describe('recipient quota', () => {
  it('decreases per recipient, throws when exhausted, and resets 24 hours after the first send', async () => {
    const s = setup(5);
    expect(s.mail.getRemainingDailyQuota()).toBe(5);
    s.mail.sendEmail('a@c.test, b@c.test', 'S', 'B');
    expect(s.mail.getRemainingDailyQuota()).toBe(3);
    s.gmail.sendEmail('a@c.test', 'S', 'B', { cc: 'b@c.test' });
    expect(s.mail.getRemainingDailyQuota()).toBe(1);
    expect(() => s.mail.sendEmail({ to: 'a@c.test', bcc: 'x@c.test', subject: 'S', body: 'B' })).toThrow(
      'Service invoked too many times for one day: email.',
    );
    const d = await customerThread(s);
    s.gmail.getThreadById(d.threadId)?.reply('ok');
    expect(s.mail.getRemainingDailyQuota()).toBe(0);
    expect(() => s.gmail.getThreadById(d.threadId)?.reply('again')).toThrow('Service invoked too many times for one day: email.');
    expect(s.mailbox.sent).toHaveLength(3);
    s.gmail.createDraft('a@c.test', 'Held', 'Held back');
    // The first send was at 15:00 UTC: the quota is whole again 24 hours later, not at a midnight.
    s.ctx.clock.set(Date.UTC(2026, 10, 3, 8, 0)); // Pacific midnight has passed
    expect(s.mail.getRemainingDailyQuota()).toBe(0);
    s.ctx.clock.set(Date.UTC(2026, 10, 3, 14, 59));
    expect(s.mail.getRemainingDailyQuota()).toBe(0);
    s.ctx.clock.set(Date.UTC(2026, 10, 3, 15, 0));
    expect(s.mail.getRemainingDailyQuota()).toBe(5);
    // The next window opens with the next send.
    s.ctx.clock.set(Date.UTC(2026, 10, 4, 9, 0));
    s.mail.sendEmail('a@c.test', 'S', 'B');
    s.ctx.clock.set(Date.UTC(2026, 10, 5, 8, 59));
    expect(s.mail.getRemainingDailyQuota()).toBe(4);
    s.ctx.clock.set(Date.UTC(2026, 10, 5, 9, 0));
    expect(s.mail.getRemainingDailyQuota()).toBe(5);
  });
});
