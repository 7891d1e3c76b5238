/**
 * The layer rules of docs/design.md ("Code shape"), checked over the source text of src/:
 * - src/core imports only src/core, luxon and zod;
 * - Apps Script globals (SpreadsheetApp, GmailApp, …) are used only in src/gas;
 * - Node built-ins and Node-only packages are imported only in src/local;
 * - src/jobs and src/register never import src/gas or src/local.
 * Run by `npm run lint`; test/build/layers.test.ts feeds it violating files to prove it fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

export const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'GmailApp',
  'MailApp',
  'DriveApp',
  'PropertiesService',
  'LockService',
  'ScriptApp',
  'Session',
  'Utilities',
  'HtmlService',
  'CacheService',
  'UrlFetchApp',
  'CalendarApp',
  'ContentService',
  'Logger',
  'DocumentApp',
  'FormApp',
  'SlidesApp',
  'Charts',
  'Browser',
  'XmlService',
  'Jdbc',
  'Maps',
  'LanguageApp',
  'GroupsApp',
  'ContactsApp',
];
export const NODE_ONLY_PACKAGES = [
  'exceljs',
  'mailparser',
  'commander',
  'nodemailer',
  'playwright',
  'playwright-core',
  'esbuild',
  'tsx',
  'vitest',
  'fast-check',
];
const CORE_PACKAGES = ['luxon', 'zod'];

export interface SourceFile {
  path: string;
  text: string;
} // path relative to the repository root, with '/'
export interface Violation {
  file: string;
  rule: string;
  detail: string;
}

const layerOf = (p: string): string | undefined => /^src\/([^/]+)\//.exec(p)?.[1];
const packageOf = (spec: string): string => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
const isNodeBuiltin = (spec: string): boolean => spec.startsWith('node:') || builtinModules.includes(packageOf(spec));

/** Every module specifier the file imports, re-exports, dynamically imports or requires. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]!);
  return found;
}

/** The code without comments, string and template literal contents, so a global named in prose does not count. */
export function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (m) =>
    m.startsWith('/') ? ' ' : '""',
  );
}

export function violations(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    const layer = layerOf(f.path);
    if (!layer) continue;
    for (const spec of importsOf(f.text)) {
      const relative = spec.startsWith('.');
      const target = relative ? path.posix.normalize(path.posix.join(path.posix.dirname(f.path), spec)) : undefined;
      const targetLayer = target ? (layerOf(`${target}/`) ?? layerOf(target)) : undefined;
      if (layer === 'core' && (relative ? targetLayer !== 'core' : !CORE_PACKAGES.includes(packageOf(spec)))) {
        out.push({ file: f.path, rule: 'core imports only src/core, luxon and zod', detail: spec });
      }
      if (layer !== 'local' && !relative && (isNodeBuiltin(spec) || NODE_ONLY_PACKAGES.includes(packageOf(spec)))) {
        out.push({ file: f.path, rule: 'Node built-ins and Node-only packages only in src/local', detail: spec });
      }
      if ((layer === 'jobs' || layer === 'register') && (targetLayer === 'gas' || targetLayer === 'local')) {
        out.push({ file: f.path, rule: `src/${layer} never imports src/gas or src/local`, detail: spec });
      }
    }
    if (layer !== 'gas' && layer !== 'local') {
      const code = codeOnly(f.text);
      for (const name of APPS_SCRIPT_GLOBALS) {
        // A use of the global: not a property (x.Session), an object key (Session:) or a type namespace member.
        if (new RegExp(`(?<![.\\w$])${name}\\b(?!\\s*:)`).test(code)) {
          out.push({ file: f.path, rule: 'Apps Script globals only in src/gas', detail: name });
        }
      }
    }
  }
  return out;
}

export function sourceFiles(root: string, dir = 'src'): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(root, rel));
    else if (/\.(ts|mts|js|mjs)$/.test(entry.name)) out.push({ path: rel, text: readFileSync(path.join(root, rel), 'utf8') });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const found = violations(sourceFiles(root));
  for (const v of found) console.error(`${v.file}: ${v.rule} (${v.detail})`);
  if (found.length > 0) process.exit(1);
  console.log('layers: ok');
}
