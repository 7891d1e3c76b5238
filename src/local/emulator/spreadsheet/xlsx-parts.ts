import JSZip from 'jszip';

/**
 * exceljs 4.4 finds a sheet's notes only where Excel and exceljs put them: the comments
 * part at `xl/commentsN.xml` and its VML at `xl/drawings/vmlDrawingN.vml`, named in the
 * sheet's rels relative to the sheet (`../commentsN.xml`). Other writers may use any part
 * name the package format allows — openpyxl writes `xl/comments/comment1.xml` and
 * `xl/drawings/commentsDrawing1.vml` with absolute targets — and exceljs then fails the
 * whole file with "Cannot read properties of undefined (reading 'comments')"
 * (exceljs/exceljs#2797). This moves such parts to the names exceljs expects, fixing the
 * rels and [Content_Types].xml. exceljs also reads a note's text only from rich-text runs
 * (`<text><r><t>…</t></r></text>`), and openpyxl writes plain `<text><t>…</t></text>`,
 * so those become one run. Every other byte stays as it was; a file that needs nothing is
 * returned unchanged.
 */
const COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const VML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';

/** A rels Target resolved to a part name inside the zip (no leading slash). */
function resolvePart(relsFile: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  // A sheet's rels live in xl/worksheets/_rels/; targets are relative to xl/worksheets/.
  const base = relsFile
    .replace(/_rels\/[^/]+\.rels$/, '')
    .split('/')
    .filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.') base.push(seg);
  }
  return base.join('/');
}

const unescapeXml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

export async function normaliseCommentParts(data: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const sheetRels = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/.test(n));
  const taken = new Set(Object.keys(zip.files));
  const renames = new Map<string, string>();
  let next = 1;
  const freshName = (kind: 'comments' | 'vml') => {
    for (;;) {
      const name = kind === 'comments' ? `xl/comments${next}.xml` : `xl/drawings/vmlDrawing${next}.vml`;
      next++;
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };
  const relsEdits = new Map<string, string>();
  for (const relsFile of sheetRels) {
    let xml = await zip.file(relsFile)!.async('string');
    let changed = false;
    xml = xml.replace(/<Relationship\b[^>]*\/?>/g, (tag) => {
      const type = /\bType="([^"]*)"/.exec(tag)?.[1];
      const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
      if (!target || (type !== COMMENTS && type !== VML)) return tag;
      const part = resolvePart(relsFile, unescapeXml(target));
      const wanted = type === COMMENTS ? /^xl\/comments\d+\.xml$/ : /^xl\/drawings\/vmlDrawing\d+\.vml$/;
      let name = part;
      if (!wanted.test(part)) {
        name = renames.get(part) ?? freshName(type === COMMENTS ? 'comments' : 'vml');
        renames.set(part, name);
      }
      const relative = `../${name.slice('xl/'.length)}`;
      if (relative === target) return tag;
      changed = true;
      return tag.replace(/\bTarget="[^"]*"/, `Target="${relative}"`);
    });
    if (changed) relsEdits.set(relsFile, xml);
  }
  for (const [from, to] of renames) {
    const file = zip.file(from);
    if (!file) continue;
    zip.file(to, await file.async('uint8array'));
    zip.remove(from);
  }
  let plainTexts = false;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/comments\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const runs = xml.replace(/<text>\s*<t(\s[^>]*)?>([\s\S]*?)<\/t>\s*<\/text>/g, '<text><r><t$1>$2</t></r></text>');
    if (runs !== xml) {
      zip.file(name, runs);
      plainTexts = true;
    }
  }
  if (relsEdits.size === 0 && !plainTexts) return data;
  for (const [file, xml] of relsEdits) zip.file(file, xml);
  const types = zip.file('[Content_Types].xml');
  if (types) {
    let xml = await types.async('string');
    for (const [from, to] of renames) xml = xml.split(`PartName="/${from}"`).join(`PartName="/${to}"`);
    // A VML part is typed by its extension; make sure .vml has a Default if it was typed per part.
    if (!/<Default\b[^>]*Extension="vml"/i.test(xml))
      xml = xml.replace(
        /<Types\b[^>]*>/,
        (t) => `${t}<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`,
      );
    zip.file('[Content_Types].xml', xml);
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}
