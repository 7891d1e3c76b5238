import { repliesPromisedToAll } from '../../core/mail/reply-limits';
import type { Settings } from '../../register/settings/spec';
import type { MessageLedger } from './message-ledger';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The ledger's words for a message that opened a ticket (`opened T-000012`, `opened T-000012, following up …`). */
const OPENED = /^opened T-\d+/;
/** The event of a message joined to its sender's ticket because of the cap (see `cappedEvent`). */
const CAPPED = /\(over the cap of \d+ new tickets per sender per hour\)/;
/** The event of a stranger's message that got no reply because of the daily cap (see `dailyCapEvent`). */
const DAILY_CAPPED = /no reply: \d+ replies to unregistered senders in 24 hours already/;

export const cappedEvent = (ticketId: string, cap: number) =>
  `added to ${ticketId} (over the cap of ${cap} new tickets per sender per hour)`;
export const dailyCapEvent = (event: string, cap: number) =>
  `${event} (no reply: ${cap} replies to unregistered senders in 24 hours already)`;

/**
 * The flood limits of one inbox run, counted from the Messages ledger plus this run's own
 * decisions: how many tickets a sender opened in the hour before a message arrived (by
 * Received at, so a backlog of genuine mail over days still opens one ticket per request,
 * while 200 mails in one hour do not), and how many polite replies strangers got in the last
 * 24 hours, all together. Each limit is announced once per window: the ledger remembers it.
 */
export class FloodGate {
  private opened: Map<string, number[]> | null = null;
  private capped: Map<string, number[]> | null = null;
  private replies: number | null = null;
  private dailyCapSeen: boolean | null = null;

  constructor(
    private readonly ledger: MessageLedger,
    private readonly settings: Settings,
  ) {}

  private index(): void {
    if (this.opened && this.capped) return;
    this.opened = new Map();
    this.capped = new Map();
    for (const e of this.ledger.all()) {
      if (OPENED.test(e.action.event)) push(this.opened, e.from, e.at);
      else if (CAPPED.test(e.action.event)) push(this.capped, e.from, e.at);
    }
  }

  /** Whether `sender` may have another ticket for a message received at `at`. */
  mayOpen(sender: string, at: number): boolean {
    this.index();
    return within(this.opened!.get(sender), at) < this.settings.ticketsPerSenderPerHour;
  }

  noteOpened(sender: string, at: number): void {
    this.index();
    push(this.opened!, sender, at);
  }

  /** Records a message joined because of the cap; true when it is the first of its hour (the Log hears once). */
  noteCapped(sender: string, at: number): boolean {
    this.index();
    const first = within(this.capped!.get(sender), at) === 0;
    push(this.capped!, sender, at);
    return first;
  }

  /** Whether strangers may get another polite reply now (the overall daily cap). */
  mayReplyToStranger(now: number): boolean {
    this.replies ??= repliesPromisedToAll(this.ledger.replied(), 'reply', now, DAY_MS);
    return this.replies < this.settings.unregisteredRepliesPerDay;
  }

  noteStrangerReply(): void {
    if (this.replies !== null) this.replies++;
  }

  /** Records that the daily cap kept a reply back; true the first time in 24 hours (the Log hears once). */
  noteDailyCap(now: number): boolean {
    if (this.dailyCapSeen === null) {
      this.dailyCapSeen = false;
      for (const e of this.ledger.all())
        if ((e.at >= now - DAY_MS || e.thisRun) && DAILY_CAPPED.test(e.action.event)) this.dailyCapSeen = true;
    }
    const first = !this.dailyCapSeen;
    this.dailyCapSeen = true;
    return first;
  }
}

function push(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

/** How many of `times` fall in the hour up to `at`. */
function within(times: readonly number[] | undefined, at: number): number {
  let n = 0;
  for (const t of times ?? []) if (t > at - HOUR_MS && t <= at) n++;
  return n;
}
