import { localTime } from './format';
import type { OutgoingMail, TicketBrief } from './types';

export interface IncidentFacts {
  readonly receivedAtMs: number;
  readonly firstResponseAtMs: number | null;
  readonly resolvedAtMs: number;
  readonly paused: string;
  readonly slaRecord: string;
  readonly messages: number;
  readonly followers: readonly string[];
}

/**
 * A draft incident report for the CSM of an Enterprise client after a Critical ticket is
 * resolved (essensys: Incident Reporting is an Enterprise-edition entitlement). The timeline
 * comes from the ticket's stamps and SLA record, in the client's time zone; impact and
 * resolution are started from the ticket and left for the CSM to complete. It is only ever
 * a draft: the CSM reviews it and sends it.
 */
export function incidentReportDraft(brief: TicketBrief, f: IncidentFacts, csm: string): OutgoingMail {
  const t = (ms: number) => localTime(ms, brief.zone);
  const lines = [
    `Incident report (draft for review): ${brief.ticketId} "${brief.subject || '(no subject)'}" — ${brief.clientName}`,
    '',
    'Timeline',
    `- ${t(f.receivedAtMs)}: reported by ${brief.requester || '(no requester)'}${f.followers.length ? `, with ${f.followers.join(', ')} copied` : ''}`,
    f.firstResponseAtMs === null ? '- no staff response was recorded before resolution' : `- ${t(f.firstResponseAtMs)}: first response`,
    ...(f.paused.trim() ? [`- waiting on the client: ${f.paused.trim()}`] : []),
    `- ${t(f.resolvedAtMs)}: resolved`,
    `- ${f.messages} message${f.messages === 1 ? '' : 's'} in the ticket; SLA: ${f.slaRecord.trim() || 'no targets recorded'}`,
    '',
    'Impact',
    `- Priority ${brief.priority}: ${brief.subject || '(no subject)'}. [Describe who and what was affected, and for how long.]`,
    '',
    'Resolution',
    '- [Describe the cause and the fix, and what prevents a recurrence.]',
    '',
    `Times are in ${brief.zone}.${brief.link ? ` Ticket: ${brief.link}` : ''}`,
  ];
  return {
    to: [csm],
    cc: [],
    subject: `[#${brief.ticketId}] Incident report (draft): ${brief.subject || '(no subject)'}`,
    body: `${lines.join('\n')}\n`,
  };
}
