import { DateTime } from 'luxon';
import { ALL_TABS, SettingsTab } from '../register/tabs';
import { readTable } from '../register/table';
import { SCHEDULED } from './triggers';
import { currentUser, installers } from './installers';
import { isAddOn } from './document';
import { ADDON_SCOPES, BOUND_SCOPES } from './required-scopes';
import { settingsOf } from './settings';
import { sheetPort } from './sheet-port';
import { SETTINGS } from '../register/settings/spec';

/**
 * Menu "Check installation": a read-only check of everything the deployed script depends on
 * in the real account, for the person doing a first deployment (docs/first-deploy.md). Each
 * check is a documented call made the way the jobs make it; one that throws fails with
 * Apps Script's own message. Nothing is written but one Log line.
 */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * ScriptApp.getAuthorizationInfo(authMode, oAuthScopes) and AuthorizationInfo.getAuthorizedScopes()
 * ("returns the authorized scopes from the specified list", String[]|null) are in Google's
 * ScriptApp / AuthorizationInfo reference but not yet in @types/google-apps-script.
 */
interface ScopedAuthorization {
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): { getAuthorizedScopes(): string[] | null };
}

type Check = { name: string; run: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => { ok: boolean; detail: string } };

const pass = (detail: string) => ({ ok: true, detail });
const fail = (detail: string) => ({ ok: false, detail });

