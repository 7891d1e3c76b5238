/**
 * Reply and forward prefixes in the languages Gmail users commonly meet. Gmail strips
 * them (repeatedly, any case) before comparing subjects for threading.
 */
const PREFIX = /^\s*(?:re|fw|fwd|aw|sv|vs|wg|antw|rif|r|tr|enc|res)\s*(?:\[\d+\])?\s*[:：]\s*/i;

export function normaliseSubject(subject: string): string {
  let s = subject;
  for (;;) {
    const stripped = s.replace(PREFIX, '');
    if (stripped === s) break;
    s = stripped;
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** What Gmail puts on a reply: the original subject with one 'Re: ' unless it already has one. */
export function replySubject(subject: string): string {
  return /^\s*re\s*:/i.test(subject) ? subject : `Re: ${subject}`;
}
