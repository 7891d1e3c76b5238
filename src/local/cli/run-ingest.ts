import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MailboxModel } from '../emulator';
import { mboxLineTime } from '../emulator/gmail';
import { DEFAULT_WAIT_SECONDS } from './lock';
import { beginRun, closeRun, openRun, parseInstant, requireWorkbook } from './run-context';
import { UsageError } from './usage-error';

export interface RunIngestOptions {
  readonly workbook: string;
  /** An mbox file or a folder of .eml files. */
  readonly inbox: string;
  /** ISO instant the run happens at: only mail delivered by then is in the inbox. */
  readonly at: string;
  readonly outbox: string;
  /** Seconds to wait for another run on the workbook (`--wait`). */
  readonly wait?: number;
}

interface Item {
  readonly raw: Buffer;
  readonly deliveredAt: number;
  readonly key: string;
}

function headBlock(raw: Buffer): string {
  return raw.toString('latin1', 0, Math.min(raw.length, 64 * 1024)).split(/\r?\n\r?\n/, 1)[0] ?? '';
}

function dateOf(text: string | undefined): number {
  if (!text) return NaN;
  return Date.parse(text.replace(/\r?\n[ \t]+/g, ' ').replace(/\([^)]*\)/g, ' ').trim());
}

/** When an .eml reached the mailbox: its first (topmost) Received header's date, else its Date header. */
export function emlDeliveredAt(raw: Buffer): number {
  const head = headBlock(raw);
  const received = /^received:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(head);
  const t = received ? dateOf(received[1]!.split(';').pop()) : NaN;
  if (Number.isFinite(t)) return t;
  return dateOf(/^date:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(head)?.[1]);
}

async function readInbox(inbox: string): Promise<Item[]> {
  if (statSync(inbox).isDirectory()) {
    const names = (await readdir(inbox)).filter((n) => n.toLowerCase().endsWith('.eml')).sort();
    // An empty inbox would still move the run's checkpoint to --at, and mail added later
    // with older dates would then never be read: a wrong folder is refused, not "no mail".
    if (names.length === 0) throw new UsageError(`--inbox ${inbox} holds no .eml files`);
    const items: Item[] = [];
    for (const name of names) {
      const raw = await readFile(path.join(inbox, name));
      const at = emlDeliveredAt(raw);
      if (!Number.isFinite(at)) throw new UsageError(`${name}: no Received or Date header tells when it was delivered`);
      items.push({ raw, deliveredAt: at, key: name });
    }
    return items;
  }
  // mbox: messages start at "From " lines after a blank line; the line's date is the delivery time.
  const lines = (await readFile(inbox)).toString('latin1').split('\n');
  const first = lines.find((l) => l.replace(/\r$/, '').trim() !== '');
  if (first === undefined) throw new UsageError(`--inbox ${inbox} is empty`);
  if (!/^From \S+ /.test(first)) throw new UsageError(`--inbox ${inbox} is not an mbox file (it must begin with a "From " line) nor a folder of .eml files`);
  const items: Item[] = [];
  let cur: string[] | null = null;
  let at = NaN;
  let fromLine = 0;
  let prevBlank = true;
  const flush = () => {
    if (!cur) return;
    while (cur.length && cur[cur.length - 1]!.replace(/\r$/, '') === '') cur.pop();
    const raw = Buffer.from(cur.map((l) => l.replace(/^>(>*From )/, '$1')).join('\n') + '\n', 'latin1');
    const when = Number.isFinite(at) ? at : emlDeliveredAt(raw);
    // Refused rather than skipped: once a run has moved the checkpoint past it, a message
    // given a date later would never be read.
    if (!Number.isFinite(when)) throw new UsageError(`${inbox}: message ${items.length + 1} (line ${fromLine}) has no date on its "From " line and no Received or Date header`);
    items.push({ raw, deliveredAt: when, key: String(items.length).padStart(8, '0') });
  };
  for (const [i, line] of lines.entries()) {
    const bare = line.replace(/\r$/, '');
    const m = prevBlank ? /^From \S+ +(.*)$/.exec(bare) : null;
    if (m) {
      flush();
      cur = [];
      at = mboxLineTime(m[1]!);
      fromLine = i + 1;
    } else if (cur) cur.push(line);
    prevBlank = bare === '';
  }
  flush();
  return items;
}

/**
 * `run ingest`: the real `ingestInbox` trigger of build/Code.js, run in the emulator on an
 * exported register and an inbox holding the mail delivered by `--at`. The workbook is
 * saved in place; every mail sent or drafted goes to the outbox folder as .eml. The run's
 * document properties (checkpoint, unsent replies) are kept next to the workbook in
 * `<workbook>.properties.json`, as Apps Script keeps them with the document.
 */
export async function runIngestCommand(opts: RunIngestOptions, out: NodeJS.WritableStream): Promise<number> {
  requireWorkbook(opts.workbook);
  if (!existsSync(opts.inbox)) throw new UsageError(`--inbox ${opts.inbox} does not exist (an mbox file or a folder of .eml files)`);
  const now = parseInstant(opts.at, '--at');
  const { loaded, release } = await beginRun({ workbookFile: opts.workbook, outbox: opts.outbox, wait: opts.wait ?? DEFAULT_WAIT_SECONDS });
  try {
    const mailbox = new MailboxModel({ address: loaded.account });
    const items = (await readInbox(opts.inbox)).filter((i) => i.deliveredAt <= now).sort((a, b) => a.deliveredAt - b.deliveredAt || (a.key < b.key ? -1 : 1));
    for (const it of items) await mailbox.deliver(it.raw, { at: it.deliveredAt });

    const ctx = await openRun({ workbookFile: opts.workbook, now, mailbox: () => mailbox }, loaded);
    const em = ctx.em;
    const run = em.run<string>('ingestInbox');
    if (run.error) {
      out.write(`ingest failed: ${run.error.message}\n`);
      return 1;
    }
    // Each run's mailbox is fresh: its mail is added after what earlier runs wrote to the outbox.
    const files = await closeRun(ctx, opts.outbox);
    out.write(`${run.value}\n${items.length} mail(s) delivered by ${new Date(now).toISOString()}; saved ${opts.workbook}; ${files.length} mail(s) in ${opts.outbox}.\n`);
    return 0;
  } finally {
    await release();
  }
}
