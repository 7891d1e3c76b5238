/**
 * The Action cell of a Messages row: what the automation did with one inbound message, and
 * what became of the reply it owed the sender. People read it; the rules (how many
 * acknowledgements a sender has had this hour, whether an unregistered sender was answered
 * today) read the parsed value, never the wording:
 *
 *   opened T-000012; acknowledgement sent
 *   added to T-000012 (thread)
 *   unregistered sender: no ticket; reply held as draft
 *   opened T-000013; not acknowledged: 3 per hour already
 *   held: Clients row of CANYON has a problem (Hourly rate: …)
 *
 * `<event>[; <reply>]`: the event is free text for people; the reply part has a grammar.
 * Rows written by earlier versions use the same words, so they read the same.
 *
 * A *held* event (`held: <reason>`) means the register kept the message from being handled
 * (its client's row is unusable, …): nothing was decided, every later run retries it, and
 * the row is rewritten with what was done once the register is fixed. Earlier versions
 * never wrote `held: `, so their rows never read as held.
 */
export const REPLY_KINDS = ['acknowledgement', 'reply'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/**
 * queued: decided, waiting in the outbox; sent; draft: held as a Gmail draft (quota);
 * failed: the send threw; withdrawn: staff answered before it went out; limited: the
 * sender had their share this hour; skipped: already answered today.
 */
export const REPLY_OUTCOMES = ['queued', 'sent', 'draft', 'failed', 'withdrawn', 'limited', 'skipped'] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

export interface ReplyRecord {
  readonly kind: ReplyKind;
  readonly outcome: ReplyOutcome;
  /** The limit that applied, for `limited` ("3 per hour already"). */
  readonly limit?: number;
}

export interface MessageAction {
  readonly event: string;
  readonly reply: ReplyRecord | null;
}

const WORDS: Record<ReplyKind, Record<Exclude<ReplyOutcome, 'limited'>, string>> = {
  acknowledgement: {
    queued: 'acknowledgement queued',
    sent: 'acknowledgement sent',
    draft: 'acknowledgement held as draft',
    failed: 'acknowledgement failed',
    withdrawn: 'not acknowledged: staff replied first',
    skipped: 'not acknowledged: already answered today',
  },
  reply: {
    queued: 'reply queued',
    sent: 'replied',
    draft: 'reply held as draft',
    failed: 'reply failed',
    withdrawn: 'no reply: staff replied first',
    skipped: 'no reply: already answered today',
  },
};

const LIMITED = /^not acknowledged: (\d+) per hour already$/;

function formatReply(r: ReplyRecord): string {
  if (r.outcome === 'limited')
    return r.kind === 'acknowledgement'
      ? `not acknowledged: ${r.limit ?? 0} per hour already`
      : `no reply: ${r.limit ?? 0} per hour already`;
  return WORDS[r.kind][r.outcome];
}

function parseReply(text: string): ReplyRecord | null {
  const t = text.trim();
  const limited = LIMITED.exec(t);
  if (limited) return { kind: 'acknowledgement', outcome: 'limited', limit: Number(limited[1]) };
  for (const kind of REPLY_KINDS) {
    for (const [outcome, words] of Object.entries(WORDS[kind])) if (words === t) return { kind, outcome: outcome as ReplyOutcome };
  }
  return null;
}

export function formatAction(a: MessageAction): string {
  return a.reply ? `${a.event}; ${formatReply(a.reply)}` : a.event;
}

/** Reads an Action cell; text that is not ours (a person's note) is all event, with no reply. */
export function parseAction(text: string): MessageAction {
  const cut = text.lastIndexOf(';');
  if (cut >= 0) {
    const reply = parseReply(text.slice(cut + 1));
    if (reply) return { event: text.slice(0, cut).trim(), reply };
  }
  const alone = parseReply(text);
  return alone ? { event: '', reply: alone } : { event: text.trim(), reply: null };
}

/** The same action with what became of its reply. */
export function withOutcome(a: MessageAction, outcome: ReplyOutcome): MessageAction {
  return a.reply ? { ...a, reply: { kind: a.reply.kind, outcome } } : a;
}

const HELD = 'held: ';

/** The action of a message the register kept from being handled; `reason` says what to fix. */
export function heldAction(reason: string): MessageAction {
  return { event: `${HELD}${reason}`, reply: null };
}

/** Whether the action says the message is held (not handled yet, retried every run). */
export const isHeld = (a: MessageAction): boolean => a.event.startsWith(HELD);

/** Why a held message is held ('' if it is not). */
export const heldReason = (a: MessageAction): string => (isHeld(a) ? a.event.slice(HELD.length) : '');
