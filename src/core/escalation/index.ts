/** Escalation by matrix (docs/design.md, Rules: Escalation): who is told, when, and the ledger that makes it once. */
export { parseWhen, describeWhen, WhenError, type When } from './when';
export { buildMatrices, matrixFor, type Matrices, type MatrixRow, type Tier } from './matrix';
export {
  OUTCOMES,
  appendLedger,
  clientEscalationTopic,
  escalationTopic,
  formatLedgerLine,
  highestTier,
  isoOf,
  parseLedger,
  reminderTopic,
  resolvedTopic,
  type LedgerEntry,
  type Outcome,
} from './ledger';
export { pendingClientRequests, tiersToldOnRequest, toldTiers, type ClientRequest } from './client-request';
export { formatRecord, parseRecord, type TargetRecord } from './record';
export {
  RESOLVED_NOTICE_WINDOW_MS,
  decideTicket,
  tierHolds,
  tierMoment,
  type EscalationNotice,
  type Notice,
  type ReminderNotice,
  type ResolvedNotice,
  type TicketDecision,
  type TicketSituation,
} from './decide';
