import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { CLI } from './run-state';

/**
 * The CLI as shipped: build/cli.mjs, one ESM file for Node with its libraries bundled, and
 * one chunk per command loaded by that command's import(). The chunk graph is esbuild's
 * metafile (build/cli-meta.json), written by the same build.
 */
const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  bin?: Record<string, string>;
  scripts: Record<string, string>;
};

interface Meta {
  outputs: Record<
    string,
    { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }
  >;
}
const meta = JSON.parse(readFileSync(path.join(ROOT, 'build/cli-meta.json'), 'utf8')) as Meta;
const outputs = Object.entries(meta.outputs).filter(([file]) => file.endsWith('.mjs'));
const byPath = new Map(outputs.map(([file, o]) => [path.resolve(ROOT, file), o]));

/** Every source module that is loaded with an output file: its own inputs and those of its static imports. */
function loadedWith(file: string): Set<string> {
  const seen = new Set<string>();
  const inputs = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const o = byPath.get(f)!;
    for (const i of Object.keys(o.inputs)) inputs.add(i);
    for (const imp of o.imports) if (imp.kind === 'import-statement' && !imp.external) visit(path.resolve(ROOT, imp.path));
  };
  visit(file);
  return inputs;
}
const commandChunk = (source: string) => {
  const found = outputs.find(([, o]) => o.entryPoint === source);
  if (!found) throw new Error(`no chunk for ${source}`);
  return path.resolve(ROOT, found[0]);
};
const packages = (inputs: Set<string>) =>
  new Set([...inputs].map((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)?.[1]).filter((p): p is string => p !== undefined));

describe('the compiled CLI', () => {
  it('is the package bin and what `npm run cli` runs: an executable Node script', () => {
    expect(pkg.bin).toEqual({ 'support-desk': 'build/cli.mjs' });
    expect(pkg.scripts['cli']).toMatch(/node build\/cli\.mjs$/);
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    accessSync(CLI, constants.X_OK);
    const help = spawnSync(CLI, ['--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: support-desk/);
    expect(spawnSync(CLI, ['run', '--help'], { encoding: 'utf8' }).stdout).toMatch(/replay/);
  });

  it('loads only what a command uses: `sla` and --help never load exceljs, mailparser or the emulator', () => {
    const main = path.resolve(ROOT, 'build/cli.mjs');
    const atStart = loadedWith(main);
    const sla = new Set([...atStart, ...loadedWith(commandChunk('src/local/cli/sla.ts'))]);
    for (const heavy of ['exceljs', 'mailparser', 'jszip', 'nodemailer', 'luxon', 'proper-lockfile'])
      expect(packages(atStart)).not.toContain(heavy);
    for (const heavy of ['exceljs', 'mailparser', 'jszip', 'nodemailer', 'proper-lockfile']) expect(packages(sla)).not.toContain(heavy);
    expect([...sla].some((i) => i.includes('src/local/emulator/'))).toBe(false);
    // …while a run command does load them, in its own chunks.
    const ingest = loadedWith(commandChunk('src/local/cli/run-ingest.ts'));
    expect(packages(ingest)).toContain('exceljs');
    expect(packages(ingest)).toContain('mailparser');
  });
});
