/**
 * Just enough of the Sheets formula language to tell a parse error (#ERROR!) from a
 * well-formed formula, and to compute formulas made only of literals and operators.
 * There is no engine behind references or functions: their value is unknown.
 */

type Token =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string };

const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%', ',', ':', '(', ')', '{', '}', ';'];

function tokenize(src: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\n' || ch === '\t') {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= src.length) return null;
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += src[j];
        j++;
      }
      tokens.push({ kind: 'str', value: text });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      const quoted = /^'(?:[^']|'')+'!/.exec(src.slice(i));
      if (!quoted) return null;
      const rest = /^\$?[A-Za-z]*\$?\d*/.exec(src.slice(i + quoted[0].length));
      tokens.push({ kind: 'name', value: quoted[0] + (rest?.[0] ?? '') });
      i += quoted[0].length + (rest?.[0].length ?? 0);
      continue;
    }
    const name = /^[A-Za-z_$][A-Za-z0-9_.$]*(![A-Za-z0-9_.$]+)?/.exec(src.slice(i));
    if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) return null;
    tokens.push({ kind: 'op', value: op });
    i += op.length;
  }
  return tokens;
}

type Value = number | string | boolean;
/** undefined: depends on something this emulator cannot compute. */
type Result = Value | undefined | { error: string };

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Result {
    const result = this.comparison();
    if (this.pos !== this.tokens.length) throw new SyntaxError('trailing tokens');
    return result;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.pos];
    return t && t.kind === 'op' && ops.includes(t.value) ? t.value : undefined;
  }

  private expectOp(op: string): void {
    if (!this.peekOp(op)) throw new SyntaxError(`expected ${op}`);
    this.pos++;
  }

  private binary(next: () => Result, ops: string[], apply: (op: string, a: Value, b: Value) => Result): Result {
    let left = next();
    for (let op = this.peekOp(...ops); op; op = this.peekOp(...ops)) {
      this.pos++;
      const right = next();
      left = combine(left, right, (a, b) => apply(op!, a, b));
    }
    return left;
  }

  private comparison = (): Result => this.binary(this.concat, ['=', '<>', '<', '>', '<=', '>='], (op, a, b) => compare(op, a, b));
  private concat = (): Result => this.binary(this.additive, ['&'], (_op, a, b) => text(a) + text(b));
  private additive = (): Result => this.binary(this.term, ['+', '-'], (op, a, b) => arith(a, b, (x, y) => (op === '+' ? x + y : x - y)));
  private term = (): Result =>
    this.binary(this.power, ['*', '/'], (op, a, b) => arith(a, b, (x, y) => (op === '*' ? x * y : y === 0 ? NaN : x / y)));
  private power = (): Result => this.binary(this.unary, ['^'], (_op, a, b) => arith(a, b, (x, y) => x ** y));

  private unary = (): Result => {
    const op = this.peekOp('+', '-');
    if (op) {
      this.pos++;
      const v = this.unary();
      return op === '-' ? combine(v, 0, (a) => arith(a, 0, (x) => -x)) : v;
    }
    return this.postfix();
  };

  private postfix = (): Result => {
    let v = this.primary();
    while (this.peekOp('%')) {
      this.pos++;
      v = combine(v, 0, (a) => arith(a, 0, (x) => x / 100));
    }
    return v;
  };

  private primary = (): Result => {
    const t = this.tokens[this.pos];
    if (!t) throw new SyntaxError('unexpected end');
    this.pos++;
    if (t.kind === 'num' || t.kind === 'str') return t.value;
    if (t.kind === 'op') {
      if (t.value === '(') {
        const v = this.comparison();
        this.expectOp(')');
        return v;
      }
      if (t.value === '{') {
        this.list('}');
        return undefined;
      }
      throw new SyntaxError(`unexpected ${t.value}`);
    }
    if (this.peekOp('(')) {
      this.pos++;
      this.list(')');
      return undefined;
    }
    if (this.peekOp(':')) {
      this.pos++;
      const end = this.tokens[this.pos];
      if (!end || end.kind === 'op' || end.kind === 'str') throw new SyntaxError('bad range');
      this.pos++;
      return undefined;
    }
    const upper = t.value.toUpperCase();
    if (upper === 'TRUE') return true;
    if (upper === 'FALSE') return false;
    if (/^(.+!)?\$?[A-Z]{1,3}\$?\d+$/i.test(t.value)) return undefined;
    return { error: '#NAME?' };
  };

  /** Arguments or array items up to `close`; empty arguments are legal (=IF(A1,,1)). */
  private list(close: string): void {
    if (this.peekOp(close)) {
      this.pos++;
      return;
    }
    for (;;) {
      if (!this.peekOp(',', ';', close)) this.comparison();
      if (this.peekOp(close)) {
        this.pos++;
        return;
      }
      if (!this.peekOp(',', ';')) throw new SyntaxError('expected separator');
      this.pos++;
    }
  }
}

function combine(a: Result, b: Result, f: (a: Value, b: Value) => Result): Result {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (a === undefined || b === undefined) return undefined;
  return f(a, b);
}

function isError(v: Result): v is { error: string } {
  return typeof v === 'object' && v !== null;
}

function toNumber(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : null;
}

function arith(a: Value, b: Value, f: (x: number, y: number) => number): Result {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return { error: '#VALUE!' };
  const r = f(x, y);
  return Number.isNaN(r) ? { error: '#DIV/0!' } : Number.isFinite(r) ? r : { error: '#NUM!' };
}

function text(v: Value): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function compare(op: string, a: Value, b: Value): boolean {
  const order = (v: Value) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let c = order(a) - order(b);
  if (c === 0) c = typeof a === 'string' ? a.toLowerCase().localeCompare(String(b).toLowerCase()) : Number(a) - Number(b);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

export type FormulaOutcome = { kind: 'value'; value: Value } | { kind: 'error'; value: string } | { kind: 'unknown' };

/** `formula` includes the leading '='. */
export function evaluateFormula(formula: string): FormulaOutcome {
  const tokens = tokenize(formula.slice(1));
  if (!tokens || tokens.length === 0) return { kind: 'error', value: '#ERROR!' };
  let result: Result;
  try {
    result = new Parser(tokens).parse();
  } catch {
    return { kind: 'error', value: '#ERROR!' };
  }
  if (result === undefined) return { kind: 'unknown' };
  if (isError(result)) return { kind: 'error', value: result.error };
  return { kind: 'value', value: result };
}
