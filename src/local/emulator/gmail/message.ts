import { GmailAttachment } from './attachment';
import { GmailDraft } from './draft';
import { signatureError, type GmailEnv } from './env';
import type { MessageRecord } from './record';
import { forwardFields, replyFields } from './reply';
import { saveDraft, send } from './send';
import { GmailThread } from './thread';

export const NOT_FOUND = 'No item with the given ID could be found, or you do not have permission to access it.';

/** GmailMessage. A live view: it reads the mailbox on every call. */
export class GmailMessage {
  readonly [Symbol.toStringTag] = 'GmailApp.GmailMessage';
  constructor(
    private readonly env: GmailEnv,
    private readonly id: string,
  ) {}

  private call(method: string, cheap = false): MessageRecord {
    this.env.ctx.meter.call(`GmailApp.GmailMessage.${method}`, cheap ? { cheap } : {});
    return this.rec();
  }

  private rec(): MessageRecord {
    return this.env.mailbox.message(this.id) ?? this.env.ctx.fail(NOT_FOUND);
  }

  getId(): string {
    this.env.ctx.meter.call('GmailApp.GmailMessage.getId', { cheap: true });
    return this.id;
  }
  getThread(): GmailThread {
    return new GmailThread(this.env, this.call('getThread', true).threadId);
  }
  getSubject(): string {
    return this.call('getSubject', true).subject;
  }
  /** The From header as written, e.g. 'Jane Doe <jane@example.com>'. */
  getFrom(): string {
    return this.call('getFrom', true).from;
  }
  getTo(): string {
    return this.call('getTo', true).to;
  }
  getCc(): string {
    return this.call('getCc', true).cc;
  }
  /** Only the sender's own copy carries Bcc; received mail gives ''. */
  getBcc(): string {
    return this.call('getBcc', true).bcc;
  }
  getReplyTo(): string {
    const r = this.call('getReplyTo', true);
    return r.replyTo || r.from;
  }
  /** When Gmail received (or sent) it, not the Date header. */
  getDate(): Date {
    return this.env.ctx.realm.date(this.call('getDate', true).internalDate);
  }
  getPlainBody(): string {
    return this.call('getPlainBody').text;
  }
  getBody(): string {
    const r = this.call('getBody');
    return r.html ?? r.text;
  }
  getRawContent(): string {
    const r = this.call('getRawContent');
    return r.raw ?? this.env.mailbox.provisionalRaw(r);
  }
  /** Apps Script documents '' for a header the message doesn't have. */
  getHeader(name: unknown): string {
    const r = this.call('getHeader', true);
    if (typeof name !== 'string') return signatureError(this.env, 'GmailMessage.getHeader', [name]);
    const key = name.toLowerCase();
    return r.headers.find((h) => h.key === key)?.value ?? '';
  }
  getAttachments(options?: { includeInlineImages?: boolean; includeAttachments?: boolean }): GmailAttachment[] {
    const r = this.call('getAttachments');
    const inline = options?.includeInlineImages ?? true;
    const regular = options?.includeAttachments ?? true;
    const list = r.attachments.filter((a) => (a.inline ? inline : regular)).map((a) => new GmailAttachment(this.env, a));
    return this.env.ctx.realm.toRealm(list);
  }
  isUnread(): boolean {
    return this.call('isUnread', true).labels.has('UNREAD');
  }
  isStarred(): boolean {
    return this.call('isStarred', true).labels.has('STARRED');
  }
  isDraft(): boolean {
    return this.call('isDraft', true).labels.has('DRAFT');
  }
  isInInbox(): boolean {
    return this.call('isInInbox', true).labels.has('INBOX');
  }
  isInTrash(): boolean {
    return this.call('isInTrash', true).labels.has('TRASH');
  }
  isInChats(): boolean {
    this.call('isInChats', true);
    return false;
  }
  markRead(): GmailMessage {
    this.call('markRead').labels.delete('UNREAD');
    return this;
  }
  markUnread(): GmailMessage {
    this.call('markUnread').labels.add('UNREAD');
    return this;
  }
  star(): GmailMessage {
    this.call('star').labels.add('STARRED');
    return this;
  }
  unstar(): GmailMessage {
    this.call('unstar').labels.delete('STARRED');
    return this;
  }
  moveToTrash(): GmailMessage {
    const r = this.call('moveToTrash');
    r.labels.delete('INBOX');
    r.labels.add('TRASH');
    return this;
  }
  refresh(): GmailMessage {
    this.call('refresh');
    return this;
  }
  reply(body: unknown, options?: unknown): GmailMessage {
    const r = this.call('reply');
    send(this.env, replyFields(this.env, r, body, options, false, false), r.threadId);
    return this;
  }
  replyAll(body: unknown, options?: unknown): GmailMessage {
    const r = this.call('replyAll');
    send(this.env, replyFields(this.env, r, body, options, true, false), r.threadId);
    return this;
  }
  createDraftReply(body: unknown, options?: unknown): GmailDraft {
    const r = this.call('createDraftReply');
    return new GmailDraft(this.env, saveDraft(this.env, replyFields(this.env, r, body, options, false, true), r.threadId));
  }
  createDraftReplyAll(body: unknown, options?: unknown): GmailDraft {
    const r = this.call('createDraftReplyAll');
    return new GmailDraft(this.env, saveDraft(this.env, replyFields(this.env, r, body, options, true, true), r.threadId));
  }
  forward(recipient: unknown, options?: unknown): GmailMessage {
    const r = this.call('forward');
    if (typeof recipient !== 'string') return signatureError(this.env, 'GmailMessage.forward', [recipient, options]);
    send(this.env, forwardFields(this.env, r, recipient, options), r.threadId);
    return this;
  }
}
