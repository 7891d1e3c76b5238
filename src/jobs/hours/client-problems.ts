import { ClientsTab } from '../../register/tabs';
import { syncProblems } from '../../register/problems-column';
import { SETTINGS } from '../../register/settings/spec';
import type { RunLogPort, WorkbookPort } from '../ports';
import type { RegisterData } from './register-data';

/** The implausible-rate note names its setting: that is how a note this module wrote is found again. */
const MARK = SETTINGS.plausibleRateCents.key;

/**
 * Puts the note on each Clients row billing cannot use (a cell that fails its check, such as
 * an ambiguous `1.200,50` rate, or an implausible rate), and takes the implausible-rate note
 * off once corrected. Rows without either are left to the inbox, which writes the same
 * schema notes. A note is logged the first time it appears, not every run.
 */
export function noteImplausibleClients(wb: WorkbookPort, data: RegisterData, log: RunLogPort): void {
  const t = data.clientsTable;
  const col = t.columnOf.get('Problems');
  const rows = new Set([...data.implausibleClients.keys(), ...t.problems.map((p) => p.rowNumber)]);
  if (col !== undefined) for (let r = 2; r <= t.raw.length; r++) if (String(t.raw[r - 1]?.[col] ?? '').includes(MARK)) rows.add(r);
  if (rows.size === 0) return;
  for (const f of syncProblems(() => wb.tab(ClientsTab.name), t, data.implausibleClients, rows))
    if (data.implausibleClients.has(f.rowNumber))
      log.add('Client not billed', `Clients row ${f.rowNumber}: ${data.implausibleClients.get(f.rowNumber)}`);
}
