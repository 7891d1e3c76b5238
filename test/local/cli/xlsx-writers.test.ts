import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runIngestCommand } from '../../../src/local/cli/run-ingest';
import { runSweepCommand } from '../../../src/local/cli/run-sweep';
import { loadXlsx } from '../../../src/local/emulator/spreadsheet/xlsx';
import { normaliseCommentParts } from '../../../src/local/emulator/spreadsheet/xlsx-parts';
import { ALL_TABS } from '../../../src/register/tabs';
import { INBOX } from './run-state';

/** Made by scripts/make-xlsx-fixtures.py: one register as each tool saves it. */
const FIXTURES = path.resolve(__dirname, '../../fixtures/xlsx');
const WRITERS = ['openpyxl-notes', 'openpyxl-plain', 'libreoffice'] as const;
const AT = '2026-11-02T09:00:00-07:00';
const sink = { write: () => true } as unknown as NodeJS.WritableStream;
const settingsOf = async (file: string) =>
  (await loadXlsx(file))
    .sheetValues('Settings')
    .slice(1)
    .filter((r) => r[0] !== '')
    .map((r) => [r[0], r[1]]);

describe('a register saved by another spreadsheet tool', () => {
  it.each(WRITERS)('%s: opens with every tab, the same settings and the row it typed', async (writer) => {
    const file = path.join(FIXTURES, `${writer}.xlsx`);
    const wb = await loadXlsx(file);
    for (const tab of ALL_TABS) expect(wb.sheet(tab.name), tab.name).toBeDefined();
    expect(await settingsOf(file)).toEqual(await settingsOf(path.join(FIXTURES, 'cli.xlsx')));
    expect(wb.sheetValues('Clients')[1]!.slice(0, 4)).toEqual(['CANYON', 'Canyon Outfitters', 'canyon.test', 'Standard']);
    // The header notes survive where the writer kept them (openpyxl's own comment parts included).
    const note = wb.requireSheet('Tickets').note(1, 1);
    if (writer === 'openpyxl-plain') expect(note).toBe('');
    else expect(note).toMatch(/^One row per ticket/);
  });

  it.each(WRITERS)(
    '%s: ingest and sweep run on it and save it',
    async (writer) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'writers-'));
      const wb = path.join(dir, 'reg.xlsx');
      copyFileSync(path.join(FIXTURES, `${writer}.xlsx`), wb);
      expect(await runIngestCommand({ workbook: wb, inbox: INBOX, at: AT, outbox: path.join(dir, 'out') }, sink)).toBe(0);
      expect(await runSweepCommand({ workbook: wb, at: AT, outbox: path.join(dir, 'out') }, sink)).toBe(0);
      const saved = await loadXlsx(wb);
      expect(saved.sheetValues('Messages').length).toBeGreaterThan(1);
      expect(saved.sheetValues('Clients')[1]![0]).toBe('CANYON');
    },
    60_000,
  );

  it('leaves a file exceljs reads as it is untouched, byte for byte', async () => {
    for (const name of ['cli', 'libreoffice', 'openpyxl-plain']) {
      const bytes = readFileSync(path.join(FIXTURES, `${name}.xlsx`));
      expect((await normaliseCommentParts(bytes)) === bytes, name).toBe(true);
    }
    const moved = await normaliseCommentParts(readFileSync(path.join(FIXTURES, 'openpyxl-notes.xlsx')));
    expect(moved).not.toBe(readFileSync(path.join(FIXTURES, 'openpyxl-notes.xlsx')));
  });
});
