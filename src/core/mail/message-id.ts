import { fnv1a } from './fingerprint';

/** Characters of a message's body kept in the ledger for people to recognise it by. */
export const EXCERPT_CHARS = 300;

export function excerptOf(body: string): string {
  return body.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS);
}

/** What a ledger row keeps of a message, enough to tell a second delivery from a different message. */
export interface MessageFace {
  /** The sender's address, lower-cased. */
  readonly from: string;
  /** null when the ledger has no such column (a person removed it): not compared then. */
  readonly subject: string | null;
  readonly excerpt: string | null;
}

/**
 * A Message-ID is the sender's promise of uniqueness, not ours: a broken mail program, a
 * forwarder or an attacker can reuse one. The same ID is the same message only when the
 * sender, subject and start of the body agree too (a second delivery); anything else is
 * a different message that must not be swallowed as a duplicate.
 */
export function sameMessage(a: MessageFace, b: MessageFace): boolean {
  const agree = (x: string | null, y: string | null) => x === null || y === null || x.trim() === y.trim();
  return a.from.toLowerCase() === b.from.toLowerCase() && agree(a.subject, b.subject) && agree(a.excerpt, b.excerpt);
}

/**
 * The ledger key of a message whose Message-ID an earlier, different message holds:
 * `<id>#<hash of sender, subject and body>`, stable across runs, so its own second
 * delivery is still one row.
 */
export function collisionKey(messageId: string, sender: string, subject: string, body: string): string {
  return `${messageId}#${fnv1a([sender.toLowerCase(), subject, body.slice(0, 2000)].join('\u0000'))}`;
}
