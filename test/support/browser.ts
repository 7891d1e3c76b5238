import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Emulator } from '../../src/local/emulator';
import { isDate } from '../../src/local/emulator/realm';

// Callbacks passed to page.evaluate run in the page. The Node project has no DOM lib, so the
// page's globals are declared loosely here (module-scoped, so nothing leaks into other files).
declare const document: any;

/**
 * Browser tests drive the sidebars' real HTML (taken from the HtmlOutput the bundle hands
 * to showSidebar) in Debian's chromium, with a google.script.run stand-in that calls the
 * real server functions in the emulator. Served on 127.0.0.1 only.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test-artifacts');

/** Fails (never skips) with what to do when chromium is missing. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need chromium at ${CHROMIUM} (or set CHROMIUM_PATH). Install it with:\n` +
        `  sudo apt-get update && sudo apt-get install -y chromium\n` +
        `(CI installs it before npm test.)`,
    );
  }
  return CHROMIUM;
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a new, empty profile, deleted on close. */
export async function launch(): Promise<Browser> {
  const executablePath = requireChromium();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'sd-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ARGS,
    // Google's sidebar is 300 px wide.
    viewport: { width: 300, height: 900 },
    offline: false,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The HTML of the sidebar the last call opened. */
export function lastSidebarHtml(em: Emulator): string {
  const d = em.workbook.ui.dialogs.at(-1);
  if (d?.kind !== 'sidebar') throw new Error('No sidebar was opened.');
  return (d.html as { getContent(): string }).getContent();
}

function containsDate(v: unknown): boolean {
  if (isDate(v)) return true;
  if (Array.isArray(v)) return v.some(containsDate);
  if (v && typeof v === 'object') return Object.values(v).some(containsDate);
  return false;
}

/**
 * google.script.run in the page: an object with one function per public entry point of
 * the project (a private or unknown name is not a function, as in Apps Script), each
 * posting its arguments to the server and calling the success or failure handler later.
 */
function standIn(entryPoints: readonly string[]): string {
  return `<script>
(function () {
  var names = ${JSON.stringify(entryPoints)};
  function runner(h) {
    var r = {
      withSuccessHandler: function (f) { return runner({ ok: f, fail: h.fail, user: h.user }); },
      withFailureHandler: function (f) { return runner({ ok: h.ok, fail: f, user: h.user }); },
      withUserObject: function (o) { return runner({ ok: h.ok, fail: h.fail, user: o }); }
    };
    names.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/run/' + name, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
          .then(function (res) { return res.json(); })
          .then(function (res) {
            if (res.error !== undefined) {
              var e = new Error(res.error);
              e.name = 'ScriptError';
              if (h.fail) h.fail(e, h.user);
            } else if (h.ok) h.ok(res.value, h.user);
          });
      };
    });
    return r;
  }
  window.google = { script: { run: runner({}), host: { close: function () { document.body.setAttribute('data-closed', 'true'); }, editor: { focus: function () {} } } } };
})();
</script>`;
}

export interface ServedSidebar {
  readonly url: string;
  /** Server calls made by the page, in order. */
  readonly calls: { name: string; args: unknown[]; error?: string }[];
  /** Problems that would break the page in Apps Script (e.g. a Date in a return value). */
  readonly warnings: string[];
  close(): Promise<void>;
}

/** Serves one sidebar page, its google.script.run going to `em`. */
export async function serveSidebar(em: Emulator, html: string): Promise<ServedSidebar> {
  const entryPoints = em.entryPoints().filter((n) => !n.endsWith('_'));
  const page = html.includes('<head>') ? html.replace('<head>', `<head>\n${standIn(entryPoints)}`) : standIn(entryPoints) + html;
  const calls: ServedSidebar['calls'] = [];
  const warnings: string[] = [];
  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && (req.url === '/' || req.url === '/index.html')) return send(200, 'text/html; charset=utf-8', page);
    const m = /^\/run\/([A-Za-z0-9_$]+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !m) return send(404, 'text/plain', 'not found');
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const name = m[1]!;
      const args = JSON.parse(body || '[]') as unknown[];
      const run = em.run(name, ...args);
      if (run.error) {
        calls.push({ name, args, error: run.error.message });
        return send(200, 'application/json', JSON.stringify({ error: run.error.message }));
      }
      calls.push({ name, args });
      let value = run.value ?? null;
      if (containsDate(value)) {
        // Apps Script hands the page null when a return value holds a Date.
        warnings.push(`${name} returned a Date: the page would get null`);
        value = null;
      }
      send(200, 'application/json', JSON.stringify({ value }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    warnings,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the browser keeps connections alive
      }),
  };
}

/** Keeps a screenshot of the page under test-artifacts/ (gitignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The id of the focused element. */
export const focused = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');
