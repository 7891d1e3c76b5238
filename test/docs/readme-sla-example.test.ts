/** README's `sla` example is run as written: the calendar and query files it names give the answer it prints. */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { runSlaCommand } from '../../src/local/cli/sla';

const readme = readFileSync('README.md', 'utf8');

it("README's sla example gives the answer README prints", async () => {
  const m = /`sla` answers calendar questions line by line: `(\{[^`]+\})` →\s+`(\{[^`]+\})`/.exec(readme);
  expect(m, 'the example is in README').not.toBeNull();
  const [, query, answer] = m!;
  expect(readFileSync('docs/examples/queries.jsonl', 'utf8').trim()).toBe(query);
  // The calendar README shows is the example file's (its week elided, its holidays verbatim).
  const file = JSON.parse(readFileSync('docs/examples/calendars.json', 'utf8')) as { holidays: unknown }[];
  expect(readme).toContain(`"holidays":${JSON.stringify(file[0]!.holidays)}`);

  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const done = runSlaCommand({ calendars: 'docs/examples/calendars.json' }, stdin, stdout, new PassThrough());
  stdin.end(`${query}\n`);
  expect(await done).toBe(0);
  expect(out.trim()).toBe(answer);
});
