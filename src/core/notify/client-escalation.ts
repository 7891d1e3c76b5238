import type { ClientRequest, Tier } from '../escalation/index';
import { localTime } from './format';
import type { OutgoingMail, TicketBrief } from './types';

/** How a tier is named to a client: its person and title from the matrix, never an internal note. */
export function ownerName(tier: Tier): string {
  if (tier.name && tier.title) return `${tier.name}, ${tier.title}`;
  return tier.name || tier.title || `our tier ${tier.tier} contact`;
}

/**
 * To the tier a client's request raised the ticket to: who asked, in which words, the
 * ticket, and what earlier tiers were told (the history), with a link to the row.
 */
export function clientEscalationMail(brief: TicketBrief, request: ClientRequest, tier: Tier, to: string): OutgoingMail {
  const lines = [
    `The client asked to escalate ticket ${brief.ticketId} of ${brief.clientName} (${brief.clientId}), and the escalation matrix makes you its owner now: tier ${tier.tier}${tier.title ? ` (${tier.title})` : ''}.`,
    '',
    `Asked: ${localTime(request.requestedAtMs, brief.zone)} by ${request.detail}`,
    `Subject: ${brief.subject || '(no subject)'}`,
    `Priority: ${brief.priority} · Status: ${brief.status} · Assignee: ${brief.assignee || 'nobody yet'} · Requester: ${brief.requester || 'unknown'}`,
    '',
    request.previously.length ? 'Told before about this ticket:' : 'Nobody in the matrix was told about this ticket before.',
    ...request.previously.map(
      (e) =>
        `  - ${localTime(e.atMs, brief.zone)}: ${e.topic.replace(/^(.*?) T(\d+)$/, 'tier $2 ($1)')} ${e.outcome}${e.detail ? ` (${e.detail})` : ''}`,
    ),
    '',
    'The client has been told you now own it. Please contact them.',
    brief.link ? `Open the ticket's row: ${brief.link}` : '',
    '',
    '— Support Desk for Sheets (SLA sweep)',
  ];
  return {
    to: [to],
    cc: [],
    subject: `[#${brief.ticketId}] Client escalation to tier ${tier.tier} — ${brief.clientName}: ${brief.subject || '(no subject)'}`,
    body: `${lines
      .filter((l, i, all) => l !== '' || (all[i - 1] ?? '') !== '')
      .join('\n')
      .trim()}\n`,
  };
}

/**
 * To the client who asked (and the followers), in the ticket's thread: who owns the ticket
 * now. When every tier was already told, it says who already owns it instead.
 */
export function clientEscalationReply(
  brief: TicketBrief,
  owner: Tier,
  raised: boolean,
  to: string,
  cc: readonly string[],
  greet: string,
): OutgoingMail {
  const who = ownerName(owner);
  const body = [
    greet ? `Hello ${greet},` : 'Hello,',
    '',
    raised
      ? `As you asked, we have escalated your request ${brief.ticketId} "${brief.subject || '(no subject)'}": ${who} now owns it and will be in touch.`
      : `Your request ${brief.ticketId} "${brief.subject || '(no subject)'}" is already with ${who}, the highest level of our escalation path, who will be in touch.`,
    '',
    'You can reply to this message at any time; it stays with your ticket.',
    '',
    'Thank you,',
    'The Support team',
  ].join('\n');
  return {
    to: [to],
    cc: cc.filter((c) => c !== to),
    subject: `[#${brief.ticketId}] Escalated: ${brief.subject || '(no subject)'}`,
    body: `${body}\n`,
  };
}
