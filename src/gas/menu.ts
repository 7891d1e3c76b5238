/**
 * Bound to the team's sheet the menu sits in the menu bar; an Editor add-on may only add
 * its menu under Extensions (createAddonMenu). If the installation source cannot be read
 * (an add-on's onOpen before authorization runs with AuthMode.NONE), the add-on menu is
 * the safe choice.
 */
function isAddOn(): boolean {
  try {
    return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
  } catch {
    return true;
  }
}

/** The Support Desk menu. Items name top-level functions of the bundle (src/gas/main.ts). */
export function addMenu(ui: GoogleAppsScript.Base.Ui): void {
  (isAddOn() ? ui.createAddonMenu() : ui.createMenu('Support Desk'))
    .addItem('Set up register', 'setup')
    .addItem('Install automation', 'installTriggers')
    .addItem('Remove automation', 'removeTriggers')
    .addSeparator()
    .addItem('Check inbox now', 'ingestInbox')
    .addItem('Sweep SLAs now', 'sweepSla')
    .addItem('Sort queue', 'sortQueue')
    .addItem('Reapply SLA policies', 'reapplyPolicies')
    .addSeparator()
    .addItem('Log time…', 'showLogTimeSidebar')
    .addItem('Ticket details…', 'showTicketDetails')
    .addItem('Refresh dashboard', 'refreshDashboard')
    .addSeparator()
    .addItem('Check hours now', 'checkHours')
    .addItem('Close month…', 'closeMonth')
    .addItem('Reopen month…', 'reopenMonth')
    .addSeparator()
    .addItem('Check installation', 'checkInstallation')
    .addItem('About', 'showAbout')
    .addToUi();
}
