import { addressesIn } from '../../core/mail/address';
import { parseHeaderBlock } from '../../core/mail/headers';
import type { InboundMessage } from '../../core/mail/message';
import type { Delivery, MailboxPort, MailerPort, OutgoingMail } from '../../jobs/ingest/ports';

type Thread = GoogleAppsScript.Gmail.GmailThread;
type Message = GoogleAppsScript.Gmail.GmailMessage;

/** Gmail returns at most 500 threads per search call. */
export const GMAIL_PAGE_MAX = 500;
/** Bodies beyond this are not needed for classification or article matching. */
const BODY_LIMIT = 20_000;

/** The raw header block only: attachments can make the whole source megabytes long. */
function headerBlockOf(raw: string): string {
  const end = raw.search(/\r?\n\r?\n/);
  return end < 0 ? raw : raw.slice(0, end);
}

/**
 * GmailApp behind the ingest job's ports. Threads found by a search are kept for the
 * batch read, and messages read are kept for the replies, so nothing is fetched twice
 * in one run.
 */
export class GmailAdapter implements MailboxPort, MailerPort {
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

  sentMailContains(phrase: string): boolean {
    return GmailApp.search(`in:sent "${phrase.replace(/"/g, ' ')}"`, 0, 1).length > 0;
  }

  private read(m: Message, gmailId: string, threadId: string): InboundMessage {
    try {
      const draft = m.isDraft();
      if (draft) return { gmailId, threadId, from: '', to: '', cc: '', replyTo: '', subject: '', deliveredAt: 0, body: '', headers: new Map(), draft };
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
        readError: e instanceof Error ? e.message : String(e),
      };
    }
  }

  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  /**
   * Replies in the thread when Gmail's reply would reach the requester; when the mail
   * named another Reply-To (which never becomes the requester), writes to the requester
   * directly with the tagged subject instead, so the ticket still joins its replies.
   */
  reply(gmailId: string, threadId: string, mail: OutgoingMail, asDraft: boolean): Delivery {
    const options: GoogleAppsScript.Gmail.GmailAdvancedOptions & { subject?: string } = { subject: mail.subject };
    if (mail.cc.length) options.cc = mail.cc.join(', ');
    const known = this.messages.get(gmailId);
    const message = known?.message ?? GmailApp.getMessageById(gmailId);
    const replyTarget = known ? addressesIn(known.replyTo)[0] : undefined;
    if (message && (replyTarget === undefined || replyTarget === mail.to)) {
      if (asDraft) message.createDraftReply(mail.body, options);
      else message.reply(mail.body, options);
    } else {
      const { subject: _s, ...rest } = options;
      if (asDraft) GmailApp.createDraft(mail.to, mail.subject, mail.body, rest);
      else GmailApp.sendEmail(mail.to, mail.subject, mail.body, rest);
    }
    void threadId;
    return asDraft ? 'draft' : 'sent';
  }
}
