import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { build } from 'esbuild';
import { BUNDLE, ROOT } from '../../src/local/bundle';

const REQUIRED = ['onOpen', 'onInstall', 'onEdit', 'setup', 'installTriggers', 'ingestInbox', 'sweepSla', 'runMonthlyBilling'];
const code = readFileSync(BUNDLE, 'utf8');

async function exportsOfMain(): Promise<string[]> {
  const r = await build({
    entryPoints: [`${ROOT}/src/gas/main.ts`],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    outfile: 'x.js',
    logLevel: 'silent',
    loader: { '.html': 'text' },
  });
  return Object.values(r.metafile.outputs)[0]!.exports.slice().sort();
}

describe('build/Code.js', () => {
  // Whether Apps Script's V8 exposes these is not documented (the emulator's sandbox, plain
  // V8, does): the bundle must not depend on them, so the question never matters.
  it('uses none of the globals Apps Script may lack (WebAssembly, SharedArrayBuffer, Atomics, WeakRef, FinalizationRegistry, Intl.Segmenter)', () => {
    // Only as a quoted name may they appear: Check installation asks the real runtime which it has (`typeof g['WeakRef']`).
    for (const name of ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry', 'Segmenter']) {
      expect(new RegExp(`(?<!['"])\\b${name}\\b(?!['"])`).test(code), name).toBe(false);
    }
  });

  it('evaluates in a bare V8 context with no require, process, module, Buffer or timers', () => {
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx);
    for (const missing of ['require', 'process', 'module', 'Buffer', 'setTimeout', 'URL', 'TextEncoder', 'atob', 'fetch']) {
      expect(vm.runInContext(`typeof ${missing}`, ctx)).toBe('undefined');
    }
    for (const name of REQUIRED) expect(vm.runInContext(`typeof ${name}`, ctx), name).toBe('function');
  });

  it('has exactly one generated top-level wrapper per export of src/gas/main.ts, and only functions are exported', async () => {
    const exported = await exportsOfMain();
    const wrappers = [...code.matchAll(/^function (\w+)\(\) \{ return SupportDesk\.(\w+)\.apply\(this, arguments\); \}$/gm)];
    expect(wrappers.map((m) => m[1]).sort()).toEqual(exported);
    for (const m of wrappers) expect(m[1]).toBe(m[2]);
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx);
    for (const name of exported) expect(vm.runInContext(`typeof SupportDesk.${name}`, ctx), name).toBe('function');
    for (const name of REQUIRED) expect(exported).toContain(name);
  });

  // 620 KB: 560 KB as below, then priority names per provider, the run-time pace, and client
  // success (touches, kick-offs, reviews, entitlements, health and risk, the Success tab, and
  // their settings' explanations and seed sources) took it to 576 KiB.
  // Earlier, 560 KB: 520 KB as below, then the seeds' rules (the priority matrix, business-day targets,
  // agreement to close and auto-close, status updates, incident reports), the outbound mail
  // rules (outside text, flood caps, digests) and client escalation took it to 525 KB.
  // Earlier, 520 KB: the month close's invoices (numbering, the invoice document, the Xero / QuickBooks
  // files and the Invoices tab) added about 13 KB; the installation self-check, the add-on's
  // trigger context and trigger ownership about 9 KB; the register's safety nets (fallback
  // calendar, column checks for every job, manual tickets, rows extended as tabs grow) about
  // 11 KB; the final-month ledger, reopening, exact rates, SOWs and invoice replacements about
  // 17 KB; the inbound mail rules about 7 KB. Apps Script's own limit per file is far above.
  it('stays under 620 KB with our function names readable (Apps Script has no source maps)', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(620 * 1024);
    for (const name of ['setupRegister', 'readTable', 'planWrites', 'evaluateTicket', 'installScheduledTriggers']) {
      expect(code, name).toMatch(new RegExp(`function ${name}\\(`));
    }
  });

  it('a wrapper passes arguments and return values through', () => {
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx);
    vm.runInContext('SupportDesk = { sweepSla: function (a, b) { return [a, b]; } }', ctx);
    expect(vm.runInContext('sweepSla(1, "x")', ctx)).toEqual([1, 'x']);
  });
});

describe('appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(`${ROOT}/build/appsscript.json`, 'utf8'));
  it('is V8 with a time zone, Stackdriver exception logging and an explicit scope list', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(Intl.supportedValuesOf('timeZone')).toContain(manifest.timeZone);
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
  });
  it('every scope is explained in the README', () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    for (const scope of manifest.oauthScopes) expect(readme, scope).toContain(scope);
  });
});

describe('clasp', () => {
  it('would push exactly Code.js and appsscript.json', () => {
    const out = execFileSync(process.execPath, [`${ROOT}/node_modules/@google/clasp/build/src/index.js`, 'status', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const status = JSON.parse(out.trim().split('\n').pop()!);
    expect(status.filesToPush.map((f: string) => f.replace(/^build\//, '')).sort()).toEqual(['Code.js', 'appsscript.json']);
  });
});