const CHECKS: readonly Check[] = [
  {
    name: 'Permissions granted',
    run: () => {
      const needed = isAddOn() ? ADDON_SCOPES : BOUND_SCOPES;
      const info = (ScriptApp as unknown as ScopedAuthorization).getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...needed]);
      const granted = new Set(info.getAuthorizedScopes() ?? []);
      const missing = needed.filter((s) => !granted.has(s));
      return missing.length
        ? fail(`not granted: ${missing.join(', ')}. Run any Support Desk menu item and allow every permission asked.`)
        : pass(`all ${needed.length} scopes granted`);
    },
  },
  {
    name: 'Time zones (Intl) and luxon',
    run: () => {
      // Daylight saving in Denver on 8 March 2026: UTC−7 before 2 am, UTC−6 after.
      const before = DateTime.fromISO('2026-03-08T01:30', { zone: 'America/Denver' }).offset;
      const after = DateTime.fromISO('2026-03-08T03:30', { zone: 'America/Denver' }).offset;
      const text = new Intl.DateTimeFormat('en-US', {
        timeZone: 'Asia/Kolkata',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(Date.UTC(2026, 0, 1, 0, 0)));
      return before === -420 && after === -360 && text === '05:30'
        ? pass('IANA zones, daylight saving and formatting work')
        : fail(`unexpected zone arithmetic (Denver ${before}/${after} min, Kolkata ${text}): dates and deadlines would be wrong`);
    },
  },
  {
    name: 'JavaScript runtime',
    run: () => {
      // What the bundle calls that is newer than ES2017; each must be a function here.
      const needed: Record<string, unknown> = {
        'Intl.DateTimeFormat': Intl.DateTimeFormat,
        'Intl.NumberFormat': Intl.NumberFormat,
        'Intl.ListFormat': (Intl as unknown as Record<string, unknown>)['ListFormat'],
        'Object.fromEntries': Object.fromEntries,
        'Array.prototype.flatMap': Array.prototype.flatMap,
        'String.prototype.replaceAll': (String.prototype as unknown as Record<string, unknown>)['replaceAll'],
      };
      const missing = Object.keys(needed).filter((k) => typeof needed[k] !== 'function');
      // Builtins the emulator leaves out because Apps Script is not confirmed to have them (unused by the bundle).
      const g = globalThis as unknown as Record<string, unknown>;
      const extra = ['SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry', 'WebAssembly'].filter(
        (k) => typeof g[k] !== 'undefined',
      );
      const intl = Intl as unknown as Record<string, unknown>;
      extra.push(...['Segmenter'].filter((k) => typeof intl[k] !== 'undefined').map((k) => `Intl.${k}`));
      return missing.length
        ? fail(`missing ${missing.join(', ')}: the bundle needs them; report it`)
        : pass(`the builtins the bundle uses are there; also present, unused: ${extra.join(', ') || 'none'}`);
    },
  },
  {
    name: 'Document lock',
    run: () => {
      const lock = LockService.getDocumentLock();
      if (!lock) return fail('LockService.getDocumentLock() is null here: jobs could overlap');
      if (!lock.tryLock(10_000)) return fail('another Support Desk job holds the lock; run the check again in a minute');
      lock.releaseLock();
      return pass(isAddOn() ? 'available (the hourly trigger, outside the document, uses the user lock)' : 'available');
    },
  },
  {
    name: 'Document properties',
    run: () => {
      const props = PropertiesService.getDocumentProperties();
      if (!props) return fail('PropertiesService.getDocumentProperties() is null here');
      return pass(`readable (${props.getKeys().length} keys)`);
    },
  },
  {
    name: 'Triggers',
    run: (ss) => {
      const me = currentUser();
      const mine = ScriptApp.getUserTriggers(ss)
        .map((t) => t.getHandlerFunction())
        .filter((h) => (SCHEDULED as readonly string[]).includes(h));
      const people = installers().map((i) => i.email);
      const others = people.filter((p) => p !== me);
      if (mine.length && others.length)
        return fail(`installed by you (${me}) and by ${others.join(', ')}: every job runs twice. Keep one (Remove automation).`);
      if (mine.length) return pass(`yours (${me}): ${mine.join(', ')}`);
      if (others.length) return pass(`installed by ${others.join(', ')} (their triggers are not visible to you)`);
      return fail('none installed: use Support Desk → Install automation');
    },
  },
  {
    name: 'Gmail search (Ingest query)',
    run: (ss) => {
      const query = settingsOf(ss).settings.ingestQuery;
      const found = GmailApp.search(query, 0, 1).length;
      return pass(`"${query}" searched as ${currentUser()}: ${found ? 'mail found' : 'no mail matches yet'}`);
    },
  },
  {
    name: 'Mail quota',
    run: (ss) => {
      const left = MailApp.getRemainingDailyQuota();
      const reserve = settingsOf(ss).settings.mailQuotaReserve;
      return left > reserve
        ? pass(`${left} recipients left today (reserve ${reserve})`)
        : fail(`${left} recipients left today, at or under the reserve of ${reserve}: mail is held as drafts until the quota resets`);
    },
  },
  {
    name: 'Register tabs and headers',
    run: (ss) => {
      const problems: string[] = [];
      for (const spec of ALL_TABS) {
        const sheet = ss.getSheetByName(spec.name);
        if (!sheet) {
          problems.push(`${spec.name} missing`);
          continue;
        }
        const table = readTable(sheetPort(sheet), spec);
        const needed = new Set(Object.values(spec.needs ?? {}).flat());
        const missing = table.missing.filter((h) => needed.has(h));
        if (missing.length) problems.push(`${spec.name} lacks ${missing.join(', ')}`);
      }
      return problems.length
        ? fail(`${problems.join('; ')}. Run Support Desk → Set up register.`)
        : pass(`${ALL_TABS.length} tabs with their headers`);
    },
  },
  {
    name: 'Time zones of sheet, script and provider',
    run: (ss) => {
      const sheet = ss.getSpreadsheetTimeZone();
      const script = Session.getScriptTimeZone();
      const provider = settingsOf(ss).settings.providerZone;
      const zones = `sheet ${sheet}, script ${script}, ${SettingsTab.name} → ${SETTINGS.providerZone.key} ${provider}`;
      return sheet === provider && script === sheet
        ? pass(zones)
        : fail(
            `${zones}: dates typed in the sheet are read in the sheet's zone and months close in the provider's; set them alike (File → Settings) unless that is meant`,
          );
    },
  },
];

/** Runs every check; a check that throws fails with the error's message. */
export function runChecks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CheckResult[] {
  return CHECKS.map((c) => {
    try {
      const r = c.run(ss);
      return { name: c.name, ...r };
    } catch (e) {
      return { name: c.name, ok: false, detail: e instanceof Error ? e.message : String(e) };
    }
  });
}

export function checksText(results: readonly CheckResult[]): string {
  const failed = results.filter((r) => !r.ok).length;
  const head = failed ? `${failed} of ${results.length} checks failed.` : `All ${results.length} checks passed.`;
  return [head, '', ...results.map((r) => `${r.ok ? 'PASS' : 'FAIL'}  ${r.name}: ${r.detail}`)].join('\n');
}
