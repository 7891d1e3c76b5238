/**
 * Who installed the automation on this spreadsheet. Apps Script shows a user only their own
 * triggers (ScriptApp.getProjectTriggers / getUserTriggers: "owned by this user"), and an
 * installable trigger runs as — and mails from — the person who created it, so a second
 * admin's "Install automation" silently doubles every job. Each install therefore records
 * its owner in a document property (one per person, overwritten by their reinstall,
 * deleted by their "Remove automation"), which every user of the sheet can read.
 */
const PREFIX = 'automation.installedBy.';

export interface Installer {
  readonly email: string;
  readonly at: number;
  readonly triggers: readonly string[];
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function recordInstaller(email: string, triggers: readonly string[]): void {
  props().setProperty(PREFIX + email, JSON.stringify({ at: Date.now(), triggers }));
}

export function forgetInstaller(email: string): void {
  props().deleteProperty(PREFIX + email);
}

/** Everyone recorded as having installed automation here, oldest first; unreadable entries skipped. */
export function installers(): Installer[] {
  const all = props().getProperties();
  const out: Installer[] = [];
  for (const key of Object.keys(all)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const v = JSON.parse(all[key]!) as Partial<Installer>;
      if (typeof v.at === 'number' && Array.isArray(v.triggers))
        out.push({ email: key.slice(PREFIX.length), at: v.at, triggers: v.triggers.map(String) });
    } catch {
      // skip a hand-edited entry
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The current user's address: the owner of the triggers this execution creates. */
export function currentUser(): string {
  return Session.getEffectiveUser().getEmail().toLowerCase();
}

/** The warning when someone else has installed automation on this sheet too, or ''. */
export function otherInstallersWarning(me: string): string {
  const others = installers().filter((i) => i.email !== me);
  if (others.length === 0) return '';
  const names = others.map((o) => o.email).join(', ');
  return `Automation is also installed by ${names}: every job then runs once per person, and mail goes out from each account. Keep one: the others use Support Desk → Remove automation.`;
}
