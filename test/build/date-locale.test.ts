import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/local/bundle';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Apps Script's default Intl locale is not documented (nor is the server's), and luxon
 * formats month and day names, zone abbreviations ("MST") and even digits by it: every date
 * the product formats for people names its locale (and its zone).
 */
describe('dates shown to people', () => {
  it('every luxon toFormat / toLocaleString in the product names a locale', () => {
    const offenders: string[] = [];
    for (const file of ['src/core', 'src/jobs', 'src/gas', 'src/register'].flatMap((d) => sources(path.join(ROOT, d)))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\.(toFormat|toLocaleString|toLocaleDateString|toLocaleTimeString)\(/.test(line) && !/locale/i.test(line))
            offenders.push(`${path.relative(ROOT, file)}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
