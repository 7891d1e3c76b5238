import type { GeneratedSheet, GeneratedTabs } from '../../jobs/billing/ports';
import { cellValue, fitCell } from '../../register/safe-text';

/** Marks the protection this module puts on a Final billing tab (and only that one is taken off). */
const PROTECTION_PREFIX = 'Support Desk: final billing';

function generatedSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GeneratedSheet {
  return {
    readAll: () => sheet.getDataRange().getValues(),
    replaceAll(values, formats, boldRows, widths, alignments) {
      const rows = values.length;
      const width = values[0]?.length ?? 0;
      if (rows === 0 || width === 0) return;
      // Blank out what an earlier, longer or wider version left, in the same single write.
      const oldRows = sheet.getLastRow();
      const oldCols = sheet.getLastColumn();
      const h = Math.max(rows, oldRows);
      const w = Math.max(width, oldCols);
      if (sheet.getMaxRows() < h) sheet.insertRowsAfter(sheet.getMaxRows(), h - sheet.getMaxRows());
      if (sheet.getMaxColumns() < w) sheet.insertColumnsAfter(sheet.getMaxColumns(), w - sheet.getMaxColumns());
      const grid: unknown[][] = [];
      const fmt: string[][] = [];
      const weights: GoogleAppsScript.Spreadsheet.FontWeight[][] = [];
      const aligned: ('left' | 'right')[][] = [];
      const bold = new Set(boldRows);
      for (let r = 0; r < h; r++) {
        aligned.push(Array.from({ length: w }, (_, c) => alignments?.[r]?.[c] ?? 'left'));
        const f = Array.from({ length: w }, (_, c) => formats[r]?.[c] ?? '@');
        fmt.push(f);
        // Plain-text cells take text verbatim (formats are set first), so no apostrophe there.
        grid.push(
          Array.from({ length: w }, (_, c) => {
            const v = values[r]?.[c] ?? '';
            return typeof v === 'string' && f[c] === '@' ? fitCell(v) : cellValue(v);
          }),
        );
        weights.push(new Array(w).fill(bold.has(r + 1) ? 'bold' : 'normal'));
      }
      const range = sheet.getRange(1, 1, h, w);
      range.setNumberFormats(fmt);
      range.setValues(grid);
      range.setFontWeights(weights);
      if (alignments) range.setHorizontalAlignments(aligned);
      if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
      // One call per run of equal widths: a constant handful, however many rows.
      const ws = widths ?? [];
      for (let c = 0; c < ws.length; ) {
        let n = 1;
        while (c + n < ws.length && ws[c + n] === ws[c]) n++;
        if (ws[c]! > 0) sheet.setColumnWidths(c + 1, n, ws[c]!);
        c += n;
      }
    },
    protectAs(description) {
      const ours = sheet
        .getProtections(SpreadsheetApp.ProtectionType.SHEET)
        .filter((p) => p.getDescription().startsWith(PROTECTION_PREFIX));
      if (description === null) {
        for (const p of ours) p.remove();
        return;
      }
      // Warning only: people who must fix something can still do so after a warning, and the
      // edit handler puts a typed change back.
      const p = ours[0] ?? sheet.protect();
      p.setDescription(`${PROTECTION_PREFIX}: ${description}`);
      p.setWarningOnly(true);
    },
  };
}

/** Generated tabs (Billing YYYY-MM) over the spreadsheet. */
export function generatedTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GeneratedTabs {
  return {
    names: () => ss.getSheets().map((s) => s.getName()),
    get(name) {
      const sheet = ss.getSheetByName(name);
      return sheet ? generatedSheet(sheet) : null;
    },
    ensure(name) {
      return generatedSheet(ss.getSheetByName(name) ?? ss.insertSheet(name, ss.getSheets().length));
    },
  };
}
