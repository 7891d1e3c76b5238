/** A mail the automation wants to send: plain text, addresses already resolved. */
export interface OutgoingMail {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly body: string;
}

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
