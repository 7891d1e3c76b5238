/**
 * Statements of work (issue 16, item 9; the Ascent360 onboarding seed: "The SOW will be a
 * Time and Materials agreement, with all hours worked being billed to the client at the end
 * of the month that they were worked"). Hours on a Signed (or Done) SOW are billed in full at
 * the SOW's rate, on their own lines, never against contracted hours; hours on an SOW not
 * signed yet are held until it is.
 */
import type { RateMicros } from './money';

export const SOW_STATUSES = ['Proposed', 'Approved', 'Signed', 'Done', 'Declined'] as const;
export type SowStatus = (typeof SOW_STATUSES)[number];

/** A signed SOW bills its hours; Done ones still bill hours logged before they were closed. */
export const BILLABLE_SOW: ReadonlySet<SowStatus> = new Set<SowStatus>(['Signed', 'Done']);

export interface Sow {
  readonly sowId: string;
  readonly clientId: string;
  readonly title: string;
  readonly status: SowStatus;
  /** null = no estimate given. */
  readonly estimateMin: number | null;
  /** null = the client's rate. */
  readonly rateMicros: RateMicros | null;
}

/** Why an Hours row on this SOW cannot be billed now, or null when it can. */
export function sowProblem(sow: Sow | undefined, sowId: string, clientId: string): string | null {
  if (!sow) return `SOW ${sowId} is not in the SOWs tab`;
  if (sow.clientId !== clientId) return `SOW ${sowId} belongs to client ${sow.clientId}, not ${clientId}`;
  if (sow.status === 'Declined')
    return `SOW ${sowId} was Declined: its hours are not billed (remove the SOW ID to count them against the contract)`;
  if (!BILLABLE_SOW.has(sow.status))
    return `SOW ${sowId} is ${sow.status}, not signed yet: held, and billed in the month worked once it is Signed`;
  return null;
}
