/** What the emulated Sheets UI showed, and how the "user" answers dialogs, for tests. */

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  caption: string;
  /** True for createAddonMenu() menus (shown under Extensions). */
  addon: boolean;
  items: MenuEntry[];
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: number;
}

export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  response: ButtonName;
  at: number;
}

export interface PromptRecord extends Omit<AlertRecord, 'response'> {
  response: { button: ButtonName; text: string };
}

export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  /** Whatever HtmlOutput the product passed. */
  html: unknown;
  title: string | null;
  at: number;
}

export class UiRecorder {
  readonly menus: MenuRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  /**
   * False when the script runs where no editor is open (time-driven triggers): then
   * getUi() throws as in Apps Script.
   */
  available = true;
  /** Answers to the next alerts, consumed in order; when empty the set's first button. */
  readonly alertResponses: ButtonName[] = [];
  /** Answers to the next prompts, consumed in order; when empty OK with ''. */
  readonly promptResponses: { button: ButtonName; text: string }[] = [];

  /** The menu added last with this caption. */
  menu(caption: string): MenuRecord | undefined {
    for (let i = this.menus.length - 1; i >= 0; i--) if (this.menus[i]!.caption === caption) return this.menus[i];
    return undefined;
  }

  clear(): void {
    this.menus.length = 0;
    this.toasts.length = 0;
    this.alerts.length = 0;
    this.prompts.length = 0;
    this.dialogs.length = 0;
  }
}
