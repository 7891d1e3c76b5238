import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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
 * the product sources, so a CLI run never uses a stale bundle.
 */
export function ensureBundle(): string {
  const sources = ['src/core', 'src/register', 'src/jobs', 'src/gas'].map((d) => path.join(ROOT, d)).filter(existsSync);
  const stale = !existsSync(BUNDLE) || sources.some((d) => newestSource(d) > statSync(BUNDLE).mtimeMs);
  if (stale)
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit', env: { ...process.env, QUIET_BUILD: '1' } });
  return BUNDLE;
}
