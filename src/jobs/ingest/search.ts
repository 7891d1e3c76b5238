import type { RunBudget } from '../ports';
import type { MailboxPort } from './ports';

/** Gmail may index a message a little after its date: each search looks this far back past the checkpoint. */
export const OVERLAP_MS = 15 * 60 * 1000;
/** Threads per search page (Gmail's maximum is 500; smaller pages let a long run stop sooner). */
export const PAGE_SIZE = 100;
/** Pages one run reads at most; more threads than this are a backlog drained over several runs. */
export const MAX_PAGES = 20;

/**
 * The query for threads that changed since the checkpoint (the whole query on a first run);
 * while a backlog is drained, only threads whose last message is before `until` (one second
 * of overlap: a thread read twice costs a ledger look-up, a thread skipped is lost).
 */
export function searchQuery(query: string, since: number | null, until: number | null = null): string {
  const after = since === null ? '' : ` after:${Math.floor((since - OVERLAP_MS) / 1000)}`;
  const before = until === null ? '' : ` before:${Math.floor(until / 1000) + 1}`;
  return `${query}${after}${before}`;
}

export interface SearchResult {
  /** Thread ids, newest first, without repeats. */
  readonly ids: string[];
  /** The page cap was reached: older threads match too and are left for the next run. */
  readonly capped: boolean;
}

/**
 * Threads the query finds, page by page, up to MAX_PAGES; null when the run's time ran out
 * first (`reserveMs` is kept for the writes that follow).
 */
export function searchThreads(mailbox: MailboxPort, query: string, budget: RunBudget, reserveMs: number): SearchResult | null {
  const out: string[] = [];
  let capped = true;
  for (let page = 0; page < MAX_PAGES; page++) {
    if (budget.remainingMs() < reserveMs) return null;
    const ids = mailbox.searchThreads(query, page * PAGE_SIZE, PAGE_SIZE);
    out.push(...ids);
    if (ids.length < PAGE_SIZE) {
      capped = false;
      break;
    }
  }
  return { ids: [...new Set(out)], capped };
}
