import { recipientsOf, type OutgoingMail } from '../../core/notify/index';
import type { MailPort, ReplyTarget } from './port';

export type Delivery = 'sent' | 'draft';

/**
 * Whom a mail is for: `client` (registered clients, staff, notices — the default) or
 * `stranger` (the polite reply to an unregistered sender), which stops sooner so the last
 * of the day's quota always goes to clients.
 */
export type MailPriority = 'client' | 'stranger';

export interface Delivered {
  readonly delivery: Delivery;
  /** The draft's id, when held as a draft. */
  readonly draftId?: string;
  /** Recipients left in today's quota before this mail (for the Log when held). */
  readonly quotaLeft: number;
}

/**
 * The one rule for mail near the end of the day's quota (MailApp counts recipients: 100 a
 * day on a consumer account, 1,500 on Workspace). A mail is sent only if, after it, at
 * least `reserve` recipients would remain; otherwise it is saved as a Gmail draft that a
 * person can send, and the caller logs it with `heldReason`. So the last of the quota is
 * never spent by one job, and nothing is dropped. The quota is asked once per run (a
 * service call) and counted down locally after each send.
 */
export class QuotaMailer {
  private left: number | null = null;

  constructor(
    private readonly port: MailPort,
    readonly reserve: number,
  ) {}

  /** Recipients left in today's quota, as this run counts them. */
  remaining(): number {
    this.left ??= this.port.remainingQuota();
    return this.left;
  }

  /**
   * Sends, or holds as a draft when sending would go below the reserve — for mail to a
   * stranger, below twice the reserve: the band between is kept for clients. Throws what
   * the port throws.
   */
  deliver(mail: OutgoingMail, replyIn?: ReplyTarget, priority: MailPriority = 'client'): Delivered {
    const quotaLeft = this.remaining();
    const recipients = recipientsOf(mail);
    if (quotaLeft - recipients < this.floor(priority)) return { delivery: 'draft', draftId: this.port.saveDraft(mail, replyIn), quotaLeft };
    this.port.send(mail, replyIn);
    this.left = quotaLeft - recipients;
    return { delivery: 'sent', quotaLeft };
  }

  private floor(priority: MailPriority): number {
    return priority === 'client' ? this.reserve : 2 * this.reserve;
  }

  /** Always a draft, for a person to check and send (billing statements); drafts use no quota. */
  draft(mail: OutgoingMail, replyIn?: ReplyTarget): string {
    return this.port.saveDraft(mail, replyIn);
  }

  deleteDraft(id: string): boolean {
    return this.port.deleteDraft(id);
  }

  /** The Log's words for a mail held as a draft. */
  heldReason(quotaLeft: number, priority: MailPriority = 'client'): string {
    if (priority === 'stranger')
      return `mail quota near the reserve (${quotaLeft} recipients left today; replies to unregistered senders stop at twice the reserve of ${this.reserve}, keeping the rest for clients): saved as a Gmail draft`;
    return `mail quota below the reserve (${quotaLeft} recipients left today, reserve ${this.reserve}): saved as a Gmail draft; send it from Drafts`;
  }
}
