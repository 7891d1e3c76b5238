import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MailboxModel } from '../gmail/model';

function slug(subject: string): string {
  const s = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'no-subject';
}

const OUTBOX_FILE = /^\d{4,}-(sent|draft)-[a-z0-9-]*\.(eml|pdf)$/;

/** A PDF attached to an outbox mail, written beside its .eml so a person can open what the client would get. */
function pdfFiles(
  emlName: string,
  attachments: readonly { name: string; contentType: string; content: Buffer }[],
): { name: string; content: Buffer }[] {
  const base = emlName.replace(/\.eml$/, '');
  return attachments
    .filter((a) => a.contentType.toLowerCase() === 'application/pdf')
    .map((a) => ({ name: `${base}-${slug(a.name.replace(/\.pdf$/i, ''))}.pdf`, content: a.content }));
}

/**
 * Writes each sent mail and each live draft as `NNNN-sent-<subject>.eml` /
 * `NNNN-draft-<subject>.eml`, numbered in the order the account wrote them. Writing
 * again rewrites the same names (unchanged files are left alone) and removes outbox
 * files of drafts that have since been sent or deleted; other files are not touched.
 *
 * With `append`, for a mailbox that holds only one run's mail (a CLI run builds a fresh
 * one each time), the files are numbered after the highest number already in `dir` and
 * nothing there is removed or overwritten: the outbox of repeated runs keeps every mail.
 */
export async function writeOutbox(mailbox: MailboxModel, dir: string, opts: { append?: boolean } = {}): Promise<string[]> {
  await mailbox.settled();
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const keep = new Set<string>();
  let base = 0;
  if (opts.append) {
    for (const name of await readdir(dir)) if (OUTBOX_FILE.test(name)) base = Math.max(base, Number(name.slice(0, name.indexOf('-'))));
  }
  for (const mail of [...mailbox.outgoing].sort((a, b) => a.outboxSeq - b.outboxSeq)) {
    const name = `${String(base + mail.outboxSeq).padStart(4, '0')}-${mail.kind}-${slug(mail.subject)}.eml`;
    const file = path.join(dir, name);
    const raw = await mail.raw;
    const existing = await readFile(file).catch(() => undefined);
    if (!existing?.equals(raw)) await writeFile(file, raw);
    keep.add(name);
    written.push(file);
    for (const pdf of pdfFiles(name, mail.attachments)) {
      const before = await readFile(path.join(dir, pdf.name)).catch(() => undefined);
      if (!before?.equals(pdf.content)) await writeFile(path.join(dir, pdf.name), pdf.content);
      keep.add(pdf.name);
    }
  }
  if (opts.append) return written;
  for (const name of await readdir(dir)) {
    if (OUTBOX_FILE.test(name) && !keep.has(name)) await unlink(path.join(dir, name));
  }
  return written;
}
