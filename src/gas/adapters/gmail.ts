import { parseAddressList } from '../../core/mail/address';
import { parseHeaderBlock } from '../../core/mail/headers';
import { withOwnMark } from '../../core/mail/own';
import type { InboundMessage } from '../../core/mail/message';
import type { MailAttachment, OutgoingMail } from '../../core/notify/index';
import type { MailboxPort } from '../../jobs/ingest/ports';
import type { MailPort, ReplyTarget } from '../../jobs/mail/port';

type Thread = GoogleAppsScript.Gmail.GmailThread;
type Message = GoogleAppsScript.Gmail.GmailMessage;

/** Gmail returns at most 500 threads per search call. */
export const GMAIL_PAGE_MAX = 500;
/** Bodies beyond this are not needed for classification or article matching. */
const BODY_LIMIT = 20_000;

/** The documented HTML-to-PDF conversion: an HTML blob's getAs('application/pdf'). */
function attachmentBlob(a: MailAttachment): GoogleAppsScript.Base.Blob {
  if (!a.fromHtml) return Utilities.newBlob(a.content, a.contentType, a.name);
  return Utilities.newBlob(a.content, 'text/html', a.name).getAs(a.contentType).setName(a.name);
}

/** The raw header block only: attachments can make the whole source megabytes long. */
function headerBlockOf(raw: string): string {
  const end = raw.search(/\r?\n\r?\n/);
  return end < 0 ? raw : raw.slice(0, end);
}

type Options = GoogleAppsScript.Gmail.GmailAdvancedOptions;

/**
 * The one Apps Script adapter for mail: GmailApp to read the inbox, reply in threads and
 * keep drafts, MailApp for new mails and the day's quota (both count against the same
 * recipient quota). Threads found by a search are kept for the batch read, and messages
 * read are kept for the replies, so nothing is fetched twice in one run.
 */
export class GmailAdapter implements MailboxPort, MailPort {
  private readonly threads = new Map<string, Thread>();
  private readonly messages = new Map<string, { message: Message; replyTo: string }>();

  searchThreads(query: string, start: number, max: number): string[] {
    const page = GmailApp.search(query, start, Math.min(max, GMAIL_PAGE_MAX));
    return page.map((t) => {
      const id = t.getId();
      this.threads.set(id, t);
      return id;
    });
  }

  readThreads(threadIds: readonly string[], known: (gmailId: string) => boolean): InboundMessage[] {
    const threads: Thread[] = [];
    for (const id of threadIds) {
      const t = this.threads.get(id) ?? GmailApp.getThreadById(id);
      if (t) threads.push(t);
    }
    if (threads.length === 0) return [];
    const out: InboundMessage[] = [];
    GmailApp.getMessagesForThreads(threads).forEach((list, i) => {
      const threadId = threads[i]!.getId();
      for (const m of list) {
        const gmailId = m.getId();
        if (known(gmailId)) continue;
        out.push(this.read(m, gmailId, threadId));
      }
    });
    return out;
  }

  lastMessageAt(threadId: string): number | null {
    const t = this.threads.get(threadId) ?? GmailApp.getThreadById(threadId);
    return t ? t.getLastMessageDate().getTime() : null;
  }

  sentMailContains(phrase: string): boolean {
    return GmailApp.search(`in:sent "${phrase.replace(/"/g, ' ')}"`, 0, 1).length > 0;
  }

  private read(m: Message, gmailId: string, threadId: string): InboundMessage {
    try {
      const draft = m.isDraft();
      if (draft) return { ...unread(gmailId, threadId), draft };
      const headers = parseHeaderBlock(headerBlockOf(m.getRawContent()));
      const replyTo = headers.get('reply-to')?.[0] ?? '';
      this.messages.set(gmailId, { message: m, replyTo });
      const body = m.getPlainBody() ?? '';
      return {
        gmailId,
        threadId,
        from: m.getFrom(),
        to: m.getTo(),
        cc: m.getCc(),
        replyTo,
        subject: m.getSubject() ?? '',
        deliveredAt: m.getDate().getTime(),
        body: body.length > BODY_LIMIT ? body.slice(0, BODY_LIMIT) : body,
        headers,
        draft,
      };
    } catch (e) {
      return { ...unread(gmailId, threadId), readError: e instanceof Error ? e.message : String(e) };
    }
  }

  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  /**
   * A reply in the thread. GmailMessage.reply() documents no `subject` option (only
   * createDraftReply does: "the subject line for the reply draft"), so Gmail's reply keeps
   * "Re: <their subject>". When the mail must carry its own subject (the `[#T-…]` tag of an
   * acknowledgement), the reply is written as a draft reply with that subject and sent:
   * still in the thread, with In-Reply-To, by documented calls only (GmailDraft.send()).
   * Every mail and draft leaves marked as ours (core/mail/own), whichever job wrote it.
   */
  send(unmarked: OutgoingMail, replyIn?: ReplyTarget): void {
    const mail = withOwnMark(unmarked);
    const target = replyIn ? this.replyTarget(replyIn, mail) : null;
    if (target && replyIn?.keepThreadSubject) target.reply(mail.body, this.options(mail));
    else if (target) target.createDraftReply(mail.body, { ...this.options(mail), subject: mail.subject }).send();
    else MailApp.sendEmail({ to: mail.to.join(', '), subject: mail.subject, body: mail.body, ...this.options(mail) });
  }

