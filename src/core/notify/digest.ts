import type { OutgoingMail } from './types';

/**
 * One mail for several escalations due to the same people in one sweep: each ticket's
 * escalation as it would have read alone, numbered, under one subject. A flood of tickets
 * (one sender, one incident) then costs the escalation tiers one mail, not one per ticket,
 * and the day's mail quota stays for clients. The subject names no ticket tag, so a reply to
 * the digest is not taken for a reply about one of them.
 */
export function escalationDigest(mails: readonly OutgoingMail[], to: readonly string[], cc: readonly string[]): OutgoingMail {
  const sections = mails.map((m, i) => {
    const body = m.body.replace(/\n?— Support Desk for Sheets \(SLA sweep\)\s*$/, '').trimEnd();
    return [`${i + 1}. ${m.subject}`, '', ...body.split('\n').map((l) => (l === '' ? '' : `   ${l}`))].join('\n');
  });
  const body = [
    `${mails.length} tickets need attention. They are listed in one mail, each as its own escalation would read:`,
    '',
    sections.join('\n\n'),
    '',
    '— Support Desk for Sheets (SLA sweep)',
  ].join('\n');
  return { to, cc, subject: `Escalations: ${mails.length} tickets need attention`, body: `${body}\n` };
}
