import type { ServiceContext } from '../context';

/**
 * Locks are held by an execution. The emulator runs one execution at a time, so a test
 * stands in for an overlapping run by holding a lock as another execution
 * (`LockState.holdAs('other run')`), then checks the job backs off or waits.
 */
export class LockState {
  private holders = new Map<'document' | 'script' | 'user', string>();
  currentExecution = '';

  holder(kind: 'document' | 'script' | 'user'): string | undefined {
    return this.holders.get(kind);
  }
  holdAs(kind: 'document' | 'script' | 'user', execution: string): void {
    this.holders.set(kind, execution);
  }
  release(kind: 'document' | 'script' | 'user', execution?: string): void {
    if (execution === undefined || this.holders.get(kind) === execution) this.holders.delete(kind);
  }
  /** Apps Script releases an execution's locks when it ends. */
  releaseAllOf(execution: string): void {
    for (const [k, v] of [...this.holders]) if (v === execution) this.holders.delete(k);
  }
}

function makeLock(ctx: ServiceContext, state: LockState, kind: 'document' | 'script' | 'user') {
  const m = (name: string) => ctx.meter.call(`LockService.Lock.${name}`);
  const acquire = (timeoutMs: number): boolean => {
    const holder = state.holder(kind);
    if (holder === undefined || holder === state.currentExecution) {
      state.holdAs(kind, state.currentExecution);
      return true;
    }
    // Nobody else runs while we wait, so waiting can only time out: charge the wait.
    ctx.meter.addModeledMs(Math.max(0, timeoutMs));
    return false;
  };
  return {
    tryLock(timeoutInMillis: number) {
      m('tryLock');
      return acquire(Number(timeoutInMillis) || 0);
    },
    waitLock(timeoutInMillis: number) {
      m('waitLock');
      if (!acquire(Number(timeoutInMillis) || 0)) ctx.fail('Lock timeout: another process was holding the lock for too long.');
    },
    hasLock() {
      m('hasLock');
      return state.holder(kind) === state.currentExecution;
    },
    releaseLock() {
      m('releaseLock');
      state.release(kind, state.currentExecution);
    },
  };
}

export function createLockService(ctx: ServiceContext, state: LockState, opts: { containerBound: boolean | (() => boolean) }) {
  const bound = () => (typeof opts.containerBound === 'function' ? opts.containerBound() : opts.containerBound);
  return {
    // Outside a container-bound script or add-on there is no document: Apps Script returns null.
    getDocumentLock: () => (
      ctx.meter.call('LockService.getDocumentLock', { cheap: true }), bound() ? makeLock(ctx, state, 'document') : null
    ),
    getScriptLock: () => (ctx.meter.call('LockService.getScriptLock', { cheap: true }), makeLock(ctx, state, 'script')),
    getUserLock: () => (ctx.meter.call('LockService.getUserLock', { cheap: true }), makeLock(ctx, state, 'user')),
  };
}
