/** The Dashboard tab's figures (docs/design.md, Product), pure. */
export {
  lastMonths,
  slaAttainmentByPriority,
  openBySlaState,
  OPEN_STATES,
  NOT_EVALUATED,
  type TicketFact,
  type MonthAttainment,
  type AttainmentCell,
  type OpenState,
} from './sla';
export { usageByClient, type ClientUsage, type ClientContractTerms } from './usage';
export { dashboardLayout, DASHBOARD_WIDTH, type Block, type ChartSpec, type ChartKind, type DashboardInput } from './layout';
