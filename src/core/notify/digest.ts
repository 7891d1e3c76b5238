import type { OutgoingMail } from './types';

/**
 * One mail for several escalations due to the same people in one sweep: each ticket's
 * escalation as it would have read alone, numbered, under one subject. A flood of tickets
 * (one sender, one incident) then costs the escalation tiers one mail, not one per ticket,
 * and the day's mail quota stays for clients. The subject names no ticket tag, so a reply to
 * the digest is not taken for a reply about one of them.
 */
export function escalationDigest(
  mails: readonly OutgoingMail[],
  to: readonly string[],
  cc: readonly string[],
  part?: { index: number; of: number },
): OutgoingMail {
  const sections = mails.map((m, i) => {
    const body = m.body.replace(/\n?— Support Desk for Sheets \(SLA sweep\)\s*$/, '').trimEnd();
    return [`${i + 1}. ${m.subject}`, '', ...body.split('\n').map((l) => (l === '' ? '' : `   ${l}`))].join('\n');
  });
  const body = [
    `${mails.length} ${mails.length === 1 ? 'ticket needs' : 'tickets need'} attention. They are listed in one mail, each as its own escalation would read:`,
    '',
    sections.join('\n\n'),
    '',
    '— Support Desk for Sheets (SLA sweep)',
  ].join('\n');
  const label = part && part.of > 1 ? ` (part ${part.index} of ${part.of})` : '';
  return {
    to,
    cc,
    subject: `Escalations: ${mails.length} ${mails.length === 1 ? 'ticket needs' : 'tickets need'} attention${label}`,
    body: `${body}\n`,
  };
}

/**
 * The digests for one audience, split so that no mail's body passes `maxBytes` (Gmail refuses
 * a body over its size limit, and a refused digest would leave every ticket in it unescalated).
 * Every escalation is in exactly one part, in the order given; a lone escalation too large for
 * a part still gets a part of its own, so that the mailer, not this split, says it is too big.
 */
export function escalationDigests(
  mails: readonly OutgoingMail[],
  to: readonly string[],
  cc: readonly string[],
  maxBytes: number,
): { mail: OutgoingMail; members: number[] }[] {
  const groups: number[][] = [];
  let current: number[] = [];
  let size = 0;
  // The digest's frame (intro, signature, subject) is small; half a kilobyte covers it.
  const FRAME = 512;
  for (let i = 0; i < mails.length; i++) {
    const m = mails[i]!;
    // A section indents each line by three spaces and adds a numbered title.
    const own = utf8Length(m.body) + utf8Length(m.subject) + 3 * (m.body.split('\n').length + 2) + 16;
    if (current.length > 0 && FRAME + size + own > maxBytes) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(i);
    size += own;
  }
  if (current.length) groups.push(current);
  return groups.map((members, k) => ({
    mail:
      members.length === 1 && groups.length === 1
        ? mails[members[0]!]!
        : escalationDigest(
            members.map((i) => mails[i]!),
            to,
            cc,
            { index: k + 1, of: groups.length },
          ),
    members,
  }));
}

/** Bytes of `text` in UTF-8, which is how Gmail measures a body. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
