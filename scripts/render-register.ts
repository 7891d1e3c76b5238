/**
 * Renders pictures of the demo register for the README: the Tickets tab (coloured by SLA
 * state), the month's Billing tab and the Success tab (coloured by state), as LibreOffice
 * shows the .xlsx the demo wrote.
 *
 *   npm run demo && npx tsx scripts/render-register.ts [out/demo-register.xlsx] [docs]
 *
 * Needs LibreOffice (Debian: libreoffice-calc-nogui) and pdftoppm (poppler-utils). Only
 * the columns a support lead scans first are shown; every other column is hidden (and every other tab left out)
 * in a temporary copy, never in the demo's own workbook.
 */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, mkdirSync, renameSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { saveXlsx } from '../src/local/emulator/spreadsheet/xlsx';
import { loadRegisterXlsx } from '../src/local/register-xlsx';

const SHOWN: Record<string, string[] | 'all'> = {
  Success: ['Client ID', 'Client', 'Health', 'Trend', 'Risk', 'Next touch due', 'Touch state', 'Kick-off', 'Next review due'],
  Tickets: [
    'Ticket ID',
    'Client ID',
    'Subject',
    'Priority',
    'Status',
    'Received at',
    'First response due',
    'First response at',
    'SLA state',
    'Escalation tier',
  ],
};
/** Columns of a Billing tab left out of its picture: blank in a month without adjustments. */
const BILLING_HIDDEN = ['For month'];

async function render(source: string, outDir: string): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'render-'));
  mkdirSync(outDir, { recursive: true });
  const billingTab = (await loadRegisterXlsx(source)).sheets.map((s) => s.name).find((n) => n.startsWith('Billing '));
  const tabs = ['Tickets', ...(billingTab ? [billingTab] : []), 'Success'];
  for (const tab of tabs) {
    const wb = await loadRegisterXlsx(source);
    for (const other of wb.sheets.filter((s) => s.name !== tab)) wb.removeSheet(other);
    if (tab.startsWith('Billing ')) {
      await renderBilling(source, tab, work, outDir);
      continue;
    }
    for (const sheet of wb.sheets) {
      const shown = SHOWN[sheet.name];
      if (!shown || shown === 'all') continue;
      const header = wb.sheetValues(sheet.name)[0]!.map(String);
      header.forEach((h, i) => {
        if (!shown.includes(h)) sheet.hiddenColumns.add(i + 1);
      });
    }
    const slug = tab.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const xlsx = path.join(work, `${slug}.xlsx`);
    await saveXlsx(wb, xlsx);
    firstPagePng(xlsx, work, path.join(outDir, `register-${slug}.png`));
  }
  await renderPrinted(source, work, outDir);
  console.log(
    `Wrote ${readdirSync(outDir)
      .filter((f) => f.startsWith('register-') || f.startsWith('print-'))
      .map((f) => path.join(outDir, f))
      .join(', ')}`,
  );
}

/** The first page of `xlsx` as LibreOffice prints it, as a 150 dpi PNG at `png`. */
function firstPagePng(xlsx: string, work: string, png: string): void {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', xlsx, '--outdir', work], { stdio: 'ignore' });
  const base = path.join(work, path.basename(xlsx, '.xlsx'));
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', `${base}.pdf`, base]);
  renameSync(`${base}.png`, png);
}

/**
 * The Billing tab through exceljs rather than the emulator's reader (which keeps values,
 * not cell styles): the picture shows the statement as billing styled it — bold headers,
 * each header aligned over its own column's figures.
 */
async function renderBilling(source: string, tab: string, work: string, outDir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  for (const other of wb.worksheets.filter((s) => s.name !== tab)) wb.removeWorksheet(other.id);
  const sheet = wb.getWorksheet(tab)!;
  // The detail lines' header is not the first row: hide by any row that names the column.
  sheet.eachRow((row) =>
    row.eachCell((cell, column) => {
      if (BILLING_HIDDEN.includes(String(cell.value))) sheet.getColumn(column).hidden = true;
    }),
  );
  const xlsx = path.join(work, 'billing.xlsx');
  await wb.xlsx.writeFile(xlsx);
  firstPagePng(xlsx, work, path.join(outDir, 'register-billing.png'));
}

/**
 * The Tickets tab as it prints (the first tab, so the first pages of the workbook's PDF),
 * every column kept: its first page and the page with the ledgers (SLA record,
 * Notified), Ticket ID repeated on each, at 100 %.
 */
async function renderPrinted(source: string, work: string, outDir: string): Promise<void> {
  // The demo's own file, not a copy re-saved here: the reader keeps values, not wrapping and row heights.
  const xlsx = path.join(work, 'print-tickets.xlsx');
  copyFileSync(source, xlsx);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', xlsx, '--outdir', work], { stdio: 'ignore' });
  const pdf = path.join(work, 'print-tickets.pdf');
  const text = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  let ledger = 1;
  while (ledger < 40 && !text(ledger).includes('SLA record')) ledger++;
  for (const [page, name] of [
    [1, 'print-tickets-page-1'],
    [ledger, 'print-tickets-ledgers'],
  ] as const) {
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(outDir, name)]);
  }
}

render(process.argv[2] ?? 'out/demo-register.xlsx', process.argv[3] ?? 'docs').catch((e) => {
  console.error(`render-register: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
