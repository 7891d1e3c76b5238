import vm from 'node:vm';

/**
 * The sandbox's own constructors. Values handed into the sandbox are rebuilt with them,
 * so the product's `instanceof Date` / `instanceof Array` (and zod's `z.date()`) hold
 * exactly as they do in Apps Script. Host code must never use `instanceof Date` on a
 * value that came *out* of the sandbox: use `isDate` below.
 */
export interface Realm {
  readonly context: vm.Context;
  readonly Date: DateConstructor;
  readonly Array: ArrayConstructor;
  readonly Object: ObjectConstructor;
  readonly Error: ErrorConstructor;
  /** Deep-copies plain data (arrays, plain objects, Dates) into the sandbox realm. */
  toRealm<T>(value: T): T;
  /** A Date of the sandbox realm. */
  date(ms: number): Date;
  /** An Error of the sandbox realm, so `e instanceof Error` holds in product code. */
  error(message: string): Error;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Creates a bare V8 context (ECMAScript builtins only: no require, process, Buffer,
 * setTimeout, URL, TextEncoder, atob or fetch — Apps Script has none of them) whose
 * `Date` follows `now()`.
 */
/** Globals left out of the sandbox (with `Intl.Segmenter`): see createRealm. */
export const UNCONFIRMED_GLOBALS = ['SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry'] as const;

export function createRealm(now: () => number): Realm {
  const context = vm.createContext(Object.create(null), { name: 'apps-script', codeGeneration: { strings: true, wasm: false } });
  const install = vm.runInContext(
    `(function (hostNow) {
      'use strict';
      var RealDate = Date;
      // A plain function, not a Proxy: scripts construct dates and test instanceof Date on
      // every cell, and a Proxy's traps made that a large share of a replay's time.
      var ClockDate = function Date(year, monthIndex, day, hours, minutes, seconds, ms) {
        if (!new.target) return new RealDate(hostNow()).toString();
        // A subclass (new.target) keeps its own prototype, as with the real Date.
        if (new.target !== ClockDate) return Reflect.construct(RealDate, arguments.length === 0 ? [hostNow()] : arguments, new.target);
        if (arguments.length === 0) return new RealDate(hostNow());
        if (arguments.length === 1) return new RealDate(year);
        return Reflect.construct(RealDate, arguments);
      };
      ClockDate.prototype = RealDate.prototype;
      ClockDate.now = function now() { return hostNow(); };
      ClockDate.parse = RealDate.parse;
      ClockDate.UTC = RealDate.UTC;
      Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
      Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true });
    })`,
    context,
  ) as (hostNow: () => number) => void;
  install(() => now());
  // Builtins of a modern V8 that Apps Script's runtime is not confirmed to expose: absent
  // here, so the product cannot come to depend on them (the bundle uses none; Check
  // installation reports which the real runtime has: docs/first-deploy.md). WebAssembly
  // stays: Google's own Apps Script samples (apps-script-samples/wasm) run it.
  vm.runInContext(
    `for (const g of ${JSON.stringify(UNCONFIRMED_GLOBALS)}) delete globalThis[g];
     if (typeof Intl !== 'undefined') delete Intl.Segmenter;`,
    context,
  );

  const RDate = vm.runInContext('Date', context) as DateConstructor;
  const RArray = vm.runInContext('Array', context) as ArrayConstructor;
  const RObject = vm.runInContext('Object', context) as ObjectConstructor;
  const RError = vm.runInContext('Error', context) as ErrorConstructor;

  const toRealm = (value: unknown): unknown => {
    if (isDate(value)) return new RDate(value.getTime());
    if (Array.isArray(value)) {
      const out = new RArray(value.length);
      for (let i = 0; i < value.length; i++) out[i] = toRealm(value[i]);
      return out;
    }
    if (isPlainObject(value)) {
      const out = new RObject() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = toRealm(v);
      return out;
    }
    return value;
  };

  return {
    context,
    Date: RDate,
    Array: RArray,
    Object: RObject,
    Error: RError,
    toRealm: toRealm as <T>(v: T) => T,
    date: (ms) => new RDate(ms),
    error: (message) => new RError(message),
  };
}
