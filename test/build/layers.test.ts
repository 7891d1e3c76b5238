import { ROOT } from '../../src/local/bundle';
import { sourceFiles, violations } from '../../scripts/check-layers';

describe('layer rules over src/ (docs/design.md, Code shape)', () => {
  it('src/ has no violation', () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(50);
    expect(violations(files)).toEqual([]);
  });

  it('fails on an Apps Script global in core and on node:fs imported in jobs', () => {
    const found = violations([
      { path: 'src/core/x.ts', text: 'export const a = () => SpreadsheetApp.getActive();' },
      { path: 'src/jobs/x.ts', text: "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;" },
    ]);
    expect(found.map((v) => `${v.file} ${v.detail}`)).toEqual(['src/core/x.ts SpreadsheetApp', 'src/jobs/x.ts node:fs']);
  });

  it('fails on core importing another layer or a package, jobs/register importing gas or local, Node packages outside local', () => {
    const found = violations([
      { path: 'src/core/a.ts', text: "import { x } from '../register/cells';\nimport y from 'exceljs';" },
      { path: 'src/jobs/sweep/b.ts', text: "import type { P } from '../../gas/ports';\nexport * from '../../local/emulator';" },
      { path: 'src/register/c.ts', text: "const f = await import('../gas/log');\nconst p = require('path');" },
      { path: 'src/gas/d.ts', text: "import { Command } from 'commander';" },
    ]);
    expect(found.map((v) => `${v.file} ${v.detail}`).sort()).toEqual([
      'src/core/a.ts ../register/cells',
      'src/core/a.ts exceljs',
      'src/core/a.ts exceljs',
      'src/gas/d.ts commander',
      'src/jobs/sweep/b.ts ../../gas/ports',
      'src/jobs/sweep/b.ts ../../local/emulator',
      'src/register/c.ts ../gas/log',
      'src/register/c.ts path',
    ]);
  });

  it('allows what the layers may do, and ignores globals named in comments, strings and as properties', () => {
    expect(
      violations([
        {
          path: 'src/core/ok.ts',
          text: "import { DateTime } from 'luxon';\nimport { z } from 'zod/mini';\nimport { a } from './b';\n// uses SpreadsheetApp\nconst s = 'GmailApp';\nconst o = { Session: 1 }; o.Session;",
        },
        { path: 'src/gas/ok.ts', text: "import { a } from '../jobs/x';\nSpreadsheetApp.flush();" },
        { path: 'src/local/ok.ts', text: "import fs from 'node:fs';\nimport ExcelJS from 'exceljs';\nimport { a } from '../gas/x';" },
      ]),
    ).toEqual([]);
  });
});
