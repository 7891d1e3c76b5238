import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MailboxModel } from './model';

/** The Date header of a raw message, read without a full parse (for ordering only). */
function headerDate(raw: Buffer): number {
  const head = raw.toString('latin1', 0, Math.min(raw.length, 64 * 1024)).split(/\r?\n\r?\n/, 1)[0] ?? '';
  const m = /^date:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(head);
  const t = m?.[1] ? Date.parse(m[1].replace(/\r?\n[ \t]+/g, ' ').replace(/\s*\([^)]*\)\s*$/, '')) : NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

interface Pending {
  raw: Buffer;
  key: string;
  fallbackDate?: number;
}

/** Delivers oldest first so a reply finds the message it answers already filed. */
async function deliverAll(items: Pending[], mailbox: MailboxModel): Promise<number> {
  const dated = items.map((it) => ({ ...it, date: headerDate(it.raw) }));
  dated.sort((a, b) => a.date - b.date || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const it of dated) {
    const at = Number.isFinite(it.date) ? undefined : it.fallbackDate;
    await mailbox.deliver(it.raw, at === undefined ? {} : { at });
  }
  return dated.length;
}

/** Delivers every *.eml in `dir`, ordered by Date header, then file name. */
export async function loadMailFolder(dir: string, mailbox: MailboxModel): Promise<number> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.eml')).sort();
  const items: Pending[] = [];
  for (const name of names) items.push({ raw: await readFile(path.join(dir, name)), key: name });
  return deliverAll(items, mailbox);
}

const FROM_LINE = /^From \S+ +(.*)$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** asctime as mbox writers put it: `Thu Sep  3 18:32:56 2026`, maybe with a zone before or after the year. */
const ASCTIME = /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([+-]\d{4}|UTC|GMT)\s+)?(\d{4})(?:\s+([+-]\d{4}|UTC|GMT))?\b/;

/**
 * The delivery time on an mbox `From ` line (what follows the sender), or NaN. The usual
 * asctime carries no zone; it is read as UTC (what Gmail's export and most tools write),
 * never in the zone of the machine reading the file, so the same mbox gives the same
 * inbox everywhere.
 */
export function mboxLineTime(rest: string): number {
  const m = ASCTIME.exec(rest.trim());
  if (!m) return NaN;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  if (month < 0) return NaN;
  const zone = m[6] ?? m[8] ?? 'UTC';
  const offset = /^[+-]/.test(zone) ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) : 0;
  const [day, hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0)];
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return NaN;
  return Date.UTC(Number(m[7]), month, day, hour, minute, second) - offset * 60_000;
}

/**
 * Delivers every message of an mbox file. Messages start at `From ` lines (at the top
 * or after a blank line); `>From ` quoting is undone the mboxrd way (one '>' removed
 * from any run of '>' before 'From '), which also reads mboxo files correctly except for
 * bodies that really began with '>From '.
 */
export async function loadMbox(file: string, mailbox: MailboxModel): Promise<number> {
  const text = (await readFile(file)).toString('latin1');
  const lines = text.split(/\n/);
  const items: Pending[] = [];
  let cur: string[] | undefined;
  let fallback: number | undefined;
  const flush = (): void => {
    if (!cur) return;
    while (cur.length && (cur[cur.length - 1] ?? '').replace(/\r$/, '') === '') cur.pop();
    const body = cur.map((l) => l.replace(/^>(>*From )/, '$1')).join('\n');
    items.push({ raw: Buffer.from(`${body}\n`, 'latin1'), key: String(items.length).padStart(8, '0'), ...(fallback !== undefined ? { fallbackDate: fallback } : {}) });
  };
  let prevBlank = true;
  for (const line of lines) {
    const bare = line.replace(/\r$/, '');
    const m = prevBlank ? FROM_LINE.exec(bare) : null;
    if (m) {
      flush();
      cur = [];
      const t = mboxLineTime(m[1] ?? '');
      fallback = Number.isNaN(t) ? undefined : t;
    } else if (cur) {
      cur.push(line);
    }
    prevBlank = bare === '';
  }
  flush();
  return deliverAll(items, mailbox);
}

/** asctime in UTC, as mbox writers put it on the `From ` line (what `mboxLineTime` reads). */
function asctime(ms: number): string {
  const [w, day, mon, y, hms] = new Date(ms).toUTCString().replace(',', '').split(' ') as [string, string, string, string, string];
  return `${w} ${mon} ${day.replace(/^0/, ' ')} ${hms} ${y}`;
}

/**
 * Mail as an mboxrd file, the inverse of `loadMbox`: a `From ` line with each message's
 * delivery time, `>From ` quoting of body lines, LF line ends.
 */
export function formatMbox(mail: readonly { readonly at: number; readonly raw: string }[]): string {
  return mail
    .map((m) => {
      const body = m.raw.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
      return `From MAILER-DAEMON ${asctime(m.at)}\n${body}${body.endsWith('\n') ? '' : '\n'}\n`;
    })
    .join('');
}

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

const OUTBOX_FILE = /^\d{4,}-(sent|draft)-[a-z0-9-]*\.eml$/;

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
  }
  if (opts.append) return written;
  for (const name of await readdir(dir)) {
    if (OUTBOX_FILE.test(name) && !keep.has(name)) await unlink(path.join(dir, name));
  }
  return written;
}
