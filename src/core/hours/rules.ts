import type { CountsToward } from '../types/vocab';
import type { HoursEntry, TicketFacts } from './entry';

/** A row of the Activities tab: the data the counting rules come from. */
export interface ActivityRule {
  readonly activity: string;
  readonly counts: CountsToward;
  /** The contract wording behind the rule, quoted in the Reason. */
  readonly rule: string;
}

export interface Decision {
  readonly counted: boolean;
  readonly reason: string;
}

interface Context {
  readonly entry: HoursEntry;
  readonly rule: ActivityRule;
  readonly ticket: TicketFacts | null;
}

/**
 * What each "Counts toward contract" value means. The rules live in the Activities tab;
 * this table only says how to read its three possible values, so adding an activity
 * (or changing one) is a sheet edit, never a code change.
 */
const MEANING: Record<CountsToward, (c: Context) => Decision> = {
  Yes: (c) => ({ counted: true, reason: `${c.rule.activity} counts toward the contract` }),
  No: (c) => ({ counted: false, reason: `${c.rule.activity} does not count toward the contract` }),
  'Unless bug': (c) => {
    if (!c.ticket) return { counted: true, reason: `${c.rule.activity} with no ticket: no bug identified, counts` };
    if (c.ticket.reason === 'Bug') {
      return { counted: false, reason: `${c.rule.activity} on ${c.entry.ticketId}, a bug (ticket Reason: Bug): not counted` };
    }
    return { counted: true, reason: `${c.rule.activity} on ${c.entry.ticketId}, not a bug (ticket Reason: ${c.ticket.reason}): counts` };
  },
};

/**
 * Whether an entry counts toward the client's contracted hours, and why. A non-required
 * meeting attendee is excluded whatever the activity (the seeds: "additional attendees
 * … not required" are excluded).
 */
export function decide(entry: HoursEntry, rule: ActivityRule, ticket: TicketFacts | null): Decision {
  if (!entry.required) return { counted: false, reason: 'Not a required attendee: extra attendees are not counted' };
  const d = MEANING[rule.counts]({ entry, rule, ticket });
  return rule.rule ? { ...d, reason: `${d.reason} (${rule.rule})` } : d;
}

/** Case-insensitive lookup of activities by name. */
export function activityIndex(rules: readonly ActivityRule[]): (name: string) => ActivityRule | undefined {
  const m = new Map(rules.map((r) => [r.activity.trim().toLowerCase(), r]));
  return (name) => m.get(name.trim().toLowerCase());
}
