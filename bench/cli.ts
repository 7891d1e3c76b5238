/**
 * `npm run bench -- cli`: start-up of the compiled CLI (`support-desk --help`, i.e. node
 * build/cli.mjs --help) beside a bare `node -e 0`, median of 21 spawns each. A benchmark,
 * not a test: the figures move with the machine's load.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const SPAWNS = 21;

/** Prints the process's CPU time (user + system) at exit: a figure a busy machine moves less than wall time. */
const CPU_AT_EXIT =
  'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("cpu-ms "+(u.user+u.system)/1000+"\\n")})';

interface Figures {
  median: number;
  min: number;
  cpu: number;
}

function measure(args: string[]): Figures {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', CPU_AT_EXIT, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    times.push(performance.now() - t0);
    cpus.push(Number(/cpu-ms ([\d.]+)/.exec(r.stderr)?.[1] ?? Number.NaN));
  }
  const mid = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(SPAWNS / 2)]!;
  return { median: mid(times), min: Math.min(...times), cpu: mid(cpus) };
}

export async function benchCli(): Promise<void> {
  const cli = path.resolve(import.meta.dirname, '../build/cli.mjs');
  const bare = measure(['-e', '0']);
  const help = measure([cli, '--help']);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const line = (label: string, f: Figures) =>
    `  ${label.padEnd(22)} wall ${ms(f.median).padStart(7)} (min ${ms(f.min)}), CPU ${ms(f.cpu).padStart(6)}`;
  process.stdout.write(
    [
      `CLI start-up, median of ${SPAWNS} spawns (wall time from spawn to exit; CPU time of the process), node ${process.version}`,
      line('node -e 0', bare),
      `${line('support-desk --help', help)}   target < 150 ms`,
      '',
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCli();
