import { describeWhen, type EscalationNotice, type LedgerEntry, type Tier } from '../escalation/index';
import { localTime, standing } from './format';
import type { OutgoingMail, TicketBrief } from './types';

const who = (t: Tier, email: string) => [`Tier ${t.tier}`, t.title, t.name, email ? `<${email}>` : ''].filter(Boolean).join(' ');

const verb = (n: EscalationNotice) =>
  n.evaluation.state === 'Breached' ? 'breached' : n.evaluation.state === 'At risk' ? 'at risk' : n.evaluation.state.toLowerCase();

function historyLine(e: LedgerEntry, zone: string): string {
  return `  - ${localTime(e.atMs, zone)}: ${e.topic.replace(/^.*? T(\d+)$/, 'tier $1')} ${e.outcome}${e.detail ? ` (${e.detail})` : ''}`;
}

/**
 * The escalation mail: ticket, client, subject, target, due and how late, who was told
 * before and who is copied because the sweep caught up, and a link to the row.
 */
export function escalationMail(
  n: EscalationNotice,
  brief: TicketBrief,
  addresses: { readonly to: string; readonly cc: readonly { tier: Tier; email: string }[] },
): OutgoingMail {
  const ev = n.evaluation;
  const subject = `[#${brief.ticketId}] Escalation tier ${n.tier.tier}: ${n.target} ${verb(n)} — ${brief.clientName}: ${brief.subject || '(no subject)'}`;
  const lines = [
    `Ticket ${brief.ticketId} of ${brief.clientName} (${brief.clientId}) needs attention: its ${n.target} target is ${verb(n)}.`,
    '',
    `Subject: ${brief.subject || '(no subject)'}`,
    `Priority: ${brief.priority} · Status: ${brief.status} · Assignee: ${brief.assignee || 'nobody yet'} · Requester: ${brief.requester || 'unknown'}`,
    `Target: ${n.target}, ${ev.targetMinutes / 60} business hours — ${standing(ev, brief.zone)}`,
    ev.breachedAtMs !== undefined ? `Breached at: ${localTime(ev.breachedAtMs, brief.zone)}` : '',
    n.cycleStartMs !== undefined
      ? `This update clock started ${localTime(n.cycleStartMs, brief.zone)} (the last staff message, or receipt).`
      : '',
    '',
    `You are told as ${who(n.tier, addresses.to)}, because the matrix says: ${describeWhen(n.tier.when)}.`,
  ];
  if (n.previously.length > 0) {
    lines.push('', 'Told before about this target:', ...n.previously.map((e) => historyLine(e, brief.zone)));
  } else {
    lines.push('', 'Nobody was told before about this target.');
  }
  if (addresses.cc.length > 0) {
    lines.push(
      '',
      'Also due and copied on this mail (their moment came before they could be told: the SLA sweep was not running, or this ticket’s notices were waiting their turn, one mail per sweep; so they get this one notice instead of a mail each):',
      ...addresses.cc.map((c) => `  - ${who(c.tier, c.email)} (${describeWhen(c.tier.when)})`),
    );
  }
  lines.push('', brief.link ? `Open the ticket's row: ${brief.link}` : '', '', '— Support Desk for Sheets (SLA sweep)');
  return {
    to: [addresses.to],
    cc: addresses.cc.map((c) => c.email).filter((e) => e !== addresses.to),
    subject,
    body:
      lines
        .filter((l, i, all) => l !== '' || (all[i - 1] ?? '') !== '')
        .join('\n')
        .trim() + '\n',
  };
}
