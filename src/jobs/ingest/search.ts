import type { RunBudget } from '../ports';
import type { MailboxPort } from './ports';

/** Gmail may index a message a little after its date: each search looks this far back past the checkpoint. */
export const OVERLAP_MS = 15 * 60 * 1000;
/** Threads per search page (Gmail's maximum is 500; smaller pages let a long run stop sooner). */
export const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/** The query for threads that changed since the checkpoint (the whole query on a first run). */
export function searchQuery(query: string, since: number | null): string {
  return since === null ? query : `${query} after:${Math.floor((since - OVERLAP_MS) / 1000)}`;
}

/**
 * Every thread the query finds, page by page, without repeats; null when the run's time
 * ran out first (`reserveMs` is kept for the writes that follow).
 */
export function searchThreads(mailbox: MailboxPort, query: string, budget: RunBudget, reserveMs: number): string[] | null {
  const out: string[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    if (budget.remainingMs() < reserveMs) return null;
    const ids = mailbox.searchThreads(query, page * PAGE_SIZE, PAGE_SIZE);
    out.push(...ids);
    if (ids.length < PAGE_SIZE) break;
  }
  return [...new Set(out)];
}
