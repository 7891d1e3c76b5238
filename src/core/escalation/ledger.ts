/**
 * The Notified cell of a ticket: one line per notice the automation decided on, so each
 * tier is told once per ticket and target across runs (the sheet is the ledger; it
 * survives re-runs and travels with the row when users sort). Readable by people:
 *
 *   2026-11-02T17:30:00Z first response T1 — sent: csm@acme.test
 *   2026-11-03T16:00:00Z resolution T2 — caught up: in the T3 notice
 *
 * Topics: `<target> T<n>` for escalations (`next update@<cycle start ISO> T<n>`, as each
 * staff update starts a new next-update clock), `resolved@<resolved at ISO>` for the
 * customer notice and `reminder@<cycle start ISO>` for a Critical update reminder.
 * A client's request to escalate is `client escalation@<their mail's ISO> — requested`
 * (written by the inbox job), answered by `client escalation@<ISO> T<n>` (the tier told)
 * and `client escalation@<ISO> reply` (what the client was told).
 */
export const OUTCOMES = ['sent', 'draft', 'caught up', 'no address', 'failed', 'skipped', 'requested', 'cleared'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface LedgerEntry {
  readonly atMs: number;
  readonly topic: string;
  readonly outcome: Outcome;
  readonly detail: string;
}

const LINE = new RegExp(`^(\\S+) (.+?) — (${OUTCOMES.join('|')})(?:: (.*))?$`);

export const isoOf = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export function parseLedger(cell: string): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const raw of cell.split('\n')) {
    const m = LINE.exec(raw.trim());
    if (!m) continue; // a line a person typed is kept in the cell but means nothing here
    const at = Date.parse(m[1]!);
    if (Number.isNaN(at)) continue;
    out.push({ atMs: at, topic: m[2]!, outcome: m[3] as Outcome, detail: m[4] ?? '' });
  }
  return out;
}

export function formatLedgerLine(e: LedgerEntry): string {
  return `${isoOf(e.atMs)} ${e.topic} — ${e.outcome}${e.detail ? `: ${e.detail.replace(/\s*\n\s*/g, ' ')}` : ''}`;
}

/** Appends lines to the cell's text, keeping whatever was there. */
export function appendLedger(cell: string, entries: readonly LedgerEntry[]): string {
  if (entries.length === 0) return cell;
  const lines = entries.map(formatLedgerLine);
  return cell.trim() === '' ? lines.join('\n') : `${cell.replace(/\s+$/, '')}\n${lines.join('\n')}`;
}

export const escalationTopic = (target: string, tier: number, cycleStartMs?: number) =>
  cycleStartMs === undefined ? `${target} T${tier}` : `${target}@${isoOf(cycleStartMs)} T${tier}`;
export const resolvedTopic = (resolvedAtMs: number) => `resolved@${isoOf(resolvedAtMs)}`;
export const clientEscalationTopic = (requestedAtMs: number) => `client escalation@${isoOf(requestedAtMs)}`;
export const reminderTopic = (cycleStartMs: number) => `reminder@${isoOf(cycleStartMs)}`;

/** The highest tier any escalation line records (sent, drafted or caught up), or null. */
export function highestTier(entries: readonly LedgerEntry[]): number | null {
  let best: number | null = null;
  for (const e of entries) {
    const m = / T(\d+)$/.exec(e.topic);
    if (m && (e.outcome === 'sent' || e.outcome === 'draft' || e.outcome === 'caught up')) {
      const n = Number(m[1]);
      if (best === null || n > best) best = n;
    }
  }
  return best;
}
