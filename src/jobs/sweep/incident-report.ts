import { isoOf, parseLedger, type LedgerEntry } from '../../core/escalation/index';
import { incidentReportDraft } from '../../core/notify/incident-report';
import type { TicketBrief } from '../../core/notify/index';
import type { QuotaMailer } from '../mail/quota';
import type { RowUpdate } from '../tickets/compute-row';
import type { TicketRecord } from '../tickets/prepare';
import type { ClientRecord } from '../shared/sla-context';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const incidentTopic = (resolvedAtMs: number) => `incident report@${isoOf(resolvedAtMs)}`;

/**
 * When a Critical ticket of a client entitled to incident reporting (Entitlements; essensys:
 * Enterprise editions) is Resolved, a draft incident report
 * for the client's CSM, once per resolution (Notified); never sent by the automation.
 */
export function incidentReport(
  row: TicketRecord,
  u: RowUpdate,
  brief: () => TicketBrief,
  mailer: QuotaMailer,
  now: number,
  /** Whether the client's plan or edition includes incident reporting (Entitlements; essensys: Enterprise editions). */
  entitled: (client: ClientRecord) => boolean,
): { entry: LedgerEntry; log: { action: string; detail: string } } | null {
  if (row.Status !== 'Resolved' || row.Priority !== 'Critical' || !u.prepared.ok) return null;
  if (!entitled(u.prepared.client)) return null;
  const resolvedAt = (u.values['Resolved at'] as Date | undefined)?.getTime?.() ?? row['Resolved at']?.getTime() ?? now;
  const topic = incidentTopic(resolvedAt);
  if (parseLedger(row.Notified).some((e) => e.topic === topic)) return null;
  const csm = u.prepared.client['CSM email'];
  if (!EMAIL.test(csm))
    return {
      entry: { atMs: now, topic, outcome: 'no address', detail: 'the client has no CSM email' },
      log: { action: 'Incident report not drafted', detail: 'the client has no CSM email (Clients)' },
    };
  const mail = incidentReportDraft(
    brief(),
    {
      receivedAtMs: row['Received at']?.getTime() ?? resolvedAt,
      firstResponseAtMs: row['First response at']?.getTime() ?? null,
      resolvedAtMs: resolvedAt,
      paused: String(u.values.Paused ?? row.Paused ?? ''),
      slaRecord: String(u.values['SLA record'] ?? row['SLA record'] ?? ''),
      messages: row.Messages ?? 0,
      followers: row.Followers,
    },
    csm,
  );
  try {
    mailer.draft(mail);
  } catch {
    return null;
  }
  return {
    entry: { atMs: now, topic, outcome: 'draft', detail: `for ${csm} to review; never sent automatically` },
    log: { action: 'Incident report drafted', detail: `for ${csm} (Enterprise, Critical): a Gmail draft to review and send` },
  };
}
