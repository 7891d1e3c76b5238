import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The Debian chromium the browser tests use; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * What Apps Script's HTML blob getAs('application/pdf') gives, made by a real renderer:
 * headless chromium prints the page to PDF (no header or footer, no network: the invoice
 * HTML is self-contained). Synchronous because Apps Script's call is. Throws a plain error
 * saying what to install when chromium is missing.
 */
/**
 * chromium stamps the PDF with the host's clock (`/CreationDate (D:YYYYMMDDHHmmSS+00'00')`);
 * the emulator's is what the script sees as now, so the stamps are rewritten to it, in UTC.
 * Same length, so the file's byte offsets stay right.
 */
export function stampPdf(pdf: Buffer, now: number): Buffer {
  const d = new Date(now);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const stamp = `D:${d.getUTCFullYear()}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}`;
  const text = pdf.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_, key: string) => `/${key} (${stamp}`);
  return Buffer.from(text, 'latin1');
}

export function htmlToPdf(html: string, now?: number): Buffer {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Converting HTML to PDF needs chromium at ${CHROMIUM} (or set CHROMIUM_PATH): sudo apt-get install -y chromium`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sd-pdf-'));
  try {
    const page = path.join(dir, 'page.html');
    const out = path.join(dir, 'page.pdf');
    writeFileSync(page, html);
    execFileSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        pathToFileURL(page).href,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
    const pdf = readFileSync(out);
    return now === undefined ? pdf : stampPdf(pdf, now);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
