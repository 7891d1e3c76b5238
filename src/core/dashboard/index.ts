/** The Dashboard tab's figures (docs/design.md, Product), pure. */
export {
  lastMonths,
  monthsEndingAt,
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
export {
  dashboardLayout,
  DASHBOARD_COLUMN_WIDTHS,
  DASHBOARD_WIDTH,
  PICKER_LABEL,
  PICKER_ROW,
  type Block,
  type ChartSpec,
  type ChartKind,
  type DashboardInput,
} from './layout';
export { monthShown, CLOSED_MONTH_SHOWN_DAYS, type MonthShown } from './month-shown';
