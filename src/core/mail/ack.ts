import { showTime } from '../time/show';
import type { TicketId } from '../types/ids';
import { ownMarker } from './own';
import { taggedReplySubject } from './subject';
import type { RankedArticle } from './kb';
import { cleanOutsideText, SUBJECT_MAX } from './outside-text';

/** A deadline as a person in that zone reads it (core/time/show): `Mon 30 Nov 2026 11:10 MST`. */
export function localDeadline(ms: number, timeZone: string): string {
  return showTime(ms, timeZone);
}

export interface AckInput {
  readonly ticketId: TicketId;
  readonly subject: string;
  /** The name to greet, already judged usable (outside-text.ts); '' for a neutral "Hello,". */
  readonly requesterName: string;
  /** The level's name as the team calls it (Settings → Priority names). */
  readonly priority: string;
  /** First-response deadline and the zone of the calendar it was counted in; null when no policy applies. */
  readonly firstResponseDue: { readonly ms: number; readonly timeZone: string; readonly within?: string | null } | null;
  /** When the acknowledgement is written: a promise already past (mail read late) is not made. */
  readonly now?: number;
  readonly articles: readonly RankedArticle[];
  readonly followers: readonly string[];
  /** Given on a weekday holiday of the client's calendar (blank: none is set, or not a holiday). */
  readonly emergencyContact?: string;
}

export interface OutgoingText {
  readonly subject: string;
  readonly body: string;
}

/** The immediate confirmation a requester gets: ticket number, priority, promise, articles. */
export function acknowledgement(a: AckInput): OutgoingText {
  const hello = a.requesterName.trim() ? `Hello ${a.requesterName.trim()},` : 'Hello,';
  const lines = [
    hello,
    '',
    `We have received your request and opened ticket ${a.ticketId} (priority ${a.priority}).`,
    a.firstResponseDue && (a.now === undefined || a.firstResponseDue.ms > a.now)
      ? `You will hear from us ${a.firstResponseDue.within ? `${a.firstResponseDue.within}, ` : ''}by ${localDeadline(a.firstResponseDue.ms, a.firstResponseDue.timeZone)}.`
      : 'We will get back to you as soon as we can.',
    `Please keep ${'[#' + a.ticketId + ']'} in the subject when you write about this request.`,
  ];
  if (a.emergencyContact?.trim())
    lines.push(`Our office is closed today for a public holiday. In an emergency, please contact: ${a.emergencyContact.trim()}.`);
  if (a.followers.length > 0) lines.push(`People copied on your mail will receive updates too: ${a.followers.join(', ')}.`);
  if (a.articles.length > 0) {
    lines.push('', 'These articles may already answer your question:');
    for (const art of a.articles) lines.push(`- ${art.title}: ${art.url}`);
  }
  lines.push('', 'The Support team', '', ownMarker('ack', a.ticketId));
  return { subject: taggedReplySubject(a.ticketId, a.subject), body: lines.join('\n') };
}

/**
 * The one polite answer an unregistered sender gets per day: how to be registered. It never
 * names a client: a sender's domain proves nothing (anyone can write from a public mail
 * provider, or forge a From), and naming the client would tell a stranger who our clients
 * are. A contact on file who may not open tickets is told that instead of "not registered",
 * which would be untrue and send them to register an address that already is; only they,
 * at their own registered address, hear their client's name.
 */
export function unregisteredReply(
  subject: string,
  clientName: string | null,
  ledgerKey: string,
  opts: { contactMayNotOpen?: boolean } = {},
): OutgoingText {
  const onFile = opts.contactMayNotOpen === true && clientName !== null;
  const lines = [
    'Hello,',
    '',
    onFile
      ? 'Thank you for your message. Support requests are accepted by mail only from the contacts each client has authorized to open them,'
      : 'Thank you for your message. Support requests are accepted by mail only from registered contacts of our clients,',
    onFile
      ? `and your address is registered for ${clientName} but not authorized to open support requests, so no ticket was opened.`
      : 'and your address is not registered with us, so no ticket was opened.',
    onFile
      ? `Please ask an authorized contact at ${clientName} to send the request, or your Customer Success Manager to authorize your address.`
      : 'Please ask your Customer Success Manager (or a registered colleague) to register your address; then send your request again.',
    '',
    'The Support team',
    '',
    ownMarker('unregistered', ledgerKey),
  ];
  // A stranger's subject is the likeliest carrier of spam we would otherwise echo back.
  const clean = cleanOutsideText(subject, SUBJECT_MAX).replace(/^re:\s*/i, '');
  return { subject: clean ? `Re: ${clean}` : 'Re: your message', body: lines.join('\n') };
}