  saveDraft(unmarked: OutgoingMail, replyIn?: ReplyTarget): string {
    const mail = withOwnMark(unmarked);
    const target = replyIn ? this.replyTarget(replyIn, mail) : null;
    const draft = target
      ? target.createDraftReply(
          mail.body,
          replyIn?.keepThreadSubject ? this.options(mail) : { ...this.options(mail), subject: mail.subject },
        )
      : GmailApp.createDraft(mail.to.join(', '), mail.subject, mail.body, this.options(mail));
    return draft.getId();
  }

  deleteDraft(id: string): boolean {
    try {
      GmailApp.getDraft(id).deleteDraft();
      return true;
    } catch {
      return false; // already sent or deleted by a person
    }
  }

  private options(mail: OutgoingMail): Options {
    const o: Options = {};
    if (mail.cc.length) o.cc = mail.cc.join(', ');
    if (mail.htmlBody !== undefined) o.htmlBody = mail.htmlBody;
    if (mail.attachments?.length) o.attachments = mail.attachments.map((a) => attachmentBlob(a));
    return o;
  }

  /**
   * The message to answer so that Gmail's reply reaches exactly `mail.to` (one address, or
   * the honoured Reply-To's several), or null to write
   * a new mail instead. GmailMessage.reply takes no recipients: it answers the message's
   * Reply-To, or its From when there is none. So a message is answered only when every
   * address it would reply to is the parsed address the job chose (never "contains": a
   * display name can hold the requester's address); the known message first, else the
   * latest such message in the thread.
   */
  private replyTarget(replyIn: ReplyTarget, mail: OutgoingMail): Message | null {
    const to = mail.to.map((a) => a.toLowerCase());
    if (to.length === 0) return null;
    if (replyIn.gmailId) {
      const known = this.messages.get(replyIn.gmailId);
      const message = known?.message ?? GmailApp.getMessageById(replyIn.gmailId);
      return message && repliesOnlyTo(known ? known.replyTo : message.getReplyTo(), message.getFrom(), to) ? message : null;
    }
    const thread = GmailApp.getThreadById(replyIn.threadId);
    if (!thread) return null;
    const messages = thread.getMessages();
    for (let i = messages.length - 1; i >= 0; i--)
      if (repliesOnlyTo(messages[i]!.getReplyTo(), messages[i]!.getFrom(), to)) return messages[i]!;
    return null;
  }
}

/**
 * Whether Gmail's reply to a message with this Reply-To and From goes to exactly the
 * addresses `to`. The reply copies that header as written, display name included: a name
 * holding line breaks or angle brackets (decoded from an encoded word) makes the reply fail
 * ("Invalid email"), so such a message is not answered in place and the mail goes to the
 * bare address instead.
 */
function repliesOnlyTo(replyTo: string, from: string, to: readonly string[]): boolean {
  const header = replyTo.trim() ? replyTo : from;
  if (/\p{Cc}/u.test(header)) return false;
  const parsed = parseAddressList(header);
  if (parsed.some((m) => /[<>]/.test(m.name))) return false;
  const natural = parsed.map((m) => m.address);
  return natural.length > 0 && natural.every((a) => to.includes(a)) && to.every((a) => natural.includes(a));
}

/** A message with nothing read from it: a draft (never read), or one whose reading failed. */
function unread(gmailId: string, threadId: string): InboundMessage {
  return {
    gmailId,
    threadId,
    from: '',
    to: '',
    cc: '',
    replyTo: '',
    subject: '',
    deliveredAt: 0,
    body: '',
    headers: new Map(),
    draft: false,
  };
}
