import type { RunBudget } from '../jobs/ports';

/** Apps Script cuts an execution at 6 minutes (Quotas: "Script runtime 6 min / execution"). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

/**
 * The execution the current jobs run in: when it started and how much of its time the job
 * now running must leave to the jobs after it. An entry point that runs one job needs
 * nothing here (its budget starts with it); `runAutomation` runs three jobs in turn, and
 * each of them must see the time the execution has left, not a fresh 6 minutes.
 */
let current: { readonly startedAt: number; reserveMs: number } | null = null;

/** Runs `fn` as one execution: every job budget inside it counts from now. */
export function oneExecution<T>(fn: () => T): T {
  if (current) return fn();
  current = { startedAt: Date.now(), reserveMs: 0 };
  try {
    return fn();
  } finally {
    current = null;
  }
}

/** Runs `fn` (one job of the execution) leaving `reserveMs` of the execution to the jobs after it. */
export function leaving<T>(reserveMs: number, fn: () => T): T {
  if (!current) return fn();
  const outer = current.reserveMs;
  current.reserveMs = reserveMs;
  try {
    return fn();
  } finally {
    current.reserveMs = outer;
  }
}

/** Time this execution has left, for the current job (less what it must leave to the next ones). */
export function executionLeftMs(): number {
  return current ? EXECUTION_LIMIT_MS - (Date.now() - current.startedAt) - current.reserveMs : EXECUTION_LIMIT_MS;
}

/** The budget of a job starting now: the rest of this execution, or 6 minutes from now when it runs alone. */
export function runBudget(): RunBudget {
  if (current) return { remainingMs: executionLeftMs };
  const startedAt = Date.now();
  return { remainingMs: () => EXECUTION_LIMIT_MS - (Date.now() - startedAt) };
}
