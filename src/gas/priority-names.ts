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
const LEVEL_TABS: readonly TabSpec[] = [TicketsTab, SlaPoliciesTab];

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

function readApplied(doc: GoogleAppsScript.Properties.Properties): PriorityNames {
  const parsed = parsePriorityNames(doc.getProperty(APPLIED) ?? '');
  return parsed.ok ? parsed.names : STANDARD_PRIORITY_NAMES;
}

/** The names the level cells are written in now. */
export function appliedPriorityNames(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): PriorityNames {
  const doc = docProperties();
  return doc ? readApplied(doc) : wantedNames(ss);
}

/** Renames applied by this execution: a provider asks the property again after one. */
let renames = 0;

/**
 * The applied names for every tab of one workbook port: asked once (two property calls),
 * and again only after this execution applied a rename.
 */
export function namesProvider(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): () => PriorityNames {
  let memo: { readonly at: number; readonly names: PriorityNames } | null = null;
  return () => {
    if (!memo || memo.at !== renames) memo = { at: renames, names: appliedPriorityNames(ss) };
    return memo.names;
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
  const from = readApplied(doc);
  const to = wantedNames(ss);
  if (samePriorityNames(from, to)) return null;
  const cells: Record<string, number> = {};
  for (const spec of LEVEL_TABS) {
    const sheet = ss.getSheetByName(spec.name);
    if (!sheet) continue;
    const width = sheet.getLastColumn();
    if (width === 0) continue;
    const header = sheet
      .getRange(1, 1, 1, width)
      .getValues()[0]!
      .map((h) => String(h).trim());
    const rows = sheet.getLastRow() - 1;
    for (const h of levelColumns(spec)) {
      const c = header.indexOf(h);
      if (c < 0) continue;
      // The new dropdown first: a script's write that breaks a cell's rule is refused, as typing is.
      levelDropdown(sheet.getRange(2, c + 1, Math.max(sheet.getMaxRows() - 1, 1), 1), h, to);
      if (rows > 0) {
        const range = sheet.getRange(2, c + 1, rows, 1);
        const values = range.getValues().map((r) => r[0]);
        const renamed = renamedCells(values, from, to);
        if (renamed.size > 0) {
          range.setValues(values.map((v, i) => [renamed.get(i) ?? v]));
          cells[spec.name] = (cells[spec.name] ?? 0) + renamed.size;
        }
      }
    }
  }
  doc.setProperty(APPLIED, formatPriorityNames(to));
  renames++;
  const counts = LEVEL_TABS.map((s) => `${cells[s.name] ?? 0} ${s.name}`).join(' and ');
  log.add(
    'Priorities renamed',
    `${formatPriorityNames(from)} → ${formatPriorityNames(to)}: ${counts} cells renamed level for level; no deadline moves.`,
  );
  return { from, to, cells };
}
