import type { LedgerEntry } from '../escalation/ledger';
import type { IsoDay } from '../hours/month';
import type { ClientSuccess } from './client-success';
import { explainHealth } from './health';
import type { ReviewDue } from './reviews';

/**
 * The client success reminders due now, each once per due date: the client's Clients →
 * Success notified cell is the ledger (topics `touch@<due>`, `kick-off@<by>`,
 * `review <kind>@<due>`, `risk@<day raised>` and `risk cleared@<day>`), in the same line
 * format as a ticket's Notified cell.
 */
export interface SuccessNotice {
  readonly topic: string;
  readonly what: 'Touch reminder' | 'Kick-off missed' | 'Review agenda' | 'Risk flagged';
  /** Addresses (blank ones dropped); none = "no address" in the ledger and the Log. */
  readonly to: readonly string[];
  readonly subject: string;
  readonly body: string;
}

export interface NoticeContext {
  readonly clientId: string;
  readonly name: string;
  readonly csmEmail: string;
  readonly implementationManager: string;
  /** The client's escalation matrix tier 2 address (the CSM's manager), or ''. */
  readonly tier2Email: string;
  /** Pooled clients: the pooled CSM on duty today (or next), else null. */
  readonly onDuty: { readonly email: string; readonly day: IsoDay } | null;
  readonly pooled: boolean;
  /** The review agenda body for a due review (open tickets, SLA, hours, SOWs). */
  readonly agenda: (r: ReviewDue) => string;
}

const clean = (list: readonly string[]) => [...new Set(list.map((a) => a.trim().toLowerCase()).filter((a) => a.includes('@')))];

/** The risk flag open now: the last `risk@` line not followed by a `risk cleared@` line. */
export function openRisk(ledger: readonly LedgerEntry[]): LedgerEntry | null {
  let open: LedgerEntry | null = null;
  for (const e of ledger) {
    if (e.topic.startsWith('risk cleared@')) open = null;
    else if (e.topic.startsWith('risk@')) open = e;
  }
  return open;
}

export function dueNotices(c: NoticeContext, s: ClientSuccess, ledger: readonly LedgerEntry[], today: IsoDay): SuccessNotice[] {
  const told = new Set(ledger.map((e) => e.topic));
  const out: SuccessNotice[] = [];
  const owner = c.pooled ? (c.onDuty?.email ?? c.csmEmail) : c.csmEmail;
  const who = c.pooled && c.onDuty ? `the pooled CSM on duty ${c.onDuty.day === today ? 'today' : `on ${c.onDuty.day}`}` : 'the CSM';
  const add = (n: SuccessNotice) => {
    if (!told.has(n.topic)) out.push(n);
  };
  if (s.kickoff?.state === 'Missed')
    add({
      topic: `kick-off@${s.kickoff.window.by}`,
      what: 'Kick-off missed',
      to: clean([c.implementationManager, c.tier2Email]),
      subject: `[Success] ${c.name} (${c.clientId}): kick-off call missed (due by ${s.kickoff.window.by})`,
      body: [
        `${c.name} signed its contract and its kick-off call was due between ${s.kickoff.window.from} and ${s.kickoff.window.by}; none is logged on Hours (an activity whose Touch is Kick-off).`,
        '',
        'Please schedule it with the client now, and log it on Hours when it is held.',
      ].join('\n'),
    });
  // A client enters the cadence with its first logged touch (a client never touched shows as
  // Overdue on the Success tab, but a register upgraded with years of clients is not a flood of mail).
  if (s.touch.state !== 'On track' && s.lastTouch !== null)
    add({
      topic: `touch@${s.touch.next}`,
      what: 'Touch reminder',
      to: clean([owner]),
      subject: `[Success] ${c.name} (${c.clientId}): touch ${s.touch.state === 'Overdue' ? 'overdue' : 'due'} (${s.touch.next})`,
      body: [
        `${c.name} is due a touch by ${s.touch.next} (${s.touch.rule}); the last one logged was ${s.lastTouch ?? 'never'}.`,
        `This reminder goes to ${who}.`,
        '',
        'Log the call, review or training on Hours with an activity that is a touch (Activities → Touch).',
      ].join('\n'),
    });
  for (const r of s.reviews)
    if (r.state !== 'On track')
      add({
        topic: `review ${r.kind}@${r.due}`,
        what: 'Review agenda',
        to: clean([owner]),
        subject: `[Success] ${c.name} (${c.clientId}): ${r.kind} due ${r.due} — agenda draft`,
        body: c.agenda(r),
      });
  const open = openRisk(ledger);
  if (s.risks.length > 0 && !open)
    add({
      topic: `risk@${today}`,
      what: 'Risk flagged',
      to: clean([s.riskOwner]),
      subject: `[Success] ${c.name} (${c.clientId}) is at risk: ${s.risks.join(', ')}`,
      body: [
        `${c.name} is flagged at risk (${s.risks.join(', ')}); you own it until it clears.`,
        `Health ${s.health.score}: ${explainHealth(s.health)}.`,
        `In the last 30 days: ${s.inputs.breaches30} breached tickets, ${s.inputs.complaints30} complaints or escalation requests, ${s.inputs.positives30} thanks or confirmations.`,
        '',
        'The flag clears by itself when the cause does; to hand it to someone else for now, type their address in Clients → Risk owner.',
      ].join('\n'),
    });
  return out;
}

/** The ledger line that clears an open risk whose causes are gone, or null. */
export function riskCleared(s: ClientSuccess, ledger: readonly LedgerEntry[], today: IsoDay, nowMs: number): LedgerEntry | null {
  const open = openRisk(ledger);
  if (!open || s.risks.length > 0) return null;
  return {
    atMs: nowMs,
    topic: `risk cleared@${today}`,
    outcome: 'cleared',
    detail: `health ${s.health.score}; raised ${open.topic.slice('risk@'.length)}`,
  };
}
