import type { GmailEnv } from './env';
import { GmailMessage, NOT_FOUND } from './message';
import type { OutgoingMail } from './compose';
import { send } from './send';

/** GmailDraft. Sending it spends quota and turns it into a sent message in its thread. */
export class GmailDraft {
  readonly [Symbol.toStringTag] = 'GmailApp.GmailDraft';
  constructor(
    private readonly env: GmailEnv,
    private readonly draftId: string,
  ) {}

  private call(method: string, cheap = false): OutgoingMail {
    this.env.ctx.meter.call(`GmailApp.GmailDraft.${method}`, cheap ? { cheap } : {});
    return this.env.mailbox.draft(this.draftId) ?? this.env.ctx.fail(NOT_FOUND);
  }

  getId(): string {
    this.call('getId', true);
    return this.draftId;
  }
  getMessageId(): string {
    return this.call('getMessageId', true).id;
  }
  getMessage(): GmailMessage {
    return new GmailMessage(this.env, this.call('getMessage').id);
  }
  send(): GmailMessage {
    const d = this.call('send');
    const { kind: _k, outboxSeq: _s, id: _i, threadId, draftId: _d, raw: _r, ...fields } = d;
    const threadExisted = (this.env.mailbox.thread(threadId)?.messageIds.length ?? 0) > 1;
    const rec = send(this.env, { ...fields, date: this.env.ctx.clock.now() }, threadExisted ? threadId : undefined);
    this.env.mailbox.discardDraft(this.draftId);
    return new GmailMessage(this.env, rec.id);
  }
  deleteDraft(): void {
    this.call('deleteDraft');
    this.env.mailbox.discardDraft(this.draftId);
  }
}
