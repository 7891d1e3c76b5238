/**
 * The register's vocabularies: the dropdown values users pick from (docs/design.md, Register). They are
 * part of the sheet's contract, so they are spelled exactly as users see them.
 */
export const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REASONS = ['Bug', 'Question', 'Customization', 'Feature request', 'Unclassified'] as const;
export type Reason = (typeof REASONS)[number];

export const STATUSES = ['New', 'Open', 'Waiting on customer', 'Waiting on development', 'Resolved', 'Closed'] as const;
export type TicketStatus = (typeof STATUSES)[number];

export const SLA_STATES = ['On track', 'At risk', 'Breached', 'Met', 'Paused'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const MESSAGE_KINDS = ['customer', 'staff', 'follower', 'auto', 'bounce', 'bulk', 'unregistered', 'own'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const CLIENT_STATUSES = ['Active', 'Onboarding', 'Paused', 'Ended'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const CONTACT_ROLES = ['Authorized representative', 'Executive sponsor', 'Billing', 'User'] as const;

export const COUNTS_TOWARD = ['Yes', 'No', 'Unless bug'] as const;
export type CountsToward = (typeof COUNTS_TOWARD)[number];

export const YES_NO = ['Yes', 'No'] as const;

/** Case-insensitive lookup of a vocabulary value, so `high` typed by hand still reads as High. */
export function matchVocab<T extends string>(vocab: readonly T[], text: string): T | null {
  const t = text.trim().toLowerCase();
  for (const v of vocab) if (v.toLowerCase() === t) return v;
  return null;
}

/** How a client is looked after (ClientSuccess pooled model): its own CSM, or the pool on duty. */
export const COHORTS = ['Designated', 'Pooled'] as const;
export type Cohort = (typeof COHORTS)[number];

/** What a logged activity is as client engagement (Activities → Touch); blank = not a touch. */
export const TOUCH_KINDS = ['Touch', 'Kick-off', 'Monthly review', 'QBR', 'Annual review'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

export const TOUCH_STATES = ['On track', 'Due soon', 'Overdue'] as const;
export type TouchState = (typeof TOUCH_STATES)[number];
