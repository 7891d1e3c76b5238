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
  /**
   * Whether the current execution runs in a document: false for an Editor add-on's
   * time-driven trigger, where there is no active spreadsheet, and the document lock and
   * document properties are null (LockService / PropertiesService reference: "null if the
   * script is neither published as an add-on nor bound to a file" / outside a document).
   */
  inDocument(): boolean;
  /** Throws an Error of the sandbox realm, with Apps Script's message. */
  fail(message: string): never;
}
