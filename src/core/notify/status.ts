import type { ReminderNotice } from '../escalation/index';
import { businessSpan, localTime, standing } from './format';
import type { OutgoingMail, TicketBrief } from './types';
import { cleanOutsideText, SUBJECT_MAX } from '../mail/outside-text';

/**
 * To the requester and followers when a ticket is Resolved: asks them to confirm, or to
 * reply (in the same thread) to reopen. Sent as a reply in the ticket's Gmail thread.
 */
export function resolvedMail(brief: TicketBrief, followers: readonly string[], resolvedAtMs: number): OutgoingMail {
  // The ticket's subject came from the requester's mail: echoed only as a short plain line.
  const subject = cleanOutsideText(brief.subject, SUBJECT_MAX) || '(no subject)';
  const body = [
    'Hello,',
    '',
    `We have marked your request ${brief.ticketId} "${subject}" as resolved (${localTime(resolvedAtMs, brief.zone)}).`,
    '',
    'Please confirm that it works for you: a reply saying so closes the ticket. If it does not, or something is still open, simply reply to this message and we will reopen it.',
    '',
    'Thank you,',
    'The Support team',
  ].join('\n');
  return {
    to: brief.requester ? [brief.requester] : [],
    cc: followers.filter((f) => f !== brief.requester),
    subject: `[#${brief.ticketId}] Resolved: ${subject}`,
    body: body + '\n',
  };
}

/** To the assignee of a Critical ticket when its next update is due soon (or overdue). */
export function reminderMail(n: ReminderNotice, brief: TicketBrief, to: string): OutgoingMail {
  const ev = n.evaluation;
  const body = [
    `Ticket ${brief.ticketId} of ${brief.clientName} is Critical: the client is promised an update every ${businessSpan(ev.targetMinutes)} of business time.`,
    '',
    `Subject: ${brief.subject || '(no subject)'}`,
    `Last update (or receipt): ${localTime(n.cycleStartMs, brief.zone)}`,
    `Next update ${standing(ev, brief.zone)}`,
    '',
    'Reply in the ticket’s thread to send the update; that restarts the clock.',
    brief.link ? `Open the ticket's row: ${brief.link}` : '',
    '',
    '— Support Desk for Sheets (SLA sweep)',
  ]
    .filter((l, i, all) => l !== '' || (all[i - 1] ?? '') !== '')
    .join('\n');
  return {
    to: [to],
    cc: [],
    subject: `[#${brief.ticketId}] Critical: next update ${ev.state === 'Breached' ? 'overdue' : 'due soon'} — ${brief.subject || '(no subject)'}`,
    body: body + '\n',
  };
}
