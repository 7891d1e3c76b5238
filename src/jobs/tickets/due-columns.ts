import type { TargetName } from '../../core/sla/index';

/** The three deadline columns of a Tickets row and the SLA target each one shows. */
export const DUE_COLUMNS: readonly [TargetName, string][] = [
  ['first response', 'First response due'],
  ['next update', 'Next update due'],
  ['resolution', 'Resolution due'],
];
