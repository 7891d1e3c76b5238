// `npm run bench -- NAME`: one benchmark per area; each prints its own figures.
import { benchCli } from './cli';
import { benchSla } from './sla';
import { benchSweep } from './sweep';
import { benchBacklog, benchJobs } from './jobs';
import { benchDay } from './day';

const benches: Record<string, () => Promise<void>> = {
  cli: benchCli,
  sla: benchSla,
  sweep: benchSweep,
  jobs: benchJobs,
  backlog: benchBacklog,
  day: benchDay,
};

const name = process.argv[2];
// No name: every benchmark, one after the other.
const run =
  name === undefined
    ? async () => {
        for (const b of Object.values(benches)) await b();
      }
    : benches[name];
if (!run) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}>\n`);
  process.exitCode = 2;
} else {
  await run();
}
