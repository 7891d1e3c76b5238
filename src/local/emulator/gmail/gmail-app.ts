import type { ServiceContext } from '../context';
import { GmailDraft } from './draft';
import { now, signatureError, type GmailEnv } from './env';
import { GmailLabel } from './label';
import { GmailMessage } from './message';
import type { MailboxModel } from './model';
import { QuerySyntaxError } from './query/tokens';
import { searchThreads } from './search';
import { compose, readOptions, saveDraft, send } from './send';
import { GmailThread } from './thread';

/**
 * Gmail returns at most 500 threads a call. Paged calls with a larger max fail (the
 * message is the emulator's best rendering; Google doesn't document it); an unpaged
 * search, which Google documents as failing "when the size of all threads is too large",
 * is modeled as returning the newest 500.
 */
export const MAX_THREADS = 500;

/** The GmailApp global. */
export class GmailApp {
  readonly [Symbol.toStringTag] = 'GmailApp';
  private readonly env: GmailEnv;
  constructor(ctx: ServiceContext, mailbox: MailboxModel) {
    this.env = { ctx, mailbox };
  }

  private call(method: string, cheap = false): void {
    this.env.ctx.meter.call(`GmailApp.${method}`, cheap ? { cheap } : {});
  }

  search(query: unknown, start?: unknown, max?: unknown): GmailThread[] {
    this.call('search');
    if (typeof query !== 'string') return signatureError(this.env, 'GmailApp.search', [query, start, max]);
    return this.page('GmailApp.search', query, start, max);
  }

  getInboxThreads(start?: unknown, max?: unknown): GmailThread[] {
    this.call('getInboxThreads');
    return this.page('GmailApp.getInboxThreads', 'in:inbox', start, max);
  }

  getInboxUnreadCount(): number {
    this.call('getInboxUnreadCount');
    return searchThreads(this.env.mailbox, 'in:inbox is:unread', now(this.env)).length;
  }

  getMessagesForThreads(threads: unknown): GmailMessage[][] {
    this.call('getMessagesForThreads');
    const list = this.threadArray('GmailApp.getMessagesForThreads', threads);
    const out = list.map((t) => t.msgs().map((m) => new GmailMessage(this.env, m.id)));
    return this.env.ctx.realm.toRealm(out);
  }

  getMessagesForThread(thread: unknown): GmailMessage[] {
    this.call('getMessagesForThread');
    if (!(thread instanceof GmailThread)) return signatureError(this.env, 'GmailApp.getMessagesForThread', [thread]);
    return this.env.ctx.realm.toRealm(thread.msgs().map((m) => new GmailMessage(this.env, m.id)));
  }

  /** null when no thread with that id has arrived. */
  getThreadById(id: unknown): GmailThread | null {
    this.call('getThreadById');
    if (typeof id !== 'string') return signatureError(this.env, 'GmailApp.getThreadById', [id]);
    return this.env.mailbox.visibleMessages(id, now(this.env)).length ? new GmailThread(this.env, id) : null;
  }

  /** null when no message with that id has arrived. */
  getMessageById(id: unknown): GmailMessage | null {
    this.call('getMessageById');
    if (typeof id !== 'string') return signatureError(this.env, 'GmailApp.getMessageById', [id]);
    const m = this.env.mailbox.message(id);
    return m && m.internalDate <= now(this.env) ? new GmailMessage(this.env, id) : null;
  }

  /** Case-insensitive, as Gmail label names are; null when there is none. */
  getUserLabelByName(name: unknown): GmailLabel | null {
    this.call('getUserLabelByName');
    if (typeof name !== 'string') return signatureError(this.env, 'GmailApp.getUserLabelByName', [name]);
    const id = this.env.mailbox.findUserLabel(name);
    return id ? new GmailLabel(this.env, id) : null;
  }

  /** Creating a label that exists returns the existing one. */
  createLabel(name: unknown): GmailLabel {
    this.call('createLabel');
    if (typeof name !== 'string') return signatureError(this.env, 'GmailApp.createLabel', [name]);
    if (!name.trim()) this.env.ctx.fail('Invalid argument: name');
    if (
      ['inbox', 'sent', 'spam', 'trash', 'draft', 'drafts', 'starred', 'unread', 'important', 'chats'].includes(name.trim().toLowerCase())
    ) {
      this.env.ctx.fail('Invalid label name');
    }
    return new GmailLabel(this.env, this.env.mailbox.createUserLabel(name));
  }

  deleteLabel(label: unknown): GmailApp {
    this.call('deleteLabel');
    if (!(label instanceof GmailLabel)) return signatureError(this.env, 'GmailApp.deleteLabel', [label]);
    this.env.mailbox.deleteUserLabel(label.labelId);
    return this;
  }

  getUserLabels(): GmailLabel[] {
    this.call('getUserLabels');
    return this.env.ctx.realm.toRealm(this.env.mailbox.userLabels().map((l) => new GmailLabel(this.env, l.id)));
  }

  getAliases(): string[] {
    this.call('getAliases', true);
    return this.env.ctx.realm.toRealm([...this.env.mailbox.aliases]);
  }

