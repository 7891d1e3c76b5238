import {
  formatPriorityNames,
  parsePriorityNames,
  renamedCells,
  samePriorityNames,
  STANDARD_PRIORITY_NAMES,
  type PriorityNames,
} from '../core/tickets/priority-names';
import { levelColumns } from '../register/level-names';
import { SlaPoliciesTab, TicketsTab } from '../register/tabs';
import type { TabSpec } from '../register/tab-spec';
import { settingsOf } from './settings';

/**
 * Settings → Priority names is what the team wants to call the levels; the level cells of
 * Tickets and SLA Policies are written in the names last applied, kept in a document
 * property every user of the sheet reads. A rename is applied here, level for level (a
 * level-2 "High" becomes a level-2 "Urgent"; nothing about the ticket's level changes, so
 * no deadline moves), with the dropdowns, and said once in the Log.
 *
 * It runs from setup, from the edit trigger when Settings is edited, and before each sweep
 * and inbox check (so a change made without the edit trigger is applied within minutes).
 * An add-on's time-driven trigger has no document properties: it renames nothing and reads
 * the cells in the Settings names, which the edit trigger has already applied.
 */
const APPLIED = 'priorityNames.applied';
/**
 * A rename under way: written before the first cell, updated after each tab's column (one
 * setValues each, so a tab is wholly renamed or not at all), removed at the end. A run cut
 * off in between leaves each tab readable by the names it is really in, and the next run
 * finishes the rename instead of renaming a renamed tab again.
 */
const PENDING = 'priorityNames.renaming';
const LEVEL_TABS: readonly TabSpec[] = [TicketsTab, SlaPoliciesTab];

interface Pending {
  readonly from: PriorityNames;
  readonly to: PriorityNames;
  /** Tabs whose cells are already in `to`. */
  readonly done: readonly string[];
}

function docProperties(): GoogleAppsScript.Properties.Properties | null {
  return PropertiesService.getDocumentProperties() ?? null;
}

function wantedNames(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): PriorityNames {
  try {
    return settingsOf(ss).settings.priorityNames;
  } catch {
    return STANDARD_PRIORITY_NAMES; // no Settings tab yet: setup writes the standard names
  }
}

function namesOf(text: string | null | undefined): PriorityNames {
  const parsed = parsePriorityNames(text ?? '');
  return parsed.ok ? parsed.names : STANDARD_PRIORITY_NAMES;
}

function pendingOf(text: string | null | undefined): Pending | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as { from?: string; to?: string; done?: unknown };
    const from = parsePriorityNames(v.from ?? '');
    const to = parsePriorityNames(v.to ?? '');
    if (!from.ok || !to.ok) return null;
    return { from: from.names, to: to.names, done: Array.isArray(v.done) ? v.done.map(String) : [] };
  } catch {
    return null;
  }
}

function savePending(doc: GoogleAppsScript.Properties.Properties, p: Pending): void {
  doc.setProperty(PENDING, JSON.stringify({ from: formatPriorityNames(p.from), to: formatPriorityNames(p.to), done: p.done }));
}

/** The names a tab's level cells are written in, from the document properties as read. */
function namesForTab(props: Readonly<Record<string, string>>, tab: string): PriorityNames {
  const pending = pendingOf(props[PENDING]);
  if (pending) return pending.done.includes(tab) ? pending.to : pending.from;
  return namesOf(props[APPLIED]);
}

/** The names a tab's level cells are written in now. */
export function appliedPriorityNames(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tab: string): PriorityNames {
  const doc = docProperties();
  return doc ? namesForTab(doc.getProperties(), tab) : wantedNames(ss);
}

/** Renames applied by this execution: a provider asks the properties again after one. */
let renames = 0;

/**
 * The applied names for every tab of one workbook port: the properties are read once (two
 * calls), and again only after this execution applied a rename.
 */
