import { DateTime } from 'luxon';
import { addressesOf } from '../addresses';
import type { MessageRecord } from '../record';
import { containsWords, wordsOf } from './text';
import { lex, QuerySyntaxError, type Lexeme, type QueryToken } from './tokens';

/** What a query needs to know about the mailbox it runs in. */
export interface QueryEnv {
  readonly now: number;
  userLabels(): Array<{ id: string; name: string }>;
  isOwnAddress(address: string): boolean;
}

export interface CompiledQuery {
  /** True when the message satisfies every term. */
  matches(m: MessageRecord): boolean;
  /** Gmail leaves spam and trash out unless the query asks for them. */
  readonly includeSpamTrash: boolean;
}

type Predicate = (m: MessageRecord) => boolean;

/** Gmail reads label names in queries with '-' for spaces and '/', in any case. */
function labelKey(name: string): string {
  return name.toLowerCase().replace(/[\s/_-]+/g, '-');
}

const SYSTEM_IN: Readonly<Record<string, string>> = {
  inbox: 'INBOX',
  sent: 'SENT',
  spam: 'SPAM',
  trash: 'TRASH',
  draft: 'DRAFT',
  drafts: 'DRAFT',
  starred: 'STARRED',
  important: 'IMPORTANT',
  unread: 'UNREAD',
};

const PACIFIC = 'America/Los_Angeles';

/**
 * after:/before: take a date or epoch seconds. Gmail documents that a date means
 * midnight Pacific time (pass seconds for another zone); after: includes that instant,
 * before: excludes it.
 */
function parseInstant(op: string, value: string): number {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  let y: number | undefined, mo: number | undefined, d: number | undefined;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value))) [y, mo, d] = [Number(m[3]), Number(m[1]), Number(m[2])];
  if (y === undefined || mo === undefined || d === undefined) throw new QuerySyntaxError(`invalid date in search query: ${op}:${value}`);
  const dt = DateTime.fromObject({ year: y, month: mo, day: d }, { zone: PACIFIC });
  if (!dt.isValid) throw new QuerySyntaxError(`invalid date in search query: ${op}:${value}`);
  return dt.toMillis();
}

/** newer_than:/older_than: take Nd, Nm (months) or Ny, as Gmail does; hours are not accepted. */
function parseAge(op: string, value: string, now: number): number {
  const m = /^(\d+)([dmy])$/i.exec(value);
  if (!m) throw new QuerySyntaxError(`invalid period in search query: ${op}:${value} (use Nd, Nm or Ny)`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'd').toLowerCase();
  const dt = DateTime.fromMillis(now, { zone: PACIFIC });
  return (unit === 'd' ? dt.minus({ days: n }) : unit === 'm' ? dt.minus({ months: n }) : dt.minus({ years: n })).toMillis();
}

const textCache = new WeakMap<MessageRecord, string[]>();
function fullTextWords(m: MessageRecord): string[] {
  let w = textCache.get(m);
  if (!w) {
    w = wordsOf([m.subject, m.from, m.to, m.cc, m.text, ...m.attachments.map((a) => a.name)].join('\n'));
    textCache.set(m, w);
  }
  return w;
}

function addressField(env: QueryEnv, value: string, fields: (m: MessageRecord) => string[]): Predicate {
  if (value.toLowerCase() === 'me') {
    return (m) => fields(m).some((f) => addressesOf(f).some((a) => env.isOwnAddress(a)));
  }
  const needle = wordsOf(value);
  return (m) => fields(m).some((f) => containsWords(wordsOf(f), needle));
}