  sendEmail(recipient: unknown, subject: unknown, body: unknown, options?: unknown): GmailApp {
    this.call('sendEmail');
    if (typeof recipient !== 'string' || typeof subject !== 'string' || body === undefined) {
      return signatureError(this.env, 'GmailApp.sendEmail', [recipient, subject, body, options]);
    }
    send(this.env, compose(this.env, { to: recipient, subject, body: String(body), options: readOptions(this.env, options) }));
    return this;
  }

  createDraft(recipient: unknown, subject: unknown, body: unknown, options?: unknown): GmailDraft {
    this.call('createDraft');
    if (typeof recipient !== 'string' || typeof subject !== 'string' || body === undefined) {
      return signatureError(this.env, 'GmailApp.createDraft', [recipient, subject, body, options]);
    }
    const fields = compose(this.env, { to: recipient, subject, body: String(body), options: readOptions(this.env, options) });
    return new GmailDraft(this.env, saveDraft(this.env, fields));
  }

  getDrafts(): GmailDraft[] {
    this.call('getDrafts');
    return this.env.ctx.realm.toRealm(this.env.mailbox.drafts.map((d) => new GmailDraft(this.env, d.draftId ?? '')));
  }

  getDraft(draftId: unknown): GmailDraft {
    this.call('getDraft');
    if (typeof draftId !== 'string') return signatureError(this.env, 'GmailApp.getDraft', [draftId]);
    if (!this.env.mailbox.draft(draftId)) this.env.ctx.fail('Invalid argument: draftId');
    return new GmailDraft(this.env, draftId);
  }

  getDraftMessages(): GmailMessage[] {
    this.call('getDraftMessages');
    return this.env.ctx.realm.toRealm(this.env.mailbox.drafts.map((d) => new GmailMessage(this.env, d.id)));
  }

  markThreadRead(thread: unknown): GmailApp {
    this.call('markThreadRead');
    if (!(thread instanceof GmailThread)) return signatureError(this.env, 'GmailApp.markThreadRead', [thread]);
    for (const m of thread.msgs()) m.labels.delete('UNREAD');
    return this;
  }

  markThreadsRead(threads: unknown): GmailApp {
    this.call('markThreadsRead');
    for (const t of this.threadArray('GmailApp.markThreadsRead', threads, 100)) for (const m of t.msgs()) m.labels.delete('UNREAD');
    return this;
  }

  markThreadsUnread(threads: unknown): GmailApp {
    this.call('markThreadsUnread');
    for (const t of this.threadArray('GmailApp.markThreadsUnread', threads, 100)) for (const m of t.msgs()) m.labels.add('UNREAD');
    return this;
  }

  markMessageRead(message: unknown): GmailApp {
    this.call('markMessageRead');
    if (!(message instanceof GmailMessage)) return signatureError(this.env, 'GmailApp.markMessageRead', [message]);
    message.markRead();
    return this;
  }

  moveThreadToArchive(thread: unknown): GmailApp {
    this.call('moveThreadToArchive');
    if (!(thread instanceof GmailThread)) return signatureError(this.env, 'GmailApp.moveThreadToArchive', [thread]);
    for (const m of thread.msgs()) m.labels.delete('INBOX');
    return this;
  }

  moveThreadsToArchive(threads: unknown): GmailApp {
    this.call('moveThreadsToArchive');
    for (const t of this.threadArray('GmailApp.moveThreadsToArchive', threads, 100)) for (const m of t.msgs()) m.labels.delete('INBOX');
    return this;
  }

  private page(method: string, query: string, start: unknown, max: unknown): GmailThread[] {
    const paged = start !== undefined || max !== undefined;
    if (paged && (typeof start !== 'number' || typeof max !== 'number')) return signatureError(this.env, method, [query, start, max]);
    let from = 0;
    let count = MAX_THREADS;
    if (paged) {
      from = Math.trunc(start as number);
      count = Math.trunc(max as number);
      if (count > MAX_THREADS) this.env.ctx.fail(`Argument max cannot exceed ${MAX_THREADS}.`);
      if (from < 0 || count < 0) this.env.ctx.fail(`Invalid argument: ${from < 0 ? 'start' : 'max'}`);
    }
    let threads;
    try {
      threads = searchThreads(this.env.mailbox, query, now(this.env));
    } catch (e) {
      if (e instanceof QuerySyntaxError) this.env.ctx.fail(`Invalid search query: ${e.message}`);
      throw e;
    }
    return this.env.ctx.realm.toRealm(threads.slice(from, from + count).map((t) => new GmailThread(this.env, t.id)));
  }

  private threadArray(method: string, threads: unknown, limit?: number): GmailThread[] {
    if (!Array.isArray(threads) || !threads.every((t) => t instanceof GmailThread)) return signatureError(this.env, method, [threads]);
    if (limit !== undefined && threads.length > limit) this.env.ctx.fail('Argument too large: threads');
    return threads as GmailThread[];
  }
}

export function createGmailApp(ctx: ServiceContext, mailbox: MailboxModel): GmailApp {
  return new GmailApp(ctx, mailbox);
}
