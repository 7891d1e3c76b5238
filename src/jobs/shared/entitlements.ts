import {
  entitlementProblems,
  entitlementsOf,
  ENTITLEMENT_KEYS,
  type EntitlementRow,
  type Entitlements,
} from '../../core/success/entitlements';
import type { Settings } from '../../register/settings/spec';
import type { RowOf } from '../../register/tab-spec';
import type { Table } from '../../register/table';
import { EntitlementsTab, type ClientsTab } from '../../register/tabs';
import type { WorkbookPort } from '../ports';
import { readTabIfAny } from './sla-context';

export type EntitlementsTable = Table<RowOf<typeof EntitlementsTab>>;

/** The Entitlements tab as rules; null when the register has none yet (set up before it existed). */
export function readEntitlements(wb: WorkbookPort): { readonly table: EntitlementsTable; readonly rows: EntitlementRow[] } | null {
  const table = readTabIfAny(wb, EntitlementsTab);
  if (!table) return null;
  const rows = table.rows.map(({ rowNumber, data: r }): EntitlementRow => {
    const [kind, ...name] = r['Applies to'].trim().split(/\s+/);
    return {
      kind: kind!.toLowerCase() === 'plan' ? 'Plan' : 'Edition',
      name: name.join(' '),
      includes: Object.fromEntries(ENTITLEMENT_KEYS.filter((k) => r[k] !== null).map((k) => [k, r[k] === true])),
      minMonthlyHours: r['Min monthly hours'],
      rowNumber,
    };
  });
  return { table, rows };
}

type ClientRow = RowOf<typeof ClientsTab>;

export const clientEntitlements = (c: ClientRow, rows: readonly EntitlementRow[]): Entitlements =>
  entitlementsOf({ plan: c.Plan, edition: c.Edition }, rows);

/** How an entitlement note on a Clients Problems cell starts: how the jobs find their own note again. */
export const ENTITLEMENT_MARK = 'Entitlements:';

/** The entitlement part of each Clients row's Problems cell as it stands (the sweep keeps it when it rewrites the cell). */
export function keptEntitlementNotes(clients: Table<unknown>): Map<number, string> {
  const out = new Map<number, string>();
  const col = clients.columnOf.get('Problems');
  if (col === undefined) return out;
  for (let r = 2; r <= clients.raw.length; r++) {
    const cell = String(clients.raw[r - 1]?.[col] ?? '');
    const at = cell.indexOf(ENTITLEMENT_MARK);
    if (at >= 0) out.set(r, cell.slice(at));
  }
  return out;
}

/** Each active client row whose contract breaks its entitlements → the note for its Problems cell. */
export function entitlementNotes(
  clients: Table<ClientRow> | null,
  rows: readonly EntitlementRow[],
  settings: Pick<Settings, 'csmMinimumMonthlyHours'>,
): Map<number, string> {
  const out = new Map<number, string>();
  for (const { rowNumber, data: c } of clients?.rows ?? []) {
    if (c.Status === 'Ended') continue;
    const problems = entitlementProblems(
      { plan: c.Plan, monthlyHours: c['Monthly hours'], csmEmail: c['CSM email'], cohort: c.Cohort },
      clientEntitlements(c, rows),
      settings.csmMinimumMonthlyHours,
    );
    if (problems.length) out.set(rowNumber, `${ENTITLEMENT_MARK} ${problems.join('; ')}`);
  }
  return out;
}

/**
 * The Clients Problems writes that put each row's entitlement note in place (or take it
 * off), keeping whatever else the cell says; and the notes that are new, to log once.
 */
export function entitlementNoteWrites(
  clients: Table<ClientRow>,
  notes: ReadonlyMap<number, string>,
): { writes: { rowNumber: number; header: 'Problems'; value: string }[]; fresh: { rowNumber: number; message: string }[] } {
  const writes: { rowNumber: number; header: 'Problems'; value: string }[] = [];
  const fresh: { rowNumber: number; message: string }[] = [];
  const col = clients.columnOf.get('Problems');
  if (col === undefined) return { writes, fresh };
  for (let r = 2; r <= clients.raw.length; r++) {
    const cell = String(clients.raw[r - 1]?.[col] ?? '');
    const at = cell.indexOf(ENTITLEMENT_MARK);
    const base = (at >= 0 ? cell.slice(0, at) : cell).replace(/[;\s]+$/, '');
    const note = notes.get(r) ?? '';
    const want = base && note ? `${base}; ${note}` : base || note;
    if (want !== cell) writes.push({ rowNumber: r, header: 'Problems', value: want });
    if (note && (at < 0 || cell.slice(at) !== note)) fresh.push({ rowNumber: r, message: note });
  }
  return { writes, fresh };
}
