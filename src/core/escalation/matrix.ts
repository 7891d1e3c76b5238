import { parseWhen, WhenError, type When } from './when';

/** One tier of a named matrix. Email '' = the client's CSM. */
export interface Tier {
  readonly tier: number;
  readonly title: string;
  readonly name: string;
  readonly email: string;
  readonly when: When;
}

export interface MatrixRow {
  readonly rowNumber: number;
  readonly matrix: string;
  readonly tier: number;
  readonly title: string;
  readonly name: string;
  readonly email: string;
  readonly when: string;
}

export interface Matrices {
  /** By matrix name, lower-cased (users type names as they like); tiers in ascending order. */
  readonly byName: ReadonlyMap<string, readonly Tier[]>;
  readonly problems: readonly { rowNumber: number; message: string }[];
}

/**
 * Builds the named matrices from the Escalation tab. A bad When or a tier number used twice
 * in one matrix is a problem of that row; the rest of the matrix still works.
 */
export function buildMatrices(rows: readonly MatrixRow[]): Matrices {
  const byName = new Map<string, Tier[]>();
  const problems: { rowNumber: number; message: string }[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    let when: When;
    try {
      when = parseWhen(r.when);
    } catch (e) {
      if (!(e instanceof WhenError)) throw e;
      problems.push({ rowNumber: r.rowNumber, message: e.message });
      continue;
    }
    const key = r.matrix.trim().toLowerCase();
    const dup = seen.get(`${key}|${r.tier}`);
    if (dup !== undefined) {
      problems.push({
        rowNumber: r.rowNumber,
        message: `Tier ${r.tier} of ${r.matrix.trim()} is already at row ${dup}; this row is ignored`,
      });
      continue;
    }
    seen.set(`${key}|${r.tier}`, r.rowNumber);
    const list = byName.get(key) ?? [];
    list.push({ tier: r.tier, title: r.title.trim(), name: r.name.trim(), email: r.email.trim().toLowerCase(), when });
    byName.set(key, list);
  }
  for (const list of byName.values()) list.sort((a, b) => a.tier - b.tier);
  return { byName, problems };
}

/** The client's matrix, else the default one; null when neither exists. */
export function matrixFor(m: Matrices, clientMatrix: string, defaultMatrix: string): { name: string; tiers: readonly Tier[] } | null {
  for (const name of [clientMatrix, defaultMatrix]) {
    const tiers = name.trim() === '' ? undefined : m.byName.get(name.trim().toLowerCase());
    if (tiers) return { name: name.trim(), tiers };
  }
  return null;
}
