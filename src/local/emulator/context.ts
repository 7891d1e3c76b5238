import type { Clock } from './clock';
import type { Meter } from './meter';
import type { Realm } from './realm';

/** What every emulated service is built with. */
export interface ServiceContext {
  readonly clock: Clock;
  readonly meter: Meter;
  readonly realm: Realm;
  /** The account the script runs as (Session.getEffectiveUser, Gmail's own address). */
  readonly user: string;
  /** Throws an Error of the sandbox realm, with Apps Script's message. */
  fail(message: string): never;
}
