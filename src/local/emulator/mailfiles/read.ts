import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { deliveryTime } from './delivery-time';
import { NotAnMbox, splitMbox } from './mbox';

/** One message read from a mail file, dated by `deliveryTime`. */
export interface MailFile {
  readonly raw: Buffer;
  readonly deliveredAt: number;
  /** Where it came from, for messages: `name.eml` or `inbox.mbox, message 3 (line 40)`. */
  readonly source: string;
}

/** A mail file the loader refuses: not an mbox, or a message with no date to deliver it at. */
export class MailFileError extends Error {}

/**
 * Every message of an mbox file or of a folder of *.eml files, oldest delivery first (ties
 * keep file-name or mbox order), so a reply finds the message it answers already filed.
 * A message with no delivery time is refused, not skipped nor dated "now": a CLI run moves
 * its checkpoint past the run time, and a message dated later would then never be read.
 */
export async function readMailFiles(inbox: string): Promise<MailFile[]> {
  const items: { file: MailFile; order: number }[] = [];
  if ((await stat(inbox)).isDirectory()) {
    const names = (await readdir(inbox)).filter((n) => n.toLowerCase().endsWith('.eml')).sort();
    for (const name of names) {
      const raw = await readFile(path.join(inbox, name));
      items.push({ file: { raw, deliveredAt: deliveryTime(raw), source: name }, order: items.length });
    }
  } else {
    let messages;
    try {
      messages = splitMbox(await readFile(inbox));
    } catch (e) {
      if (e instanceof NotAnMbox) throw new MailFileError(`${inbox} is not an mbox file (${e.message}) nor a folder of .eml files`);
      throw e;
    }
    for (const [i, m] of messages.entries()) {
      const source = `${path.basename(inbox)}, message ${i + 1} (line ${m.line})`;
      items.push({ file: { raw: m.raw, deliveredAt: deliveryTime(m.raw, m.separatorTime), source }, order: i });
    }
  }
  const undated = items.find((it) => !Number.isFinite(it.file.deliveredAt));
  if (undated) {
    const what = undated.file.source.endsWith('.eml') ? 'no' : 'no date on its "From " line and no';
    throw new MailFileError(`${undated.file.source} has ${what} Received or Date header that tells when it was delivered`);
  }
  items.sort((a, b) => a.file.deliveredAt - b.file.deliveredAt || a.order - b.order);
  return items.map((it) => it.file);
}

/** What the loader needs of a mailbox (MailboxModel has it). */
export interface DeliveryTarget {
  deliver(raw: Buffer, opts: { at: number }): Promise<unknown>;
}

/**
 * Delivers the mail of an mbox file or .eml folder into a mailbox at each message's
 * delivery time (MIME is parsed by the mailbox, with mailparser); with `until`, only the
 * mail delivered by then. Returns what was delivered.
 */
export async function loadMailFiles(inbox: string, mailbox: DeliveryTarget, opts: { until?: number } = {}): Promise<MailFile[]> {
  const until = opts.until ?? Number.POSITIVE_INFINITY;
  const files = (await readMailFiles(inbox)).filter((f) => f.deliveredAt <= until);
  for (const f of files) await mailbox.deliver(f.raw, { at: f.deliveredAt });
  return files;
}
