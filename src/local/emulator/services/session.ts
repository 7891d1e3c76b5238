import type { ServiceContext } from '../context';

export function createSession(ctx: ServiceContext, opts: { scriptTimeZone: string; locale?: string }) {
  const user = (email: string) => ({ getEmail: () => email, toString: () => email });
  return {
    getEffectiveUser: () => (ctx.meter.call('Session.getEffectiveUser', { cheap: true }), user(ctx.user)),
    // In a bound script run by its owner, the active user is the owner too.
    getActiveUser: () => (ctx.meter.call('Session.getActiveUser', { cheap: true }), user(ctx.user)),
    getScriptTimeZone: () => (ctx.meter.call('Session.getScriptTimeZone', { cheap: true }), opts.scriptTimeZone),
    getActiveUserLocale: () => (ctx.meter.call('Session.getActiveUserLocale', { cheap: true }), opts.locale ?? 'en'),
    getTemporaryActiveUserKey: () => 'emulator-user-key',
  };
}