function compileToken(t: QueryToken, env: QueryEnv): Predicate {
  const op = t.operator;
  const v = t.value;
  if (op === undefined) {
    const needle = wordsOf(v);
    return (m) => containsWords(fullTextWords(m), needle);
  }
  switch (op) {
    case 'in': {
      const key = v.toLowerCase();
      if (key === 'anywhere') return () => true;
      if (key === 'chats') return () => false;
      const label = SYSTEM_IN[key];
      if (!label) return unmodelledOrText(t, UNMODELLED_VALUES.in);
      return (m) => m.labels.has(label);
    }
    case 'label': {
      const key = labelKey(v);
      const system = SYSTEM_IN[key];
      if (system) return (m) => m.labels.has(system);
      // A label that doesn't exist matches nothing, as in Gmail.
      const ids = env
        .userLabels()
        .filter((l) => labelKey(l.name) === key)
        .map((l) => l.id);
      return (m) => ids.some((id) => m.labels.has(id));
    }
    case 'is': {
      switch (v.toLowerCase()) {
        case 'unread':
          return (m) => m.labels.has('UNREAD');
        case 'read':
          return (m) => !m.labels.has('UNREAD');
        case 'starred':
          return (m) => m.labels.has('STARRED');
        case 'unstarred':
          return (m) => !m.labels.has('STARRED');
        case 'important':
          return (m) => m.labels.has('IMPORTANT');
        default:
          return unmodelledOrText(t, UNMODELLED_VALUES.is);
      }
    }
    case 'has': {
      switch (v.toLowerCase()) {
        case 'attachment':
          return (m) => m.attachments.some((a) => !a.inline);
        case 'userlabels':
          return (m) => [...m.labels].some((l) => l.startsWith('Label_'));
        case 'nouserlabels':
          return (m) => ![...m.labels].some((l) => l.startsWith('Label_'));
        default:
          return unmodelledOrText(t, UNMODELLED_VALUES.has);
      }
    }
    case 'from':
      return addressField(env, v, (m) => [m.from]);
    case 'to':
      return addressField(env, v, (m) => [m.to, m.cc, m.bcc, m.deliveredTo]);
    case 'cc':
      return addressField(env, v, (m) => [m.cc]);
    case 'bcc':
      return addressField(env, v, (m) => [m.bcc]);
    case 'deliveredto':
      return addressField(env, v, (m) => [m.deliveredTo]);
    case 'subject': {
      const needle = wordsOf(v);
      return (m) => containsWords(wordsOf(m.subject), needle);
    }
    case 'rfc822msgid': {
      const want = v.replace(/^<|>$/g, '').toLowerCase();
      return (m) => m.messageIdHeader.replace(/^<|>$/g, '').toLowerCase() === want;
    }
    case 'after':
    case 'newer': {
      const at = parseInstant(op, v);
      return (m) => m.internalDate >= at;
    }
    case 'before':
    case 'older': {
      const at = parseInstant(op, v);
      return (m) => m.internalDate < at;
    }
    case 'newer_than': {
      const at = parseAge(op, v, env.now);
      return (m) => m.internalDate >= at;
    }
    case 'older_than': {
      const at = parseAge(op, v, env.now);
      return (m) => m.internalDate < at;
    }
    default:
      if (UNMODELLED_OPERATORS.has(op)) throw new QuerySyntaxError(`${op}: is a Gmail search operator the emulator does not model`);
      return asText(t);
  }
}

/**
 * Gmail operators and values the emulator does not evaluate: a query using one fails
 * loudly here (it would match the wrong mail), though Gmail itself accepts it.
 */
const UNMODELLED_OPERATORS = new Set(['category', 'list', 'filename', 'size', 'larger', 'smaller']);
const UNMODELLED_VALUES = {
  in: new Set(['snoozed', 'scheduled']),
  is: new Set(['muted', 'snoozed']),
  has: new Set(['drive', 'document', 'spreadsheet', 'presentation', 'youtube', 'yellow-star', 'red-bang']),
} as const;

/**
 * What Gmail does with a word it does not know as an operator or value ("frmo:ann",
 * "is:bogus"): it never refuses a query; it searches for the text, which here, as there,
 * matches a message only if those words are in it.
 */
