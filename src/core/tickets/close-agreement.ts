import { clauses, firstSaid, words } from '../mail/says';

/**
 * What a client's reply to a Resolved ticket says about the fix (essensys: "seek to obtain the
 * agreement of an Authorized Representative of Customer that a problem record can be closed"):
 * it agrees the ticket can be closed, it reports the problem persists, or neither. Only the
 * sender's own words are read (the caller cuts quoted history), negation-aware ("it is not
 * working now" does not agree). Persists wins over agrees: reopening loses nothing.
 */
export type ResolvedReply = { readonly says: 'agrees' | 'persists'; readonly phrase: string } | { readonly says: 'other' };

export interface ClosePhrases {
  readonly agree: readonly string[];
  readonly persists: readonly string[];
}

export function readResolvedReply(ownText: string, phrases: ClosePhrases): ResolvedReply {
  const said = clauses(ownText);
  const persists = firstSaid(
    said,
    phrases.persists.map((p) => words(p).trim()),
  );
  if (persists) return { says: 'persists', phrase: persists };
  const agrees = firstSaid(
    said,
    phrases.agree.map((p) => words(p).trim()),
  );
  return agrees ? { says: 'agrees', phrase: agrees } : { says: 'other' };
}

/** English, French and German: the languages the seeded clients write. */
export const DEFAULT_AGREE_PHRASES =
  'you can close, can be closed, please close, close the ticket, close this ticket, ok to close, okay to close, fine to close, ' +
  'fixed now, it works now, works now, working now, is resolved, problem solved, issue solved, all good now, confirm the fix, ' +
  'vous pouvez fermer, vous pouvez clôturer, peut être fermé, peut être clôturé, c’est réglé, ça fonctionne, ça marche, problème résolu, ' +
  'kann geschlossen werden, können geschlossen werden, ticket schließen, funktioniert jetzt, funktioniert wieder, ist behoben, problem gelöst';

export const DEFAULT_PERSISTS_PHRASES =
  'still, again, persists, not fixed, not resolved, not working, doesnt work, does not work, same problem, same issue, ' +
  'toujours, encore, pas résolu, ne fonctionne pas, ne marche pas, immer noch, weiterhin, nicht behoben, funktioniert nicht';
