import type { Env } from './env';
import type { Range } from './range';
import type { ProtectionSpec } from './specs';

/** Enum SpreadsheetApp.ProtectionType. */
export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });

/** Session.User as far as protections hand them out. */
export class User {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

function emailOf(who: unknown): string {
  if (who && typeof who === 'object' && typeof (who as { getEmail?: unknown }).getEmail === 'function')
    return String((who as User).getEmail());
  return String(who);
}

/**
 * SpreadsheetApp.Protection. The script runs as the owner, who may always edit, so a
 * protection never blocks the script's own writes (as in Apps Script).
 */
export class Protection {
  constructor(
    private readonly env: Env,
    private readonly spec: ProtectionSpec,
  ) {}

  private sheetModel() {
    return this.env.workbook.sheetById(this.spec.sheetId);
  }

  getProtectionType(): string {
    this.env.call('Protection.getProtectionType', { cheap: true });
    return this.spec.type;
  }
  getDescription(): string {
    this.env.call('Protection.getDescription', { cheap: true });
    return this.spec.description;
  }
  setDescription(description: string): Protection {
    this.env.call('Protection.setDescription');
    this.spec.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    this.env.call('Protection.isWarningOnly', { cheap: true });
    return this.spec.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this.env.call('Protection.setWarningOnly');
    this.spec.warningOnly = Boolean(warningOnly);
    return this;
  }
  getRange(): Range {
    this.env.call('Protection.getRange', { cheap: true });
    const sheet = this.sheetModel();
    if (!sheet) return this.env.ctx.fail('This protected range has been deleted.');
    if (this.spec.range) return this.env.rangeOf(this.spec.range) ?? this.env.ctx.fail('This protected range has been deleted.');
    return this.env.range(sheet, 1, 1, sheet.maxRows, sheet.maxColumns);
  }
  /** Apps Script's setRange: "Adjusts the range that is being protected" (a sheet protection has no range to adjust). */
  setRange(range: Range): Protection {
    this.env.call('Protection.setRange');
    if (this.spec.type !== 'RANGE') return this.env.ctx.fail('This operation is not supported on a protected sheet.');
    const ref = range.ref();
    // Kept on its own sheet's list: moving a protection to another sheet is not modelled.
    if (ref.sheetId !== this.spec.sheetId) return this.env.ctx.fail('The range must be on the sheet of this protection.');
    this.spec.range = ref;
    return this;
  }
  getRangeName(): string | null {
    this.env.call('Protection.getRangeName', { cheap: true });
    return null;
  }
  canEdit(): boolean {
    this.env.call('Protection.canEdit', { cheap: true });
    return true;
  }
  canDomainEdit(): boolean {
    this.env.call('Protection.canDomainEdit', { cheap: true });
    return this.spec.domainEdit;
  }
  setDomainEdit(editable: boolean): Protection {
    this.env.call('Protection.setDomainEdit');
    this.spec.domainEdit = Boolean(editable);
    return this;
  }
  getEditors(): User[] {
    this.env.call('Protection.getEditors');
    return this.env.ctx.realm.toRealm(this.spec.editors.map((e) => new User(e)));
  }
  addEditor(who: unknown): Protection {
    this.env.call('Protection.addEditor');
    const email = emailOf(who);
    if (!this.spec.editors.includes(email)) this.spec.editors.push(email);
    return this;
  }
  addEditors(who: unknown[]): Protection {
    this.env.call('Protection.addEditors');
    for (const w of who) {
      const email = emailOf(w);
      if (!this.spec.editors.includes(email)) this.spec.editors.push(email);
    }
    return this;
  }
  removeEditor(who: unknown): Protection {
    this.env.call('Protection.removeEditor');
    this.drop([emailOf(who)]);
    return this;
  }
  removeEditors(who: unknown[]): Protection {
    this.env.call('Protection.removeEditors');
    this.drop(who.map(emailOf));
    return this;
  }
  /** The owner (the script's user) cannot be removed. */
  private drop(emails: string[]): void {
    const keep = this.spec.editors.filter((e) => e === this.env.ctx.user || !emails.includes(e));
    this.spec.editors.splice(0, this.spec.editors.length, ...keep);
  }
  setUnprotectedRanges(ranges: Range[]): Protection {
    this.env.call('Protection.setUnprotectedRanges');
    if (this.spec.type !== 'SHEET') return this;
    this.spec.unprotected = ranges.map((r) => r.ref());
    return this;
  }
  getUnprotectedRanges(): Range[] {
    this.env.call('Protection.getUnprotectedRanges');
    const ranges = this.spec.unprotected.map((ref) => this.env.rangeOf(ref)).filter((r): r is Range => r !== null);
    return this.env.ctx.realm.toRealm(ranges);
  }
  remove(): void {
    this.env.call('Protection.remove');
    const list = this.sheetModel()?.protections;
    const i = list ? list.indexOf(this.spec) : -1;
    if (list && i >= 0) list.splice(i, 1);
  }
  toString(): string {
    return 'Protection';
  }
}
