import { signatureError, now, type GmailEnv } from './env';
import { GmailDraft } from './draft';
import { GmailLabel } from './label';
import { GmailMessage, NOT_FOUND } from './message';
import type { MessageRecord } from './record';
import { lastRepliable, replyFields } from './reply';
import { saveDraft, send } from './send';

/**
 * GmailThread. Apps Script shows labels per thread: addLabel labels every message the
 * thread holds now, getLabels is the union over them. A message that arrives later does
 * not inherit user labels (as in Gmail), which is why `-label:X` finds the thread again.
 * Objects are live views of the mailbox, not snapshots (real ones may go stale until
 * refresh()).
 */
export class GmailThread {
  readonly [Symbol.toStringTag] = 'GmailApp.GmailThread';
  constructor(
    private readonly env: GmailEnv,
    private readonly id: string,
  ) {}

  private call(method: string, cheap = false): MessageRecord[] {
    this.env.ctx.meter.call(`GmailApp.GmailThread.${method}`, cheap ? { cheap } : {});
    return this.msgs();
  }

  /** The thread's arrived messages (a thread is empty until its first message arrives). */
  msgs(): MessageRecord[] {
    const list = this.env.mailbox.visibleMessages(this.id, now(this.env));
    return list.length ? list : this.env.ctx.fail(NOT_FOUND);
  }

  getId(): string {
    this.env.ctx.meter.call('GmailApp.GmailThread.getId', { cheap: true });
    return this.id;
  }
  getMessages(): GmailMessage[] {
    const list = this.call('getMessages').map((m) => new GmailMessage(this.env, m.id));
    return this.env.ctx.realm.toRealm(list);
  }
  getMessageCount(): number {
    return this.call('getMessageCount', true).length;
  }
  getFirstMessageSubject(): string {
    return this.call('getFirstMessageSubject', true)[0]?.subject ?? '';
  }
  getLastMessageDate(): Date {
    const list = this.call('getLastMessageDate', true);
    return this.env.ctx.realm.date(list[list.length - 1]?.internalDate ?? 0);
  }
  getPermalink(): string {
    this.call('getPermalink', true);
    return `https://mail.google.com/mail/u/0/#inbox/${this.id}`;
  }
  getLabels(): GmailLabel[] {
    const ids = new Set<string>();
    for (const m of this.call('getLabels')) for (const l of m.labels) if (l.startsWith('Label_')) ids.add(l);
    const labels = [...ids].filter((id) => this.env.mailbox.labelName(id) !== undefined).map((id) => new GmailLabel(this.env, id));
    return this.env.ctx.realm.toRealm(labels);
  }
  addLabel(label: unknown): GmailThread {
    const list = this.call('addLabel');
    if (!(label instanceof GmailLabel)) return signatureError(this.env, 'GmailThread.addLabel', [label]);
    for (const m of list) m.labels.add(label.labelId);
    return this;
  }
  removeLabel(label: unknown): GmailThread {
    const list = this.call('removeLabel');
    if (!(label instanceof GmailLabel)) return signatureError(this.env, 'GmailThread.removeLabel', [label]);
    for (const m of list) m.labels.delete(label.labelId);
    return this;
  }
  hasStarredMessages(): boolean {
    return this.call('hasStarredMessages', true).some((m) => m.labels.has('STARRED'));
  }
  isUnread(): boolean {
    return this.call('isUnread', true).some((m) => m.labels.has('UNREAD'));
  }
  isInInbox(): boolean {
    return this.call('isInInbox', true).some((m) => m.labels.has('INBOX'));
  }
  isInSpam(): boolean {
    return this.call('isInSpam', true).some((m) => m.labels.has('SPAM'));
  }
  isInTrash(): boolean {
    return this.call('isInTrash', true).some((m) => m.labels.has('TRASH'));
  }
  isImportant(): boolean {
    return this.call('isImportant', true).some((m) => m.labels.has('IMPORTANT'));
  }
  isInChats(): boolean {
    this.call('isInChats', true);
    return false;
  }
  markRead(): GmailThread {
    for (const m of this.call('markRead')) m.labels.delete('UNREAD');
    return this;
  }
  markUnread(): GmailThread {
    for (const m of this.call('markUnread')) m.labels.add('UNREAD');
    return this;
  }
  moveToArchive(): GmailThread {
    for (const m of this.call('moveToArchive')) m.labels.delete('INBOX');
    return this;
  }
  moveToInbox(): GmailThread {
    for (const m of this.call('moveToInbox')) {
      m.labels.delete('TRASH');
      m.labels.delete('SPAM');
      if (!m.labels.has('DRAFT')) m.labels.add('INBOX');
    }
    return this;
  }
  moveToTrash(): GmailThread {
    for (const m of this.call('moveToTrash')) {
      m.labels.delete('INBOX');
      m.labels.add('TRASH');
    }
    return this;
  }
  moveToSpam(): GmailThread {
    for (const m of this.call('moveToSpam')) {
      m.labels.delete('INBOX');
      m.labels.add('SPAM');
    }
    return this;
  }
  refresh(): GmailThread {
    this.call('refresh');
    return this;
  }
  reply(body: unknown, options?: unknown): GmailThread {
    this.call('reply');
    send(this.env, replyFields(this.env, this.target(), body, options, false, false), this.id);
    return this;
  }
  replyAll(body: unknown, options?: unknown): GmailThread {
    this.call('replyAll');
    send(this.env, replyFields(this.env, this.target(), body, options, true, false), this.id);
    return this;
  }
  createDraftReply(body: unknown, options?: unknown): GmailDraft {
    this.call('createDraftReply');
    return new GmailDraft(this.env, saveDraft(this.env, replyFields(this.env, this.target(), body, options, false, true), this.id));
  }
  createDraftReplyAll(body: unknown, options?: unknown): GmailDraft {
    this.call('createDraftReplyAll');
    return new GmailDraft(this.env, saveDraft(this.env, replyFields(this.env, this.target(), body, options, true, true), this.id));
  }

  private target(): MessageRecord {
    return lastRepliable(this.env, this.id) ?? this.env.ctx.fail(NOT_FOUND);
  }
}
