import { showTime } from '../../core/time/show';
import { LogTab, MessagesTab } from '../../register/tabs';
import { heldSummary } from '../../core/mail/held-summary';
import { readTable } from '../../register/table';
import { sheetPort } from '../sheet-port';
import { SCHEDULED } from '../triggers';
import { VERSION } from '../version';
import { recordedRuns } from '../last-run';
import { activeSpreadsheet } from './context';
import { currentUser, installers, otherInstallersWarning } from '../installers';

/** Jobs About reports on, in the order people think of them (Log "Job" values). */
const JOBS: readonly { job: string; name: string }[] = [
  { job: 'ingest', name: 'Check inbox' },
  { job: 'sweep', name: 'SLA sweep' },
  { job: 'hours', name: 'Hours' },
  { job: 'billing', name: 'Billing' },
  { job: 'reapply', name: 'Reapply SLA policies' },
  { job: 'edit', name: 'Edits' },
  { job: 'dashboard', name: 'Dashboard' },
  { job: 'setup', name: 'Setup' },
];

const MAX_DETAIL = 140;

export interface LastRun {
  readonly job: string;
  readonly at: number;
  readonly action: string;
  readonly detail: string;
}

/** The newest Log line of each job (the Log is appended to, but people may sort it). */
export function lastRuns(rows: readonly { job: string; at: number; action: string; detail: string }[]): Map<string, LastRun> {
  const out = new Map<string, LastRun>();
  for (const r of rows) {
    const prev = out.get(r.job);
    if (!prev || r.at >= prev.at) out.set(r.job, r);
  }
  return out;
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > MAX_DETAIL ? `${one.slice(0, MAX_DETAIL - 1)}…` : one;
}

/** The About text: version, installed triggers, last logged run of each job. */
export function aboutText(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const zone = ss.getSpreadsheetTimeZone();
  // Only the current user's own triggers of this sheet are visible to the script; other
  // people's are known from what their Install automation recorded (src/gas/installers.ts).
  const me = currentUser();
  const triggers = ScriptApp.getUserTriggers(ss).map((t) => t.getHandlerFunction());
  const ours = triggers.filter((h) => (SCHEDULED as readonly string[]).includes(h));
  const lines = [`Support Desk for Sheets ${VERSION}`, ''];
  lines.push(
    ours.length
      ? `Triggers installed: ${ours.join(', ')} (yours, ${me}).`
      : 'Triggers installed: none. Use Support Desk → Install automation.',
  );
  const others = triggers.length - ours.length;
  if (others > 0) lines.push(`(${others} other trigger${others === 1 ? '' : 's'} of this project left alone.)`);
  for (const i of installers().filter((x) => x.email !== me))
    lines.push(`Installed by ${i.email} on ${showTime(i.at, zone)}: ${i.triggers.join('; ')}.`);
  const warning = otherInstallersWarning(me);
  if (warning && ours.length) lines.push(`Warning: ${warning}`);

  const sheet = ss.getSheetByName(LogTab.name);
  if (!sheet) {
    lines.push('', 'No Log tab yet: use Support Desk → Set up register.');
    return lines.join('\n');
  }
  const log = readTable(sheetPort(sheet), LogTab);
  const logged = log.rows
    .filter((r) => r.data.At)
    .map((r) => ({ job: r.data.Job, at: r.data.At!.getTime(), action: r.data.Action, detail: r.data.Detail }));
  // Runs that logged nothing (nothing to do) are known only from their recorded result.
  const recorded = [...recordedRuns()].map(([job, r]) =>
    r.ok ? { job, at: r.at, action: r.result, detail: '' } : { job, at: r.at, action: 'Failed', detail: r.result },
  );
  const last = lastRuns([...logged, ...recorded]);
  lines.push('', 'Last run of each job:');
  for (const { job, name } of JOBS) {
    const r = last.get(job);
    const when = r ? showTime(r.at, zone) : '';
    lines.push(r ? `• ${name}: ${when} — ${clip(r.detail ? `${r.action}: ${r.detail}` : r.action)}` : `• ${name}: not run yet`);
  }
  lines.push('', ...heldLines(ss));
  return lines.join('\n');
}

/** Mail the register keeps from being handled (Messages `held: …`), by reason: it waits for a fix, so About says so. */
function heldLines(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const sheet = ss.getSheetByName(MessagesTab.name);
  if (!sheet) return [];
  const { total, reasons } = heldSummary(readTable(sheetPort(sheet), MessagesTab).rows.map((r) => r.data.Action));
  if (total === 0) return ['Held mail: none.'];
  const shown = reasons.slice(0, 5).map((r) => `• ${r.count} × ${clip(r.reason)}`);
  const more = reasons.length > 5 ? [`• … and ${reasons.length - 5} other reasons (Messages tab, Action "held: …")`] : [];
  return [
    `Held mail: ${total} message${total === 1 ? '' : 's'} waiting for a fix in the register (every inbox check retries them):`,
    ...shown,
    ...more,
  ];
}

/** Menu "About". */
export function showAboutNow(): string {
  const ss = activeSpreadsheet();
  const text = aboutText(ss);
  SpreadsheetApp.getUi().alert('About Support Desk', text, SpreadsheetApp.getUi().ButtonSet.OK);
  return text;
}
