/**
 * What the hours and billing jobs need beyond src/jobs/ports.ts. src/gas/jobs/ builds them
 * over MailApp/GmailApp and the spreadsheet; tests build them over memory.
 */
export interface OutgoingMessage {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly attachments?: readonly { readonly name: string; readonly contentType: string; readonly content: string }[];
}

export interface MailPort {
  /** Recipients the account may still send to today. */
  remainingDailyQuota(): number;
  send(message: OutgoingMessage): void;
  /** Saves a Gmail draft; returns its id. */
  createDraft(message: OutgoingMessage): string;
  /** Deletes a draft made earlier; false when it no longer exists (sent or deleted by a person). */
  deleteDraft(id: string): boolean;
}

/** The run's Log-tab lines (src/gas/log.ts RunLog fits). */
export interface JobLog {
  add(action: string, detail?: string, ids?: { ticketId?: string; clientId?: string }): void;
}

/** A generated tab that is rewritten whole: one read, a few writes. */
export interface GeneratedSheet {
  readAll(): unknown[][];
  /**
   * Replaces the content with `values` (blanking whatever was below or beside it) and applies
   * formats; `widths` (pixels, column 1 first) sizes the columns so nothing reads cut off.
   */
  replaceAll(values: readonly (readonly unknown[])[], formats: readonly (readonly string[])[], boldRows: readonly number[], widths?: readonly number[]): void;
}

export interface GeneratedTabs {
  /** Names of every tab, in one call. */
  names(): string[];
  /** The tab, or null when it does not exist. */
  get(name: string): GeneratedSheet | null;
  /** The tab, created at the end when missing. */
  ensure(name: string): GeneratedSheet;
}
