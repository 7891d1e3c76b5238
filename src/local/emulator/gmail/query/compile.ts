import { DateTime } from 'luxon';
import { addressesOf } from '../addresses';
import type { MessageRecord } from '../record';
import { containsWords, wordsOf } from './text';
import { QuerySyntaxError, tokenize, type QueryToken } from './tokens';

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
      if (!label) throw new QuerySyntaxError(`unknown value in search query: in:${v}`);
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
          throw new QuerySyntaxError(`unknown value in search query: is:${v}`);
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
          throw new QuerySyntaxError(`unknown value in search query: has:${v}`);
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
      throw new QuerySyntaxError(`unsupported search operator in the emulator: ${op}:`);
  }
}

function asksForSpamOrTrash(t: QueryToken): boolean {
  if (t.negated) return false;
  const v = t.value.toLowerCase();
  if (t.operator === 'in') return v === 'anywhere' || v === 'spam' || v === 'trash';
  if (t.operator === 'label') return v === 'spam' || v === 'trash';
  return false;
}

export function compileQuery(query: string, env: QueryEnv): CompiledQuery {
  const tokens = tokenize(query);
  const preds = tokens.map((t) => {
    const p = compileToken(t, env);
    return t.negated ? (m: MessageRecord) => !p(m) : p;
  });
  return {
    matches: (m) => preds.every((p) => p(m)),
    includeSpamTrash: tokens.some(asksForSpamOrTrash),
  };
}
