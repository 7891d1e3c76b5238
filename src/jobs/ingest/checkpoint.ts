import type { KeyValuePort } from '../ports';

/** What one run leaves for the next, in document properties (never script properties: add-on users share those). */
export interface Checkpoint {
  /** Start of the last run that finished everything it found; the next search looks from here (minus an overlap). */
  readonly since: number | null;
  /** Highest ticket number issued, so numbers are never reused even if rows are deleted. */
  readonly lastTicket: number;
  /** Property chunks the outbox of unsent replies occupies (0 = nothing waiting). */
  readonly outbox: number;
  /**
   * While a backlog larger than one run's search is drained: only threads whose last message
   * is before this (epoch ms) are still unread, oldest part of the backlog; null otherwise.
   */
  readonly until: number | null;
  /** While draining: the start of the run that met the backlog, which becomes `since` once it is drained. */
  readonly pending: number | null;
  /** Messages held in the ledger: while any are, every run reads the ledger and retries them. */
  readonly held: number;
}

const KEY = 'ingest.checkpoint';
const EMPTY: Checkpoint = { since: null, lastTicket: 0, outbox: 0, until: null, pending: null, held: 0 };

export function loadCheckpoint(kv: KeyValuePort): Checkpoint {
  const raw = kv.get(KEY);
  if (!raw) return EMPTY;
  try {
    const v = JSON.parse(raw) as Partial<Checkpoint>;
    return {
      since: typeof v.since === 'number' ? v.since : null,
      lastTicket: typeof v.lastTicket === 'number' ? v.lastTicket : 0,
      outbox: typeof v.outbox === 'number' ? v.outbox : 0,
      until: typeof v.until === 'number' ? v.until : null,
      pending: typeof v.pending === 'number' ? v.pending : null,
      held: typeof v.held === 'number' ? v.held : 0,
    };
  } catch {
    return EMPTY;
  }
}

export function saveCheckpoint(kv: KeyValuePort, cp: Checkpoint): void {
  kv.set(KEY, JSON.stringify(cp));
}
