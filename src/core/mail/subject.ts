import { formatTicketId, parseTicketNumber, type TicketId } from '../types/ids';
import { cleanOutsideText, SUBJECT_MAX } from './outside-text';

/** Reply/forward prefixes mail clients add, in the languages support inboxes commonly see. */
const PREFIX = /^\s*(?:re|fw|fwd|aw|sv|vs|wg|antw|rif|r|tr|enc|res|ref)\s*(?:\[\d+\])?\s*[:：]\s*/i;
const TAG = /\[#(T-\d{6,})\]/i;
const TAGS = /\s*\[#T-\d{6,}\]\s*/gi;

/** The subject without Re:/RE:/AW:/Fwd: prefixes (repeated, any case) or our ticket tags. */
export function cleanSubject(subject: string): string {
  let s = subject.replace(TAGS, ' ');
  for (;;) {
    const stripped = s.replace(PREFIX, '');
    if (stripped === s) break;
    s = stripped;
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** The ticket a subject names with our tag, e.g. `Re: [#T-000123] Printer` → T-000123. */
export function ticketTagIn(subject: string): TicketId | null {
  const m = TAG.exec(subject);
  if (!m) return null;
  const n = parseTicketNumber(m[1]!.toUpperCase());
  return n === null ? null : formatTicketId(n);
}

export function ticketTag(id: TicketId): string {
  return `[#${id}]`;
}

/**
 * The subject our mail about a ticket carries: `Re: [#T-000123] <clean subject>`, the
 * sender's words reduced to a short plain line (outside text is data, not copy).
 */
export function taggedReplySubject(id: TicketId, subject: string): string {
  const clean = cleanSubject(cleanOutsideText(cleanSubject(subject), SUBJECT_MAX));
  return `Re: ${ticketTag(id)}${clean ? ' ' + clean : ''}`.slice(0, 250);
}
