/** SLA targets (docs/design.md, Rules: SLA): policy lookup by (plan, priority) and evaluation of a ticket's facts at a given now. */
export type { PauseInterval, SlaPolicy, Target, TargetEvaluation, TargetName, TicketFacts } from './types';
export {
  DEFAULT_AT_RISK_PERCENT,
  PolicyError,
  decodePolicy,
  describePolicy,
  encodePolicy,
  lookupPolicy,
  parseTargetCell,
  policyCalendarId,
  policyFromRow,
  type PolicyRow,
} from './policy';
export { evaluateTicket, movedDues, overallState, type EvaluateOptions } from './evaluate';
export { dueOutsidePauses, normalisePauses, openMsOutsidePauses } from './paused-clock';
export { attainmentOf, describeAttainment, NO_ATTAINMENT, withTicket, type Attainment } from './attainment';
