// `npm run bench -- NAME`: one benchmark per area; each prints its own figures.
import { benchSla } from './sla';

const benches: Record<string, () => Promise<void>> = {
  sla: benchSla,
};

const name = process.argv[2];
const run = name === undefined ? undefined : benches[name];
if (!run) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}>\n`);
  process.exitCode = 2;
} else {
  await run();
}
