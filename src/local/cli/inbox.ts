import { MailboxModel } from '../emulator';
import { MailFileError, readMailFiles, type MailFile } from '../emulator/mailfiles';
import { UsageError } from './usage-error';
import { inboxIsEmpty, requireInbox } from './validate';

/**
 * The inbox's mail, read by the emulator's one mail-file loader (its delivery-time rule is
 * the emulator's, so a CLI run and a test see the same inbox). A refusal of the loader
 * (not an mbox, an undated message) is a usage error here.
 */
export async function readInbox(inbox: string): Promise<MailFile[]> {
  try {
    return await readMailFiles(inbox);
  } catch (e) {
    if (e instanceof MailFileError) throw new UsageError(`--inbox ${e.message}`);
    throw e;
  }
}

/**
 * `--inbox` of `run sweep` and `run billing`: the mail delivered by `now`, read (and
 * refused when it cannot be) before the register is locked. Filed in delivery order, as
 * `run ingest` files it, the same mail gets the same Gmail ids, so the ledger's thread and
 * message ids find their threads and the run's notices answer in them.
 */
export async function inboxMail(inbox: string | undefined, now: number): Promise<MailFile[] | undefined> {
  if (inbox === undefined) return undefined;
  requireInbox(inbox);
  return inboxIsEmpty(inbox) ? [] : (await readInbox(inbox)).filter((m) => m.deliveredAt <= now);
}

/** A mailbox for the run's account holding `mail` (none: an empty one, the run has no Gmail threads). */
export async function mailboxWith(account: string, mail: readonly MailFile[] | undefined): Promise<MailboxModel> {
  const mailbox = new MailboxModel({ address: account });
  for (const m of mail ?? []) await mailbox.deliver(m.raw, { at: m.deliveredAt });
  return mailbox;
}
