/** A file sent with a mail (the billing CSV, an invoice PDF). */
export interface MailAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly content: string;
  /** `content` is HTML to be converted to `contentType` (a PDF) where the mail is made. */
  readonly fromHtml?: boolean;
}

/**
 * A mail the automation wants to send: addresses already resolved from the register (never
 * taken from a thread), plain text with an optional HTML version.
 */
export interface OutgoingMail {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly attachments?: readonly MailAttachment[];
}

/** Every address a mail goes to: what the day's mail quota counts. */
export const recipientsOf = (m: Pick<OutgoingMail, 'to' | 'cc'>): number => m.to.length + m.cc.length;

/** What every notice says about the ticket. */
export interface TicketBrief {
  readonly ticketId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly subject: string;
  readonly priority: string;
  readonly status: string;
  readonly assignee: string;
  readonly requester: string;
  /** Where the ticket's row is (spreadsheet URL with gid and range), or '' when unknown. */
  readonly link: string;
  /** The zone times are shown in (the ticket's calendar). */
  readonly zone: string;
}
