/** The Support Desk menu. Items name top-level functions of the bundle (src/gas/main.ts). */
export function addMenu(ui: GoogleAppsScript.Base.Ui): void {
  ui.createMenu('Support Desk')
    .addItem('Set up register', 'setup')
    .addItem('Install automation', 'installTriggers')
    .addSeparator()
    .addItem('Check inbox now', 'ingestInbox')
    .addItem('Sweep SLAs now', 'sweepSla')
    .addItem('Close month…', 'runMonthlyBilling')
    .addSeparator()
    .addItem('About', 'showAbout')
    .addToUi();
}
