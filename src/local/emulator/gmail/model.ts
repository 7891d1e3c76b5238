import { simpleParser } from 'mailparser';
import { composeHeadSync, composeRaw, outgoingHeaderLines, type OutgoingFields, type OutgoingMail } from './compose';
import { DraftIdSource, IdSource } from './ids';
import { RecipientQuota } from './quota';
import { recordFromParsed, SYSTEM_LABELS, type MessageRecord } from './record';
import { normaliseSubject } from './subject';
import { findThread, type ThreadIndex } from './threading';

export interface MailboxOptions {
  /** The account the script runs as. */
  address: string;
  /** Send-as addresses (GmailApp.getAliases). */
  aliases?: string[];
  /** Email recipients a day: 100 on a consumer account (the default), 1,500 on Workspace. */
  dailyQuota?: number;
  /** Display name on mail the account sends. */
  name?: string;
}

export interface DeliverOptions {
  /** Internal date (epoch ms); defaults to the message's Date header. */
  at?: number;
  /** Labels (system ids like 'SPAM' or user label names) instead of INBOX. */
  labels?: string[];
  /** Delivered already read (default: unread). */
  read?: boolean;
}

export interface DeliveredMessage {
  id: string;
  threadId: string;
  /** The Message-ID header ('' if the mail had none). */
  messageId: string;
  subject: string;
  internalDate: number;
}

export interface ThreadRecord {
  readonly id: string;
  readonly messageIds: string[];
  readonly subjectKey: string;
}

interface DraftEntry {
  mail: OutgoingMail;
}

/**
 * The Gmail account behind the emulated GmailApp/MailApp: messages, threads, labels,
 * drafts, sent mail and the recipient quota. Host side; the services read it live.
 */
export class MailboxModel {
  readonly address: string;
  readonly aliases: readonly string[];
  readonly name: string;
  readonly quota: RecipientQuota;
  private readonly messages = new Map<string, MessageRecord>();
  private readonly threadMap = new Map<string, ThreadRecord>();
  private readonly byMessageIdHeader = new Map<string, string[]>();
  private readonly labelNames = new Map<string, string>();
  private readonly outbox: OutgoingMail[] = [];
  private readonly draftMap = new Map<string, DraftEntry>();
  private readonly ids = new IdSource();
  private readonly draftIds = new DraftIdSource();
  private seq = 0;
  private labelSeq = 0;
  private outboxSeq = 0;

  constructor(options: MailboxOptions) {
    this.address = options.address.toLowerCase();
    this.aliases = (options.aliases ?? []).map((a) => a.toLowerCase());
    this.name = options.name ?? '';
    this.quota = new RecipientQuota(options.dailyQuota ?? 100);
  }

  /** Parses and files one incoming message, threading it as Gmail would. */
  async deliver(raw: string | Buffer, opts: DeliverOptions = {}): Promise<DeliveredMessage> {
    const parsed = await simpleParser(raw);
    const internalDate = opts.at ?? parsed.date?.getTime();
    if (internalDate === undefined || Number.isNaN(internalDate)) {
      throw new Error(`deliver: message "${parsed.subject ?? ''}" has no Date header; pass opts.at`);
    }
    const labels = opts.labels ? opts.labels.map((l) => this.labelIdFor(l)) : ['INBOX'];
    if (!opts.read) labels.push('UNREAD');
    const id = this.ids.next(internalDate);
    const rec = recordFromParsed(parsed, {
      id,
      threadId: '',
      internalDate,
      seq: ++this.seq,
      raw: typeof raw === 'string' ? raw : raw.toString('latin1'),
      labels,
    });
    rec.threadId = findThread(this.index, rec.referenceIds, rec.subject) ?? id;
    this.file(rec);
    return { id, threadId: rec.threadId, messageId: rec.messageIdHeader, subject: rec.subject, internalDate };
  }

  /** Every mail the account sent, oldest first. */
  get sent(): readonly OutgoingMail[] {
    return this.outbox.filter((m) => m.kind === 'sent');
  }

  /** The drafts that still exist (sent or deleted ones drop out). */
  get drafts(): readonly OutgoingMail[] {
    return [...this.draftMap.values()].map((d) => d.mail);
  }

  /** Sent mail and live drafts in outbox order (what writeOutbox writes). */
  get outgoing(): readonly OutgoingMail[] {
    const live = new Set(this.drafts);
    return this.outbox.filter((m) => m.kind === 'sent' || live.has(m));
  }

  /** Resolves once every outgoing mail's RFC 5322 source is built. */
  async settled(): Promise<void> {
    await Promise.all(this.outbox.map((m) => m.raw));
  }

  // ——— host-side access used by the services ———

  message(id: string): MessageRecord | undefined {
    return this.messages.get(id);
  }

  thread(id: string): ThreadRecord | undefined {
    return this.threadMap.get(id);
  }

  threads(): IterableIterator<ThreadRecord> {
    return this.threadMap.values();
  }

  /** The thread's messages that have arrived by `now`, oldest first. */
  visibleMessages(threadId: string, now: number): MessageRecord[] {
    const t = this.threadMap.get(threadId);
    if (!t) return [];
    const out: MessageRecord[] = [];
    for (const id of t.messageIds) {
      const m = this.messages.get(id);
      if (m && m.internalDate <= now) out.push(m);
    }
    return out.sort((a, b) => a.internalDate - b.internalDate || a.seq - b.seq);
  }

