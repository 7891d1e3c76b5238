import { priorityName, priorityOfName, STANDARD_PRIORITY_NAMES, type PriorityNames } from '../core/tickets/priority-names';
import { PRIORITIES, type Priority } from '../core/types/vocab';
import type { SheetPort } from './sheet-port';
import type { ColumnMeta, TabSpec } from './tab-spec';

/**
 * Columns whose cells name a priority level (Tickets and SLA Policies → Priority) hold the
 * team's names (Settings → Priority names); every job works in levels. Reading a tab turns
 * each such cell into its level and writing turns a level back into the name, so no job
 * ever compares a cell with a name.
 */
export function levelColumns(spec: TabSpec): string[] {
  return Object.entries(spec.columns as Record<string, ColumnMeta | undefined>)
    .filter(([, meta]) => meta?.levelNames)
    .map(([h]) => h);
}

/** The names a tab's level cells are written in: asked of the port only when the tab has such a column. */
export function namesFor(port: SheetPort, columns: readonly string[]): PriorityNames {
  return columns.length > 0 ? (port.priorityNames?.() ?? STANDARD_PRIORITY_NAMES) : STANDARD_PRIORITY_NAMES;
}

type LevelRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** A level cell as the schema reads it: blank stays blank (the tab's default applies), a name becomes its level. */
export function levelOfCell(names: PriorityNames, header: string, cell: unknown): LevelRead {
  const text = cell instanceof Date ? '' : String(cell ?? '').trim();
  if (text === '') return { ok: true, value: cell };
  const level = priorityOfName(names, text);
  return level ? { ok: true, value: level } : { ok: false, message: `${header} must be one of: ${names.join(', ')}` };
}

const isLevel = (v: unknown): v is Priority => typeof v === 'string' && (PRIORITIES as readonly string[]).includes(v);

/** What a write puts in a level cell: the team's name of the level (other values as given). */
export function levelCell(
  table: { readonly spec: TabSpec; readonly priorityNames: PriorityNames },
  header: string,
  value: unknown,
): unknown {
  const meta = (table.spec.columns as Record<string, ColumnMeta | undefined>)[header];
  return meta?.levelNames && isLevel(value) ? priorityName(table.priorityNames, value) : value;
}
