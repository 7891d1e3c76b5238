import { PRIORITIES, type Priority } from '../types/vocab';

/**
 * The names a team gives the four priority levels (level 1 first). The register works in
 * levels — SLA Policies, priority rules, escalation and the queue order all mean a level —
 * and only the cells and words people see carry names. ADvendio calls its levels Critical /
 * Urgent / High / Medium; Ascent360 Critical / High / Medium / Low (the standard names).
 * A rename therefore moves no deadline: the cells are renamed level for level.
 *
 * Internally a level is held as its standard name (the `Priority` type: Critical = 1 …
 * Low = 4); these functions translate between that and the team's names.
 */
export type PriorityNames = readonly [string, string, string, string];

export const STANDARD_PRIORITY_NAMES: PriorityNames = PRIORITIES;

export type NamesParse = { readonly ok: true; readonly names: PriorityNames } | { readonly ok: false; readonly message: string };

/** Reads "Critical, Urgent, High, Medium": four distinct names, most urgent first. */
export function parsePriorityNames(text: string): NamesParse {
  const names = text
    .split(/[,;\n]/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length !== 4)
    return { ok: false, message: `needs four names, most urgent first (e.g. "Critical, Urgent, High, Medium"); found ${names.length}` };
  const seen = new Set<string>();
  for (const n of names) {
    const k = n.toLowerCase();
    if (seen.has(k)) return { ok: false, message: `"${n}" is named twice; each level needs its own name` };
    if (/^level\s*\d/i.test(n)) return { ok: false, message: `"${n}" reads as a level number; give the level a name` };
    if (n.length > 30) return { ok: false, message: `"${n.slice(0, 30)}…" is longer than 30 characters` };
    seen.add(k);
  }
  return { ok: true, names: names as unknown as PriorityNames };
}

export const formatPriorityNames = (names: PriorityNames): string => names.join(', ');

export const samePriorityNames = (a: PriorityNames, b: PriorityNames): boolean => a.every((n, i) => n === b[i]);

/** The team's name of a level. */
export const priorityName = (names: PriorityNames, p: Priority): string => names[PRIORITIES.indexOf(p)] ?? p;

/**
 * The level a cell names: the team's name (any case) or `Level N`; null for anything else
 * (the standard names are not accepted once a team renamed them: "High" is level 3 to
 * ADvendio, not level 2).
 */
export function priorityOfName(names: PriorityNames, text: string): Priority | null {
  const t = text.trim().toLowerCase();
  const i = names.findIndex((n) => n.toLowerCase() === t);
  if (i >= 0) return PRIORITIES[i]!;
  const m = /^level\s*([1-4])$/.exec(t);
  return m ? PRIORITIES[Number(m[1]) - 1]! : null;
}

/**
 * The cell text a rename gives each cell: a cell naming a level under `from` gets that
 * level's name under `to`; anything else (blank, a typo) is left as it is. Returns only
 * the cells that change, by index.
 */
export function renamedCells(cells: readonly unknown[], from: PriorityNames, to: PriorityNames): Map<number, string> {
  const out = new Map<number, string>();
  cells.forEach((c, i) => {
    if (typeof c !== 'string' || c.trim() === '') return;
    const level = priorityOfName(from, c);
    if (!level) return;
    const name = priorityName(to, level);
    if (name !== c) out.set(i, name);
  });
  return out;
}
