/** The Support Desk menu. Items name top-level functions of the bundle (src/gas/main.ts). */
export function addMenu(ui: GoogleAppsScript.Base.Ui): void {
  ui.createMenu('Support Desk')
    .addItem('Set up register', 'setup')
    .addItem('Install automation', 'installTriggers')
    .addSeparator()
    .addItem('Check inbox now', 'ingestInbox')
    .addItem('Sweep SLAs now', 'sweepSla')
    .addItem('Sort queue', 'sortQueue')
    .addItem('Reapply SLA policies', 'reapplyPolicies')
    .addItem('Check hours now', 'runMonthlyBilling') // Hours tab + usage alerts; drafts last month once if the monthly run has not
    .addItem('Close month…', 'closeMonth')
    .addSeparator()
    .addItem('Log time…', 'showLogTimeSidebar')
    .addItem('Ticket details…', 'showTicketDetails')
    .addItem('Refresh dashboard', 'refreshDashboard')
    .addSeparator()
    .addItem('About', 'showAbout')
    .addToUi();
}
