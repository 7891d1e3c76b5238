/**
 * When a message from a file reached the mailbox: the one rule for every mail file read
 * by the emulator, the CLI and the tests.
 *
 *   1. the date on the message's mbox `From ` separator line, when it has one and it reads;
 *   2. else the date of the topmost `Received:` header (the last hop, written by the
 *      receiving server as it accepted the message);
 *   3. else the `Date:` header (when the sender composed it);
 *   4. else none: the caller refuses the message rather than guessing.
 *
 * Why this order: Gmail orders and dates a message (`internalDate`, what Apps Script's
 * GmailMessage.getDate() returns) by when Google accepted it, "more reliable than the Date
 * header" (Gmail API, Message.internalDate). A Gmail/Takeout mbox export writes exactly that
 * time on the `From ` line, so it comes first. Without it, the topmost Received header is the
 * receiving server's own stamp of that moment. `Date:` is set by the sender's client (clock
 * skew, messages written long before sending, duplicates re-delivered later), so it is the
 * last resort; it is also what Gmail's import falls back to (messages.import's default
 * internalDateSource is the Date header). A date that does not parse is treated as absent.
 */
export function deliveryTime(raw: Buffer | string, separatorTime = NaN): number {
  if (Number.isFinite(separatorTime)) return separatorTime;
  const head = headBlock(raw);
  const received = headerValue(head, 'received');
  // A Received header ends with "; <date-time>" (RFC 5321 §4.4).
  const t = received === undefined || !received.includes(';') ? NaN : parseMailDate(received.slice(received.lastIndexOf(';') + 1));
  if (Number.isFinite(t)) return t;
  const date = headerValue(head, 'date');
  return date === undefined ? NaN : parseMailDate(date);
}

/** The header block (up to the first blank line), read as latin1 so any bytes survive. */
function headBlock(raw: Buffer | string): string {
  const text = typeof raw === 'string' ? raw.slice(0, 64 * 1024) : raw.toString('latin1', 0, Math.min(raw.length, 64 * 1024));
  return text.split(/\r?\n\r?\n/, 1)[0] ?? '';
}

/** The first (topmost) header of that name, unfolded. */
function headerValue(head: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return m ? m[1]!.replace(/\r?\n[ \t]+/g, ' ') : undefined;
}

/** RFC 5322 date-time: `[Mon, ]2 Nov 2026 08:30[:00] -0700` (or an obsolete zone name such as GMT, PDT). */
const RFC5322 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+(?:[+-]\d{4}|[A-Za-z]{1,5}))?$/;

/**
 * An RFC 5322 date-time (comments such as "(PDT)" dropped), or NaN. The shape is checked
 * first: Date.parse alone is lenient and reads text such as "id 1" as the year 2001.
 */
export function parseMailDate(text: string): number {
  const s = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return RFC5322.test(s) ? Date.parse(s) : NaN;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** asctime as mbox writers put it: `Thu Sep  3 18:32:56 2026`, maybe with a zone before or after the year. */
const ASCTIME =
  /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([+-]\d{4}|UTC|GMT)\s+)?(\d{4})(?:\s+([+-]\d{4}|UTC|GMT))?\b/;

/**
 * The delivery time on an mbox `From ` line (what follows the sender), or NaN. The usual
 * asctime carries no zone; it is read as UTC (what Gmail's export and most tools write),
 * never in the zone of the machine reading the file, so the same mbox gives the same
 * inbox everywhere.
 */
export function mboxLineTime(rest: string): number {
  const m = ASCTIME.exec(rest.trim());
  if (!m) return NaN;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  if (month < 0) return NaN;
  const zone = m[6] ?? m[8] ?? 'UTC';
  const offset = /^[+-]/.test(zone) ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) : 0;
  const [day, hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0)];
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return NaN;
  return Date.UTC(Number(m[7]), month, day, hour, minute, second) - offset * 60_000;
}
