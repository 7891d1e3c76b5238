/**
 * `npm run bench -- cli`: start-up of the compiled CLI (`support-desk --help`, i.e. node
 * build/cli.mjs --help) beside a bare `node -e 0`, median of 21 spawns each. A benchmark,
 * not a test: the figures move with the machine's load.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const SPAWNS = 21;

function median(args: string[]): { median: number; min: number } {
  const times: number[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(SPAWNS / 2)]!, min: times[0]! };
}

export async function benchCli(): Promise<void> {
  const cli = path.resolve(import.meta.dirname, '../build/cli.mjs');
  const bare = median(['-e', '0']);
  const help = median([cli, '--help']);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  process.stdout.write(
    [
      `CLI start-up, median (min) of ${SPAWNS} spawns, node ${process.version}`,
      `  node -e 0                   ${ms(bare.median).padStart(7)} (${ms(bare.min)})`,
      `  support-desk --help         ${ms(help.median).padStart(7)} (${ms(help.min)})   target < 150 ms`,
      '',
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCli();
