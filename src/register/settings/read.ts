import { SETTINGS, type SettingName, type Settings, type SettingsEnv, type SettingSpec } from './spec';

/** One row of the Settings tab as read: its sheet row, Key and Value text. */
export interface SettingRow {
  readonly rowNumber: number;
  readonly key: string;
  readonly value: string;
}

/** A Settings row the automation could not use as typed; the default was used instead. */
export interface SettingProblem {
  readonly rowNumber: number;
  readonly key: string;
  /** For the row's Problems cell: what is wrong and what is used instead. */
  readonly message: string;
}

export interface SettingsRead {
  readonly settings: Settings;
  readonly problems: readonly SettingProblem[];
}

/** Keys as people type them: case, spacing and punctuation around words do not matter. */
const norm = (key: string) =>
  key
    .toLowerCase()
    .replace(/[^a-z0-9()%]+/g, ' ')
    .trim();

const BY_KEY = new Map<string, SettingName>(Object.entries(SETTINGS).map(([name, s]) => [norm(s.key), name as SettingName]));

/** The setting a Key cell names, as readSettings matches it; null for an unknown key. */
export function settingNamed(key: string): SettingName | null {
  return BY_KEY.get(norm(key)) ?? null;
}

/** Edit distance, for "did you mean" on a misspelt key. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function unknownKey(key: string): string {
  let best: { key: string; d: number } | null = null;
  for (const s of Object.values(SETTINGS)) {
    const d = distance(norm(key), norm(s.key));
    if (!best || d < best.d) best = { key: s.key, d };
  }
  const hint =
    best && best.d <= Math.max(2, Math.floor(best.key.length / 5)) ? `: did you mean "${best.key}"?` : '; the automation ignores this row';
  return `"${key}" is not a setting Support Desk knows${hint}`;
}

const shown = (text: string) => (text === '' ? 'the default (blank)' : text.length <= 40 ? `the default (${text})` : 'the default');

function settingValue<T>(spec: SettingSpec<T>, row: SettingRow | undefined, env: SettingsEnv, problems: SettingProblem[]): T {
  const initial = String(spec.initial(env)).trim();
  const fallback = spec.parse(initial);
  // A default that does not parse is a defect of this file, not of the register.
  if (!fallback.ok) throw new Error(`Settings default for "${spec.key}" does not parse: ${fallback.problem}`);
  const text = row?.value.trim() ?? '';
  if (!row || text === '') return fallback.value;
  const parsed = spec.parse(text);
  if (!parsed.ok) {
    problems.push({ rowNumber: row.rowNumber, key: spec.key, message: `${parsed.problem}; using ${shown(initial)}` });
    return fallback.value;
  }
  if (parsed.warning) problems.push({ rowNumber: row.rowNumber, key: spec.key, message: parsed.warning });
  return parsed.value;
}

/**
 * The Settings tab's rows → every setting as a typed value, plus the rows that could not be
 * used (each falls back to its default, so a typo never stops a job). A missing or blank
 * row means the default. Pure: the same rows always give the same settings.
 */
export function readSettings(rows: readonly SettingRow[], env: SettingsEnv): SettingsRead {
  const problems: SettingProblem[] = [];
  const found = new Map<SettingName, SettingRow>();
  for (const row of rows) {
    const name = settingNamed(row.key);
    if (!name) {
      problems.push({ rowNumber: row.rowNumber, key: row.key, message: unknownKey(row.key) });
      continue;
    }
    const first = found.get(name);
    if (first) {
      problems.push({
        rowNumber: row.rowNumber,
        key: row.key,
        message: `"${SETTINGS[name].key}" is set again (first at row ${first.rowNumber}); this row is ignored`,
      });
      continue;
    }
    found.set(name, row);
  }
  const settings: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(SETTINGS) as [SettingName, SettingSpec<unknown>][]) {
    settings[name] = settingValue(spec, found.get(name), env, problems);
  }
  problems.sort((a, b) => a.rowNumber - b.rowNumber);
  return { settings: settings as Settings, problems };
}

/** The settings every default gives (no Settings tab at all). */
export function defaultSettings(env: SettingsEnv): Settings {
  return readSettings([], env).settings;
}
