import { heldReason, parseAction } from './message-action';

export interface HeldReason {
  readonly reason: string;
  readonly count: number;
}

/**
 * The held messages of the ledger (Messages → Action `held: <reason>`), grouped by reason,
 * most first: what About shows so nobody has to filter the Messages tab to see what waits.
 */
export function heldSummary(actions: readonly string[]): { readonly total: number; readonly reasons: readonly HeldReason[] } {
  const counts = new Map<string, number>();
  for (const text of actions) {
    const reason = heldReason(parseAction(text));
    if (reason !== '') counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const reasons = [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { total: reasons.reduce((n, r) => n + r.count, 0), reasons };
}
