/** One term of a Gmail search query: `[-]operator:value`, `[-]word` or `[-]"a phrase"`. */
export interface QueryToken {
  negated: boolean;
  operator: string | undefined;
  value: string;
}

export class QuerySyntaxError extends Error {}

/**
 * Splits a query into terms. Gmail's OR, {…} and (…) groups are not modeled: they are
 * rejected rather than read as plain words, so a query the emulator can't evaluate fails
 * loudly instead of matching the wrong mail.
 */
export function tokenize(query: string): QueryToken[] {
  const out: QueryToken[] = [];
  let i = 0;
  const n = query.length;
  const readQuoted = (): string => {
    const end = query.indexOf('"', i + 1);
    if (end < 0) throw new QuerySyntaxError(`unclosed quote in search query: ${query}`);
    const v = query.slice(i + 1, end);
    i = end + 1;
    return v;
  };
  const readBare = (): string => {
    const start = i;
    while (i < n && !/\s/.test(query[i] ?? '')) {
      const ch = query[i];
      if (ch === '(' || ch === ')' || ch === '{' || ch === '}') {
        throw new QuerySyntaxError(`grouping with ( ) or { } is not supported by the emulator's Gmail search: ${query}`);
      }
      i++;
    }
    return query.slice(start, i);
  };
  while (i < n) {
    const ch = query[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === '{' || ch === '}') {
      throw new QuerySyntaxError(`grouping with ( ) or { } is not supported by the emulator's Gmail search: ${query}`);
    }
    let negated = false;
    if (ch === '-' && i + 1 < n && !/\s/.test(query[i + 1] ?? '')) {
      negated = true;
      i++;
    }
    if (query[i] === '"') {
      out.push({ negated, operator: undefined, value: readQuoted() });
      continue;
    }
    const opMatch = /^([A-Za-z_][A-Za-z0-9_]*):/.exec(query.slice(i));
    if (opMatch?.[1]) {
      i += opMatch[0].length;
      const value = query[i] === '"' ? readQuoted() : readBare();
      out.push({ negated, operator: opMatch[1].toLowerCase(), value });
      continue;
    }
    const word = readBare();
    if (!negated && (word === 'OR' || word === '|')) {
      throw new QuerySyntaxError(`OR is not supported by the emulator's Gmail search: ${query}`);
    }
    if (!negated && word === 'AND') continue;
    out.push({ negated, operator: undefined, value: word });
  }
  return out;
}
