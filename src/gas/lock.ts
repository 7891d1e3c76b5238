/**
 * Every job that writes the register holds the document lock (DESIGN §2: add-on safe, one
 * writer per document). Waiting is bounded so a stuck run cannot pile up triggers.
 */
export function withDocumentLock<T>(what: string, fn: () => T, waitMs = 30_000): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error(`${what}: no document lock is available (the script must be bound to the spreadsheet or installed as an add-on).`);
  if (!lock.tryLock(waitMs)) throw new Error(`${what}: another Support Desk job is still running; try again in a minute.`);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
