import type { ServiceContext } from '../context';
import type { MailboxModel } from './model';

/** What every GmailApp/MailApp object is built with. */
export interface GmailEnv {
  readonly ctx: ServiceContext;
  readonly mailbox: MailboxModel;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) {
    const first = v.length ? typeName(v[0]) : 'Object';
    return `${first}[]`;
  }
  if (typeof v === 'object') {
    const tag = (v as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag];
    return typeof tag === 'string' ? tag : 'Object';
  }
  return typeof v;
}

/**
 * Apps Script's complaint when a method is called with arguments of the wrong type or
 * count: "The parameters (String,number) don't match the method signature for X."
 */
export function signatureError(env: GmailEnv, method: string, args: readonly unknown[]): never {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const list = args.slice(0, n).map(typeName).join(',');
  return env.ctx.fail(`The parameters (${list}) don't match the method signature for ${method}.`);
}

export function now(env: GmailEnv): number {
  return env.ctx.clock.now();
}