  isOwnAddress(address: string): boolean {
    const a = address.toLowerCase();
    return a === this.address || this.aliases.includes(a);
  }

  userLabels(): Array<{ id: string; name: string }> {
    return [...this.labelNames].map(([id, name]) => ({ id, name }));
  }

  labelName(id: string): string | undefined {
    return this.labelNames.get(id);
  }

  /** Gmail label names are unique regardless of case. */
  findUserLabel(name: string): string | undefined {
    const want = name.toLowerCase();
    for (const [id, n] of this.labelNames) if (n.toLowerCase() === want) return id;
    return undefined;
  }

  createUserLabel(name: string): string {
    const existing = this.findUserLabel(name);
    if (existing) return existing;
    const id = `Label_${++this.labelSeq}`;
    this.labelNames.set(id, name);
    return id;
  }

  deleteUserLabel(id: string): void {
    this.labelNames.delete(id);
    for (const m of this.messages.values()) m.labels.delete(id);
  }

  /** Files a mail the account wrote, visible at once, and starts building its source. */
  addOutgoing(
    given: OutgoingFields,
    where: { kind: 'sent' | 'draft'; threadId?: string; labels: string[] },
  ): { record: MessageRecord; mail: OutgoingMail } {
    const id = this.ids.next(given.date);
    const fields: OutgoingFields = given.messageIdHeader ? given : { ...given, messageIdHeader: this.newMessageIdHeader(id) };
    const threadId = where.threadId ?? id;
    const rawPromise = composeRaw(fields);
    const draftId = where.kind === 'draft' ? this.draftIds.next() : undefined;
    const mail: OutgoingMail = {
      ...fields,
      kind: where.kind,
      outboxSeq: ++this.outboxSeq,
      id,
      threadId,
      ...(draftId ? { draftId } : {}),
      raw: rawPromise,
    };
    const record: MessageRecord = {
      id,
      threadId,
      internalDate: fields.date,
      seq: ++this.seq,
      headers: outgoingHeaderLines(fields),
      messageIdHeader: fields.messageIdHeader,
      referenceIds: [...(fields.references ?? [])],
      subject: fields.subject,
      from: fields.from,
      to: fields.to,
      cc: fields.cc,
      bcc: fields.bcc,
      replyTo: fields.replyTo,
      deliveredTo: '',
      text: fields.text,
      html: fields.html,
      attachments: fields.attachments,
      raw: undefined,
      labels: new Set(where.labels),
      own: true,
    };
    rawPromise.then(
      (buf) => {
        record.raw = buf.toString('latin1');
      },
      () => undefined,
    );
    this.outbox.push(mail);
    if (draftId) this.draftMap.set(draftId, { mail });
    this.file(record);
    return { record, mail };
  }

  /** A synchronous stand-in for the source of an outgoing mail still being composed. */
  provisionalRaw(record: MessageRecord): string {
    const mail = this.outbox.find((m) => m.id === record.id);
    if (!mail) return '';
    return `${composeHeadSync(mail)}\r\n\r\n${record.text}`;
  }

  draft(draftId: string): OutgoingMail | undefined {
    return this.draftMap.get(draftId)?.mail;
  }

  /** Removes a draft and its message from the mailbox. */
  discardDraft(draftId: string): void {
    const entry = this.draftMap.get(draftId);
    if (!entry) return;
    this.draftMap.delete(draftId);
    this.removeMessage(entry.mail.id);
  }

  newMessageIdHeader(gmailId: string): string {
    const domain = 'mail.gmail.com';
    return `<CAEMU${gmailId.toUpperCase()}@${domain}>`;
  }

  private removeMessage(id: string): void {
    const m = this.messages.get(id);
    if (!m) return;
    this.messages.delete(id);
    const t = this.threadMap.get(m.threadId);
    if (t) {
      const i = t.messageIds.indexOf(id);
      if (i >= 0) t.messageIds.splice(i, 1);
      if (t.messageIds.length === 0) this.threadMap.delete(t.id);
    }
    if (m.messageIdHeader) {
      const list = this.byMessageIdHeader.get(m.messageIdHeader);
      if (list) {
        const i = list.indexOf(m.threadId);
        if (i >= 0) list.splice(i, 1);
      }
    }
  }

  private file(rec: MessageRecord): void {
    this.messages.set(rec.id, rec);
    let t = this.threadMap.get(rec.threadId);
    if (!t) {
      t = { id: rec.threadId, messageIds: [], subjectKey: normaliseSubject(rec.subject) };
      this.threadMap.set(t.id, t);
    }
    t.messageIds.push(rec.id);
    if (rec.messageIdHeader) {
      const list = this.byMessageIdHeader.get(rec.messageIdHeader) ?? [];
      list.push(rec.threadId);
      this.byMessageIdHeader.set(rec.messageIdHeader, list);
    }
  }

  private readonly index: ThreadIndex = {
    threadsWithMessageId: (h) => this.byMessageIdHeader.get(h) ?? [],
    subjectKeyOf: (id) => this.threadMap.get(id)?.subjectKey,
  };

  private labelIdFor(label: string): string {
    const upper = label.toUpperCase();
    if ((SYSTEM_LABELS as readonly string[]).includes(upper)) return upper;
    return this.createUserLabel(label);
  }
}
