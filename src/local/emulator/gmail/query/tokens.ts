/** One term of a Gmail search query: `[-]operator:value`, `[-]word` or `[-]"a phrase"`. */
export interface QueryToken {
  negated: boolean;
  operator: string | undefined;
  value: string;
}

export class QuerySyntaxError extends Error {}

/**
 * A lexeme of a query: a term, a group bracket (`(…)` all of, `{…}` any of, either possibly
 * negated by a `-` before it), or the `OR` / `|` / `AND` words. Gmail's operators are
 * documented at support.google.com/mail/answer/7190 ("Search operators you can use with
 * Gmail"): OR or { } for either, ( ) to group, - to exclude.
 */
export type Lexeme =
  | { readonly kind: 'term'; readonly term: QueryToken }
  | { readonly kind: 'open'; readonly bracket: '(' | '{'; readonly negated: boolean }
  | { readonly kind: 'close'; readonly bracket: ')' | '}' }
  | { readonly kind: 'or' }
  | { readonly kind: 'and' };

const BRACKETS = new Set(['(', ')', '{', '}']);

export function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const n = query.length;
  const readQuoted = (): string => {
    const end = query.indexOf('"', i + 1);
    // Gmail reads an unclosed quote to the end of the query.
    const v = query.slice(i + 1, end < 0 ? n : end);
    i = end < 0 ? n : end + 1;
    return v;
  };
  const readBare = (): string => {
    const start = i;
    while (i < n && !/\s/.test(query[i] ?? '') && !BRACKETS.has(query[i] ?? '')) i++;
    return query.slice(start, i);
  };
  while (i < n) {
    const ch = query[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === ')' || ch === '}') {
      out.push({ kind: 'close', bracket: ch });
      i++;
      continue;
    }
    let negated = false;
    if (ch === '-' && i + 1 < n && !/\s/.test(query[i + 1] ?? '')) {
      negated = true;
      i++;
    }
    const c = query[i] ?? '';
    if (c === '(' || c === '{') {
      out.push({ kind: 'open', bracket: c, negated });
      i++;
      continue;
    }
    if (c === '"') {
      out.push({ kind: 'term', term: { negated, operator: undefined, value: readQuoted() } });
      continue;
    }
    const opMatch = /^([A-Za-z_][A-Za-z0-9_]*):/.exec(query.slice(i));
    if (opMatch?.[1]) {
      i += opMatch[0].length;
      const at = query[i] ?? '';
      if (at === '(' || at === '{') {
        // `from:(a b)`: the operator applies to each term of the group, as Gmail reads it.
        out.push({ kind: 'open', bracket: at, negated });
        i++;
        const inner: Lexeme[] = [];
        while (i < n && query[i] !== (at === '(' ? ')' : '}')) {
          if (/\s/.test(query[i] ?? '')) {
            i++;
            continue;
          }
          const value = query[i] === '"' ? readQuoted() : readBare();
          if (value === 'OR' || value === '|') inner.push({ kind: 'or' });
          else if (value !== '') inner.push({ kind: 'term', term: { negated: false, operator: opMatch[1].toLowerCase(), value } });
          else i++;
        }
        out.push(...inner);
        if (i < n) {
          out.push({ kind: 'close', bracket: at === '(' ? ')' : '}' });
          i++;
        }
        continue;
      }
      const value = at === '"' ? readQuoted() : readBare();
      out.push({ kind: 'term', term: { negated, operator: opMatch[1].toLowerCase(), value } });
      continue;
    }
    const word = readBare();
    if (word === '') {
      i++;
      continue;
    }
    if (!negated && (word === 'OR' || word === '|')) out.push({ kind: 'or' });
    else if (!negated && word === 'AND') out.push({ kind: 'and' });
    else out.push({ kind: 'term', term: { negated, operator: undefined, value: word } });
  }
  return out;
}
