import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/**
 * One run's files, committed together or not at all. Everything is first written to
 * temporary files in the folder it belongs in (so a rename is atomic) and fsynced; then a
 * journal naming every rename is written (itself by temp + rename); then the renames run,
 * outbox mail first and the run state and workbook last, so a ledger that says "sent" is
 * never on disk before the mail it names. A run killed before the journal leaves the old
 * state (its temp files are swept up by the next run); killed after it, the next run
 * finishes the renames before reading anything (`recoverCommit`).
 */
export interface StagedFile {
  /** Where the file ends up. */
  readonly target: string;
  readonly data: Buffer | string;
}

interface Journal {
  readonly renames: ReadonlyArray<readonly [from: string, to: string]>;
  /** The workbook whose previous version is kept as `<file>.bak` before it is replaced. */
  readonly backup?: string;
}

const journalFile = (workbook: string) => `${workbook}.commit.json`;
const tempName = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);

function writeDurable(file: string, data: Buffer | string): void {
  const fd = openSync(file, 'w');
  try {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A rename is durable only once its folder's entry is on disk. */
function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse to fsync a folder; the rename is still atomic there.
  }
}

function applyJournal(journal: Journal): void {
  const wb = journal.backup;
  // The .bak is the workbook as it was before this commit: made (as a hard link, so the
  // rename below cannot touch it) only while the new workbook is still staged.
  if (wb && existsSync(wb) && journal.renames.some(([from, to]) => to === wb && existsSync(from))) {
    rmSync(`${wb}.bak`, { force: true });
    linkSync(wb, `${wb}.bak`);
  }
  const dirs = new Set<string>();
  for (const [from, to] of journal.renames) {
    // Already renamed by an earlier, interrupted attempt: nothing left to do for this one.
    if (!existsSync(from)) continue;
    renameSync(from, to);
    dirs.add(path.dirname(to));
  }
  for (const d of dirs) fsyncDir(d);
}

/** Writes `files` and renames them into place as one commit; `workbook` names the journal and gets a `.bak`. */
export function commitFiles(workbook: string, files: readonly StagedFile[], opts: { backup?: boolean } = {}): void {
  const renames: Array<[string, string]> = [];
  try {
    for (const f of files) {
      const tmp = tempName(f.target);
      writeDurable(tmp, f.data);
      renames.push([tmp, f.target]);
    }
    for (const d of new Set(files.map((f) => path.dirname(f.target)))) fsyncDir(d);
  } catch (e) {
    for (const [tmp] of renames) rmSync(tmp, { force: true });
    throw e;
  }
  const journal: Journal = { renames, ...(opts.backup !== false && existsSync(workbook) ? { backup: workbook } : {}) };
  const jtmp = tempName(journalFile(workbook));
  writeDurable(jtmp, JSON.stringify(journal));
  renameSync(jtmp, journalFile(workbook));
  fsyncDir(path.dirname(workbook));
  // From here on the commit happens: if this process dies, the next run finishes it.
  applyJournal(journal);
  unlinkSync(journalFile(workbook));
  fsyncDir(path.dirname(workbook));
}

/**
 * Before a run reads the workbook: finishes a commit a killed run journaled, and removes
 * the temp files of one killed before its journal (their commit never happened). Call it
 * holding the workbook's lock, so no live run's temp files are swept.
 */
export function recoverCommit(workbook: string, extraDirs: readonly string[] = []): 'finished' | 'clean' {
  let result: 'finished' | 'clean' = 'clean';
  const jf = journalFile(workbook);
  if (existsSync(jf)) {
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(readFileSync(jf, 'utf8')) as Journal;
    } catch {
      // A journal is renamed into place whole; one that does not parse was never committed.
    }
    if (journal) {
      applyJournal(journal);
      result = 'finished';
    }
    unlinkSync(jf);
  }
  const dirs = new Set([path.dirname(workbook), ...extraDirs]);
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const name of readdirSync(d)) if (/^\..+\.tmp-\d+$/.test(name)) rmSync(path.join(d, name), { force: true, recursive: true });
  }
  return result;
}
