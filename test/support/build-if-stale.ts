import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Vitest global setup: build/Code.js and build/cli.mjs are what the tests run, so a test
 * file run on its own (`npx vitest run test/…`) after an edit builds them first, once,
 * before any worker starts (workers building at once would replace each other's chunks).
 */
export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
}
