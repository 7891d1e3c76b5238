/**
 * Invoice numbering (issue 19): numbers come from one sequence, are given only on a Final
 * close, and are never reused or changed. The ledger is the remembered state (kept where a
 * person cannot edit it by accident); the Settings value is only the starting point.
 */
export interface NumberLedger {
  /** The next sequence value to hand out. */
  readonly next: number;
  /** `client|month` → the number currently standing for it (the latest one, after voids). */
  readonly issued: Readonly<Record<string, string>>;
  /** Every number ever handed out, voided ones included, so none is given twice. */
  readonly used: readonly string[];
}

export interface NumberSequence {
  readonly prefix: string;
  /** From Settings; used only while the ledger has handed out nothing higher. */
  readonly start: number;
}

export const DRAFT_NUMBER = '(draft)';

export function invoiceKey(clientId: string, month: string): string {
  return `${clientId}|${month}`;
}

export function formatInvoiceNumber(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(4, '0')}`;
}

export function emptyLedger(): NumberLedger {
  return { next: 0, issued: {}, used: [] };
}

export interface Allocation {
  readonly ledger: NumberLedger;
  /** key → number, for every requested key (new or already issued). */
  readonly numbers: Readonly<Record<string, string>>;
  /** Keys that received a number in this call. */
  readonly fresh: readonly string[];
}

/** Gives a number to each key that has none yet; keys already issued keep theirs. */
export function allocateNumbers(ledger: NumberLedger, seq: NumberSequence, keys: readonly string[]): Allocation {
  let next = Math.max(ledger.next, seq.start);
  const issued: Record<string, string> = { ...ledger.issued };
  const used = new Set(ledger.used);
  const numbers: Record<string, string> = {};
  const fresh: string[] = [];
  for (const key of keys) {
    const have = issued[key];
    if (have !== undefined) {
      numbers[key] = have;
      continue;
    }
    let candidate = formatInvoiceNumber(seq.prefix, next);
    // A changed prefix or a lowered start in Settings must still not repeat a number.
    while (used.has(candidate)) candidate = formatInvoiceNumber(seq.prefix, ++next);
    next += 1;
    used.add(candidate);
    issued[key] = candidate;
    numbers[key] = candidate;
    fresh.push(key);
  }
  return { ledger: { next, issued, used: [...used] }, numbers, fresh };
}

/**
 * A voided invoice keeps its number (it stays in `used`); the key is freed so that the next
 * Final close gives its replacement a new number.
 */
export function voidNumber(ledger: NumberLedger, key: string): NumberLedger {
  if (ledger.issued[key] === undefined) return ledger;
  const issued: Record<string, string> = { ...ledger.issued };
  delete issued[key];
  return { ...ledger, issued };
}
