import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runSlaCommand } from '../../src/local/cli/sla';

const dir = mkdtempSync(join(tmpdir(), 'sla-cli-'));
const calendars = join(dir, 'calendars.json');
const h: [string, string][] = [['08:00', '17:00']];
writeFileSync(
  calendars,
  JSON.stringify([
    { id: 'mt', timezone: 'America/Denver', week: { mon: h, tue: h, wed: h, thu: h, fri: h, sat: [], sun: [] }, holidays: [{ date: '2026-11-26' }, { date: '2026-11-27' }] },
    { id: 'closed', timezone: 'UTC', week: {} },
  ]),
);

async function run(lines: string[], file = calendars): Promise<{ code: number; out: string[]; err: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const done = runSlaCommand({ calendars: file }, stdin, stdout, stderr);
  stdin.end(lines.join('\n') + '\n');
  const code = await done;
  return { code, out: out.split('\n').filter((l) => l !== ''), err };
}

describe('cli sla', () => {
  it('answers the issue examples, one line per input, in order', async () => {
    const { code, out } = await run([
      '{"calendar":"mt","op":"due","start":"2026-11-25T23:10:00Z","minutes":240}',
      '{"calendar":"mt","op":"elapsed","from":"2026-11-25T16:00:00-07:00","to":"2026-11-30T09:10:25-07:00"}',
      '{"calendar":"mt","op":"isOpen","at":"2026-11-25T23:59:59Z"}',
      '{"calendar":"mt","op":"isOpen","at":"2026-11-26T00:00:00Z"}',
      '{"calendar":"mt","op":"nextOpen","at":"2026-11-26T00:00:00+00:00"}',
      '{"calendar":"mt","op":"due","start":"2026-11-24T10:00:27-07:00","minutes":90}',
      '{"calendar":"mt","op":"due","start":"2026-11-24T16:00:00-07:00","minutes":0}',
    ]);
    expect(code).toBe(0);
    expect(out).toEqual([
      '{"due":"2026-11-30T18:10:00Z"}',
      '{"elapsed":130}',
      '{"isOpen":true}',
      '{"isOpen":false}',
      '{"nextOpen":"2026-11-30T15:00:00Z"}',
      '{"due":"2026-11-24T18:30:27Z"}',
      '{"due":"2026-11-24T23:00:00Z"}',
    ]);
  });

  it('answers a bad line with an error line and goes on', async () => {
    const { code, out } = await run([
      'not json',
      '{"calendar":"nope","op":"isOpen","at":"2026-11-26T00:00:00Z"}',
      '{"calendar":"mt","op":"due","start":"2026-11-25T23:10:00Z","minutes":-1}',
      '{"calendar":"mt","op":"due","start":"2026-11-25T23:10:00Z","minutes":1.5}',
      '{"calendar":"mt","op":"due","start":"2026-11-25 23:10:00Z","minutes":1}',
      '{"calendar":"mt","op":"due","start":"2026-11-25T23:10:00.250Z","minutes":1}',
      '{"calendar":"mt","op":"isOpen","at":"2026-02-30T00:00:00Z"}',
      '{"calendar":"mt","op":"teleport"}',
      '{"calendar":"closed","op":"nextOpen","at":"2026-11-26T00:00:00Z"}',
      '{"calendar":"mt","op":"isOpen","at":"2026-11-26T00:00:00Z"}',
    ]);
    expect(code).toBe(0);
    expect(out).toHaveLength(10);
    for (const line of out.slice(0, 9)) expect(Object.keys(JSON.parse(line))).toEqual(['error']);
    expect(out[1]).toContain('unknown calendar');
    expect(out[8]).toContain('no open hours');
    expect(out[9]).toBe('{"isOpen":false}');
  });

  it('fails with exit code 2 and a message when the calendars file is bad', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ id: 'x', timezone: 'UTC', week: { mon: [['17:00', '08:00']] } }]));
    const { code, err } = await run([], bad);
    expect(code).toBe(2);
    expect(err).toMatch(/calendar "x", Mon: .*"17:00","08:00"/);
  });

  it('streams: answers a line before the input has ended, and keeps up with 20,000 lines', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const firstLine = new Promise<string>((resolve) => stdout.once('data', (c: Buffer) => resolve(c.toString())));
    const done = runSlaCommand({ calendars }, stdin, stdout, new PassThrough());
    stdin.write('{"calendar":"mt","op":"isOpen","at":"2026-11-25T16:00:00Z"}\n');
    // stdin is still open here: a reader that waited for the end would never answer.
    expect(await firstLine).toBe('{"isOpen":true}\n');
    stdin.end();
    expect(await done).toBe(0);

    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ calendar: 'mt', op: 'due', start: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 997_000).toISOString().replace('.000Z', 'Z'), minutes: i % 5000 }),
    );
    const { out } = await run(lines);
    expect(out).toHaveLength(20_000);
    expect(out.every((l) => l.startsWith('{"due":"'))).toBe(true);
  });

  it('runs as `npm run -s cli -- sla` does', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/local/cli.ts', 'sla', '--calendars', calendars], {
      input: '{"calendar":"mt","op":"due","start":"2026-11-25T23:10:00Z","minutes":240}\n',
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"due":"2026-11-30T18:10:00Z"}\n');
  });
});
