/**
 * The Escalation tab's When cell: `at risk`, `breached`, or `breached + N h` (N business
 * hours after the breach, counted in the ticket's calendar).
 */
export type When = { readonly kind: 'at risk' } | { readonly kind: 'breached'; readonly afterHours: number };

export class WhenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WhenError';
  }
}

const AFTER = /^breached\s*\+\s*(\d+(?:[.,]\d+)?)\s*(?:business\s+)?(?:h|hrs?|hours?)?$/;

export function parseWhen(cell: string): When {
  const t = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'at risk') return { kind: 'at risk' };
  if (t === 'breached') return { kind: 'breached', afterHours: 0 };
  const m = AFTER.exec(t);
  if (m) {
    const hours = Number(m[1]!.replace(',', '.'));
    if (Number.isFinite(hours) && hours >= 0) return { kind: 'breached', afterHours: hours };
  }
  throw new WhenError(`When "${cell.trim()}" is not "at risk", "breached" or "breached + N h" (e.g. breached + 4 h)`);
}

export function describeWhen(w: When): string {
  if (w.kind === 'at risk') return 'at risk';
  return w.afterHours === 0 ? 'breached' : `breached + ${w.afterHours} h`;
}