function asText(t: QueryToken): Predicate {
  const needle = wordsOf(`${t.operator ?? ''} ${t.value}`);
  return (m) => containsWords(fullTextWords(m), needle);
}

function unmodelledOrText(t: QueryToken, unmodelled: ReadonlySet<string>): Predicate {
  if (unmodelled.has(t.value.toLowerCase()))
    throw new QuerySyntaxError(`${t.operator}:${t.value} is a Gmail search the emulator does not model`);
  return asText(t);
}

function asksForSpamOrTrash(t: QueryToken): boolean {
  if (t.negated) return false;
  const v = t.value.toLowerCase();
  if (t.operator === 'in') return v === 'anywhere' || v === 'spam' || v === 'trash';
  if (t.operator === 'label') return v === 'spam' || v === 'trash';
  return false;
}

type Node =
  | { readonly kind: 'term'; readonly term: QueryToken }
  | { readonly kind: 'all' | 'any'; readonly nodes: readonly Node[]; readonly negated: boolean };

/**
 * Gmail's grammar as its help page describes it: terms side by side must all match; `OR`
 * (or `|`) between two terms, or `{…}` around several, means either; `(…)` groups; `-`
 * before a term or group excludes it. OR binds tighter than the implicit AND, so
 * `from:a subject:x OR subject:y` is from:a and (x or y). Brackets left open close at the
 * end of the query, and a stray closing one is ignored: Gmail never refuses a query.
 */
function parse(lexemes: readonly Lexeme[]): Node {
  let i = 0;
  const unary = (): Node | null => {
    const l = lexemes[i];
    if (!l) return null;
    if (l.kind === 'term') {
      i++;
      return { kind: 'term', term: l.term };
    }
    if (l.kind === 'open') {
      i++;
      const nodes = sequence(l.bracket === '(' ? ')' : '}');
      return { kind: l.bracket === '(' ? 'all' : 'any', nodes, negated: l.negated };
    }
    return null;
  };
  const either = (): Node | null => {
    const first = unary();
    if (!first) return null;
    const options = [first];
    while (lexemes[i]?.kind === 'or') {
      i++;
      const next = unary();
      if (next) options.push(next);
    }
    return options.length === 1 ? first : { kind: 'any', nodes: options, negated: false };
  };
  const sequence = (close: ')' | '}' | null): Node[] => {
    const nodes: Node[] = [];
    while (i < lexemes.length) {
      const l = lexemes[i]!;
      if (l.kind === 'close') {
        i++;
        if (l.bracket === close) return nodes;
        continue; // a stray or mismatched bracket: ignored
      }
      if (l.kind === 'and' || l.kind === 'or') {
        i++;
        continue;
      }
      const node = either();
      if (node) nodes.push(node);
    }
    return nodes;
  };
  return { kind: 'all', nodes: sequence(null), negated: false };
}

function compileNode(node: Node, env: QueryEnv): Predicate {
  if (node.kind === 'term') {
    const p = compileToken(node.term, env);
    return node.term.negated ? (m) => !p(m) : p;
  }
  const parts = node.nodes.map((n) => compileNode(n, env));
  const joined: Predicate =
    node.kind === 'all' ? (m) => parts.every((p) => p(m)) : parts.length === 0 ? () => true : (m) => parts.some((p) => p(m));
  return node.negated ? (m) => !joined(m) : joined;
}

function termsOf(node: Node, negated = false): Array<{ term: QueryToken; negated: boolean }> {
  if (node.kind === 'term') return [{ term: node.term, negated: negated !== node.term.negated }];
  return node.nodes.flatMap((n) => termsOf(n, negated !== node.negated));
}

export function compileQuery(query: string, env: QueryEnv): CompiledQuery {
  const tree = parse(lex(query));
  return {
    matches: compileNode(tree, env),
    includeSpamTrash: termsOf(tree).some(({ term, negated }) => !negated && asksForSpamOrTrash({ ...term, negated: false })),
  };
}
