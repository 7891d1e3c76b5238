import { DateTime } from 'luxon';
import { parseLedger } from '../../../core/escalation/ledger';
import { parseRecord } from '../../../core/escalation/record';
import { parsePaused } from '../../../jobs/tickets/paused-cell';
import type { RowOf } from '../../../register/tab-spec';
import type { MessagesTab, TicketsTab } from '../../../register/tabs';

export type EventKind = 'received' | 'due' | 'response' | 'pause' | 'resume' | 'met' | 'breached' | 'escalation' | 'resolved';

/** One line of the SLA timeline; times as ISO and as shown in the sheet's zone (JSON only: no Dates). */
export interface TimelineEvent {
  readonly at: string;
  readonly when: string;
  readonly kind: EventKind;
  readonly label: string;
  readonly detail: string;
  /** Whether the moment is still ahead (a deadline not reached yet). */
  readonly future: boolean;
}

type Ticket = RowOf<typeof TicketsTab>;
type Message = RowOf<typeof MessagesTab>;

export const showTime = (ms: number, zone: string): string =>
  DateTime.fromMillis(ms, { zone, locale: 'en-US' }).toFormat('ccc d LLL yyyy, HH:mm ZZZZ');

const DUE: readonly { column: 'First response due' | 'Next update due' | 'Resolution due'; target: string }[] = [
  { column: 'First response due', target: 'first response' },
  { column: 'Next update due', target: 'next update' },
  { column: 'Resolution due', target: 'resolution' },
];

/**
 * The SLA story of a ticket, oldest first: received, each target's due time (with the
 * note that explains how it was counted), pauses while waiting on the customer, staff
 * responses, targets met or breached, escalations notified, resolution. Cells that do not
 * parse are skipped and reported in `problems` rather than hiding the rest.
 */
export function ticketTimeline(
  t: Ticket,
  messages: readonly Message[],
  notes: Readonly<Record<string, string>>,
  zone: string,
  now: number,
): { events: TimelineEvent[]; problems: string[] } {
  const events: (Omit<TimelineEvent, 'at' | 'when' | 'future'> & { ms: number })[] = [];
  const problems: string[] = [];
  const add = (ms: number | undefined, kind: EventKind, label: string, detail = '') => {
    if (ms !== undefined && Number.isFinite(ms)) events.push({ ms, kind, label, detail });
  };

  add(
    t['Received at']?.getTime(),
    'received',
    'Received',
    [t.Requester && `from ${t.Requester}`, t.Policy && `policy ${t.Policy}`].filter(Boolean).join(', '),
  );
  for (const d of DUE) add(t[d.column]?.getTime(), 'due', `${d.target[0]!.toUpperCase()}${d.target.slice(1)} due`, notes[d.column] ?? '');

  const staff = messages.filter((m) => m.Kind === 'staff' && m.Date);
  for (const m of staff) add(m.Date!.getTime(), 'response', 'Staff response', m.From);
  const first = t['First response at']?.getTime();
  if (first !== undefined && !staff.some((m) => m.Date!.getTime() === first)) add(first, 'response', 'First response', '');

  try {
    for (const p of parsePaused(t.Paused)) {
      add(p.from, 'pause', 'Paused: waiting on customer', 'the resolution clock stops');
      if (p.to !== null) add(p.to, 'resume', 'Resumed', 'the resolution clock runs again');
    }
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
  }
  for (const r of parseRecord(t['SLA record']))
    add(r.atMs, r.state === 'Met' ? 'met' : 'breached', `${r.target[0]!.toUpperCase()}${r.target.slice(1)} ${r.state.toLowerCase()}`);
  for (const e of parseLedger(t.Notified))
    add(e.atMs, 'escalation', `Notified: ${e.topic}`, `${e.outcome}${e.detail ? ` — ${e.detail}` : ''}`);
  add(t['Resolved at']?.getTime(), 'resolved', 'Resolved');

  // Stable order: by time, then the order added (received before a due at the same instant).
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.ms - b.e.ms || a.i - b.i);
  return {
    events: sorted.map(({ e }) => ({
      at: new Date(e.ms).toISOString(),
      when: showTime(e.ms, zone),
      kind: e.kind,
      label: e.label,
      detail: e.detail,
      future: e.ms > now,
    })),
    problems,
  };
}
