import { signatureError, now, type GmailEnv } from './env';
import { searchThreads } from './search';
import { GmailThread } from './thread';

const MAX_PAGE = 500;

/** GmailLabel: a user label. */
export class GmailLabel {
  readonly [Symbol.toStringTag] = 'GmailApp.GmailLabel';
  constructor(
    private readonly env: GmailEnv,
    readonly labelId: string,
  ) {}

  private call(method: string, cheap = false): string {
    this.env.ctx.meter.call(`GmailApp.GmailLabel.${method}`, cheap ? { cheap } : {});
    return this.env.mailbox.labelName(this.labelId) ?? this.env.ctx.fail('Label not found.');
  }

  getName(): string {
    return this.call('getName', true);
  }
  getId(): string {
    this.call('getId', true);
    return this.labelId;
  }
  getThreads(start?: unknown, max?: unknown): GmailThread[] {
    this.call('getThreads');
    const paged = start !== undefined || max !== undefined;
    if (paged && (typeof start !== 'number' || typeof max !== 'number'))
      return signatureError(this.env, 'GmailLabel.getThreads', [start, max]);
    if (paged && (max as number) > MAX_PAGE) this.env.ctx.fail(`Argument max cannot exceed ${MAX_PAGE}.`);
    const threads = this.matching();
    const from = paged ? (start as number) : 0;
    const page = threads.slice(from, from + (paged ? (max as number) : MAX_PAGE));
    return this.env.ctx.realm.toRealm(page.map((t) => new GmailThread(this.env, t.id)));
  }
  getUnreadCount(): number {
    this.call('getUnreadCount');
    return this.matching().filter((t) =>
      this.env.mailbox.visibleMessages(t.id, now(this.env)).some((m) => m.labels.has('UNREAD') && m.labels.has(this.labelId)),
    ).length;
  }
  addToThread(thread: unknown): GmailLabel {
    this.call('addToThread');
    if (!(thread instanceof GmailThread)) return signatureError(this.env, 'GmailLabel.addToThread', [thread]);
    for (const m of thread.msgs()) m.labels.add(this.labelId);
    return this;
  }
  addToThreads(threads: unknown): GmailLabel {
    this.call('addToThreads');
    for (const t of this.threadList('addToThreads', threads)) for (const m of t.msgs()) m.labels.add(this.labelId);
    return this;
  }
  removeFromThread(thread: unknown): GmailLabel {
    this.call('removeFromThread');
    if (!(thread instanceof GmailThread)) return signatureError(this.env, 'GmailLabel.removeFromThread', [thread]);
    for (const m of thread.msgs()) m.labels.delete(this.labelId);
    return this;
  }
  removeFromThreads(threads: unknown): GmailLabel {
    this.call('removeFromThreads');
    for (const t of this.threadList('removeFromThreads', threads)) for (const m of t.msgs()) m.labels.delete(this.labelId);
    return this;
  }
  deleteLabel(): void {
    this.call('deleteLabel');
    this.env.mailbox.deleteUserLabel(this.labelId);
  }

  private matching() {
    const name = this.env.mailbox.labelName(this.labelId) ?? '';
    return searchThreads(this.env.mailbox, `label:"${name}"`, now(this.env));
  }

  private threadList(method: string, threads: unknown): GmailThread[] {
    if (!Array.isArray(threads) || !threads.every((t) => t instanceof GmailThread)) {
      return signatureError(this.env, `GmailLabel.${method}`, [threads]);
    }
    // Gmail's batch label calls take at most 100 threads.
    if (threads.length > 100) this.env.ctx.fail('Argument too large: threads');
    return threads as GmailThread[];
  }
}
