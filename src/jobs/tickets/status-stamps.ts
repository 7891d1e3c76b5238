import type { PauseInterval } from '../../core/sla/index';
import type { TicketStatus } from '../../core/types/vocab';

export interface Stamps {
  readonly resolvedAt: number | null;
  readonly pauses: readonly PauseInterval[];
}

/**
 * Makes the stamps agree with Status at `now`: Resolved/Closed without Resolved at gets it;
 * any other status clears it (a reopen); Waiting on customer opens a pause; leaving it
 * closes the open one. The edit handler calls this at the moment of the edit; the sweep
 * calls it too, so a status set while the edit trigger was not installed (or by a paste the
 * trigger missed) is stamped at the next sweep rather than never.
 */
export function reconcileStamps(status: TicketStatus, before: Stamps, now: number): Stamps & { readonly changes: readonly string[] } {
  const changes: string[] = [];
  const done = status === 'Resolved' || status === 'Closed';
  let resolvedAt = before.resolvedAt;
  if (done && resolvedAt === null) {
    resolvedAt = now;
    changes.push('Resolved at stamped');
  } else if (!done && resolvedAt !== null) {
    resolvedAt = null;
    changes.push('Resolved at cleared (reopened)');
  }
  let pauses = [...before.pauses];
  const open = pauses.findIndex((p) => p.to === null);
  if (status === 'Waiting on customer') {
    if (open < 0) {
      pauses.push({ from: now, to: null });
      changes.push('pause started');
    }
  } else if (open >= 0) {
    const from = pauses[open]!.from;
    pauses = pauses.map((p, i) => (i === open ? { from, to: Math.max(from, now) } : p));
    changes.push('pause ended');
  }
  return { resolvedAt, pauses, changes };
}