export function namesProvider(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): (tab: string) => PriorityNames {
  let memo: { readonly at: number; readonly props: Readonly<Record<string, string>> | null } | null = null;
  return (tab) => {
    if (!memo || memo.at !== renames) {
      const doc = docProperties();
      memo = { at: renames, props: doc ? doc.getProperties() : null };
    }
    return memo.props ? namesForTab(memo.props, tab) : wantedNames(ss);
  };
}

/** A dropdown of the level names over `column` (data rows of a level column). */
export function levelDropdown(column: GoogleAppsScript.Spreadsheet.Range, header: string, names: PriorityNames): void {
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList([...names], true)
    .setAllowInvalid(false)
    .setHelpText(`${header}: one of ${names.join(', ')} (Settings → Priority names; most urgent first).`)
    .build();
  column.setDataValidation(rule);
}

export interface RenameReport {
  readonly from: PriorityNames;
  readonly to: PriorityNames;
  /** Cells renamed, by tab. */
  readonly cells: Readonly<Record<string, number>>;
}

/**
 * Applies Settings → Priority names when they differ from the names the cells are in:
 * one read and at most one write of each level column, then the dropdowns. Returns what
 * changed, or null when nothing had to.
 */
export function applyPriorityNames(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  log: { add(action: string, detail?: string): void },
): RenameReport | null {
  const doc = docProperties();
  if (!doc) return null;
  const props = doc.getProperties();
  // A rename a cut-off run left half done is finished first, from where it stopped.
  let pending = pendingOf(props[PENDING]);
  const to = wantedNames(ss);
  if (!pending) {
    const from = namesOf(props[APPLIED]);
    if (samePriorityNames(from, to)) return null;
    pending = { from, to, done: [] };
    savePending(doc, pending);
  }
  const cells: Record<string, number> = {};
  for (const spec of LEVEL_TABS) {
    if (pending.done.includes(spec.name)) continue;
    cells[spec.name] = renameTab(ss, spec, pending.from, pending.to);
    pending = { ...pending, done: [...pending.done, spec.name] };
    savePending(doc, pending);
  }
  doc.setProperty(APPLIED, formatPriorityNames(pending.to));
  doc.deleteProperty(PENDING);
  renames++;
  const counts = LEVEL_TABS.map((s) => `${cells[s.name] ?? 0} ${s.name}`).join(' and ');
  log.add(
    'Priorities renamed',
    `${formatPriorityNames(pending.from)} → ${formatPriorityNames(pending.to)}: ${counts} cells renamed level for level; no deadline moves.`,
  );
  const report: RenameReport = { from: pending.from, to: pending.to, cells };
  // Settings changed again while a cut-off rename waited: the next rename starts from this one's names.
  return samePriorityNames(pending.to, to) ? report : (applyPriorityNames(ss, log) ?? report);
}

/** One tab's level columns, renamed in one write each (the new dropdown first); returns the cells renamed. */
function renameTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, spec: TabSpec, from: PriorityNames, to: PriorityNames): number {
  const sheet = ss.getSheetByName(spec.name);
  if (!sheet) return 0;
  const width = sheet.getLastColumn();
  if (width === 0) return 0;
  const header = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]!
    .map((h) => String(h).trim());
  const rows = sheet.getLastRow() - 1;
  let n = 0;
  for (const h of levelColumns(spec)) {
    const c = header.indexOf(h);
    if (c < 0) continue;
    // The new dropdown first: a script's write that breaks a cell's rule is refused, as typing is.
    levelDropdown(sheet.getRange(2, c + 1, Math.max(sheet.getMaxRows() - 1, 1), 1), h, to);
    if (rows <= 0) continue;
    const range = sheet.getRange(2, c + 1, rows, 1);
    const values = range.getValues().map((r) => r[0]);
    const renamed = renamedCells(values, from, to);
    if (renamed.size > 0) {
      range.setValues(values.map((v, i) => [renamed.get(i) ?? v]));
      n += renamed.size;
    }
  }
  return n;
}
