import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository: the nearest folder above this module with a package.json. Run from
 * source this module is src/local/bundle.ts; compiled it sits in build/ or build/cli-chunks/.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const BUNDLE = path.join(ROOT, 'build/Code.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The CLI runs what is deployed: build/Code.js. It is rebuilt when missing or older than
 * the product sources, so a CLI run never uses a stale bundle (only Code.js: a compiled
 * CLI must not replace its own chunks while it runs).
 */
export function ensureBundle(): string {
  const sources = ['src/core', 'src/register', 'src/jobs', 'src/gas'].map((d) => path.join(ROOT, d)).filter(existsSync);
  const stale = !existsSync(BUNDLE) || sources.some((d) => newestSource(d) > statSync(BUNDLE).mtimeMs);
  if (stale)
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--code-only'], {
      stdio: 'inherit',
      env: { ...process.env, QUIET_BUILD: '1' },
    });
  return BUNDLE;
}
