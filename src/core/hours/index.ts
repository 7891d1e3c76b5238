/** The Hours register's rules: durations, working days and months, validation, counting, usage alerts. */
export { parseDuration, type DurationResult } from './duration';
export * from './month';
export { formatHours, lineSignature, type HoursEntry, type TicketFacts } from './entry';
export { activityIndex, decide, type ActivityRule, type Decision } from './rules';
export { validateEntries, type ValidationContext } from './validate';
export { dueAlert, USAGE_THRESHOLDS, type UsageAlert, type UsageThreshold } from './usage';
