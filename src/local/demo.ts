/**
 * `npm run demo`: the product doing its real job on an embedded register, in the Apps
 * Script emulator, with no Google account: a generated month replayed with `run replay`
 * (the real triggers of build/Code.js on a simulated clock), then the resulting register
 * and mail written out.
 */
import { Command, InvalidArgumentError } from 'commander';
import path from 'node:path';
import { runDemo } from './demo/run-demo';

function month(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError('use YYYY-MM, e.g. 2026-11');
  return value;
}

function seed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('use a whole number');
  return n;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('demo')
    .description(
      'Run Support Desk for a simulated month on an embedded register and inbox (with `run replay`), then write out/demo-register.xlsx and out/outbox/*.eml.',
    )
    .option('--month <YYYY-MM>', 'the month to simulate (September 2026 puts the Friday-evening outage before Labor Day)', month, '2026-09')
    .option('--seed <n>', 'seed for the generated mail and hours (same seed, same month)', seed, 1)
    .option('--out <dir>', 'output folder', 'out')
    .option('--quiet', 'no progress lines')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str.split('\n')[0]!.replace(/^error: /, 'demo: ') + '\n') });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const opts = program.opts<{ month: string; seed: number; out: string; quiet?: boolean }>();
  const say = (line: string) => opts.quiet || process.stdout.write(`${line}\n`);
  const started = performance.now();
  const { files } = await runDemo(opts, say, process.stdout, opts.quiet === true);
  const rel = (f: string) => path.relative(process.cwd(), f);
  say(`  Wrote ${rel(files.register)} and the mail in ${rel(files.outbox)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  say(
    `  To replay the month with the CLI: copy ${rel(files.start)} (the register before the month) and give it ${rel(files.inbox)} (its mail) and ${rel(files.edits)} (its people's edits) — see README.`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
