import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runSlaCommand } from '../../../src/local/cli/sla';
import { CLI } from './run-state';

const dir = mkdtempSync(join(tmpdir(), 'sla-cli-'));
const calendars = join(dir, 'calendars.json');
const h: [string, string][] = [['08:00', '17:00']];
const day: [string, string][] = [['00:00', '24:00']];
writeFileSync(
  calendars,
  JSON.stringify([
    {
      id: 'mt',
      timezone: 'America/Denver',
      week: { mon: h, tue: h, wed: h, thu: h, fri: h, sat: [], sun: [] },
      holidays: [{ date: '2026-11-26' }, { date: '2026-11-27' }],
    },
    { id: 'closed', timezone: 'UTC', week: {} },
    { id: 'allday', timezone: 'UTC', week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } },
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

  it('reads every year 0000–9999 as written', async () => {
    const { out } = await run([
      // Date.UTC read years 0–99 as 1900–1999, so this came back as 1950.
      '{"calendar":"allday","op":"due","start":"0050-01-01T00:00:00Z","minutes":60}',
      '{"calendar":"allday","op":"nextOpen","at":"0000-01-01T00:00:00Z"}',
      '{"calendar":"allday","op":"due","start":"9999-12-31T22:00:00Z","minutes":119}',
    ]);
    expect(out).toEqual(['{"due":"0050-01-01T01:00:00Z"}', '{"nextOpen":"0000-01-01T00:00:00Z"}', '{"due":"9999-12-31T23:59:00Z"}']);
  });

  it('answers an instant or target beyond those years with an error line, at once, and goes on', async () => {
    const { code, out } = await run([
      '{"calendar":"allday","op":"isOpen","at":"0000-01-01T00:30:00+01:00"}',
      '{"calendar":"allday","op":"due","start":"9999-12-31T22:00:00Z","minutes":120}',
      // An integer too, but no answer can be written; it used to run until memory ran out.
      '{"calendar":"mt","op":"due","start":"2026-11-25T23:10:00Z","minutes":1e300}',
      '{"calendar":"mt","op":"due","start":"2026-11-25T23:10:00Z","minutes":240}',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out[0] ?? '')).toEqual({ error: expect.stringMatching(/outside the years 0000–9999/) });
    expect(JSON.parse(out[1] ?? '')).toEqual({ error: expect.stringMatching(/after 9999-12-31/) });
    expect(JSON.parse(out[2] ?? '')).toEqual({ error: expect.stringMatching(/after 9999-12-31/) });
    expect(out[3]).toBe('{"due":"2026-11-30T18:10:00Z"}');
  });

  it('reads a calendars file saved with a byte-order mark', async () => {
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, '\uFEFF' + JSON.stringify([{ id: 'u', timezone: 'UTC', week: { mon: h } }]));
    const { code, out, err } = await run(['{"calendar":"u","op":"isOpen","at":"2026-11-23T08:00:00Z"}'], bom);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toEqual(['{"isOpen":true}']);
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
      JSON.stringify({
        calendar: 'mt',
        op: 'due',
        start: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 997_000).toISOString().replace('.000Z', 'Z'),
        minutes: i % 5000,
      }),
    );
    const { out } = await run(lines);
    expect(out).toHaveLength(20_000);
    expect(out.every((l) => l.startsWith('{"due":"'))).toBe(true);
  });

  it('streams as a process: answers a line while its stdin is still open', async () => {
    const child = spawn(process.execPath, [CLI, 'sla', '--calendars', calendars], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const nextLine = () => new Promise<string>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(c.toString())));
    try {
      let answer = nextLine();
      child.stdin.write('{"calendar":"mt","op":"due","start":"2026-11-25T23:10:00Z","minutes":240}\n');
      expect(await answer).toBe('{"due":"2026-11-30T18:10:00Z"}\n');
      answer = nextLine();
      child.stdin.write('{"calendar":"mt","op":"isOpen","at":"2026-11-25T16:00:00Z"}\n');
      expect(await answer).toBe('{"isOpen":true}\n');
      child.stdin.end();
      expect(await exited).toBe(0);
    } finally {
      child.kill();
    }
  });

  it('runs as `npm run -s cli -- sla` does', () => {
    const r = spawnSync(process.execPath, [CLI, 'sla', '--calendars', calendars], {
      input: '{"calendar":"mt","op":"due","start":"2026-11-25T23:10:00Z","minutes":240}\n',
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"due":"2026-11-30T18:10:00Z"}\n');
  });
});
