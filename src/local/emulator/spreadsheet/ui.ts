import type { Env } from './env';
import { MSG } from './messages';
import type { ButtonName, ButtonSetName, MenuEntry, MenuRecord } from './ui-recorder';

/** Enums Ui.Button and Ui.ButtonSet (names as values, so `response == ui.Button.OK` holds). */
export const Button = Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const);
export const ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const);

const FIRST_BUTTON: Record<ButtonSetName, ButtonName> = { OK: 'OK', OK_CANCEL: 'OK', YES_NO: 'YES', YES_NO_CANCEL: 'YES' };

function buttonSet(v: unknown): ButtonSetName | undefined {
  return typeof v === 'string' && v in ButtonSet ? (v as ButtonSetName) : undefined;
}

/** Ui.Menu: built up, then recorded by addToUi(). */
export class Menu {
  private readonly items: MenuEntry[] = [];
  constructor(
    private readonly env: Env,
    private readonly caption: string,
    private readonly addon: boolean,
  ) {}
  record(): MenuRecord {
    return {
      caption: this.caption,
      addon: this.addon,
      items: this.items.map((i) => (i.type === 'submenu' ? { type: 'submenu', menu: i.menu } : { ...i })),
    };
  }
  addItem(caption: string, functionName: string): Menu {
    this.env.call('Menu.addItem', { cheap: true });
    this.items.push({ type: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): Menu {
    this.env.call('Menu.addSeparator', { cheap: true });
    this.items.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    this.env.call('Menu.addSubMenu', { cheap: true });
    if (!(menu instanceof Menu)) this.env.ctx.fail(MSG.signature('SpreadsheetApp.Menu.addSubMenu'));
    this.items.push({ type: 'submenu', menu: menu.record() });
    return this;
  }
  addToUi(): void {
    this.env.call('Menu.addToUi');
    this.env.workbook.ui.menus.push(this.record());
  }
  toString(): string {
    return 'Menu';
  }
}

/** Ui.PromptResponse. */
export class PromptResponse {
  constructor(
    private readonly button: ButtonName,
    private readonly text: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): ButtonName {
    return this.button;
  }
  toString(): string {
    return 'PromptResponse';
  }
}

/**
 * SpreadsheetApp.getUi(). Dialogs never block: the answer comes from the recorder's
 * queued responses, and every dialog is recorded.
 */
export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(private readonly env: Env) {}

  private get recorder() {
    return this.env.workbook.ui;
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  private dialogArgs(args: unknown[]): { title: string; prompt: string; buttons: ButtonSetName } {
    const [a, b, c] = args;
    if (args.length >= 3) return { title: String(a), prompt: String(b), buttons: buttonSet(c) ?? 'OK' };
    if (args.length === 2 && buttonSet(b)) return { title: '', prompt: String(a), buttons: buttonSet(b)! };
    if (args.length === 2) return { title: String(a), prompt: String(b), buttons: 'OK' };
    return { title: '', prompt: String(a ?? ''), buttons: 'OK' };
  }

  alert(...args: unknown[]): ButtonName {
    this.env.call('Ui.alert');
    const d = this.dialogArgs(args);
    const response = this.recorder.alertResponses.shift() ?? FIRST_BUTTON[d.buttons];
    this.recorder.alerts.push({ ...d, response, at: this.env.ctx.clock.now() });
    return response;
  }

  prompt(...args: unknown[]): PromptResponse {
    this.env.call('Ui.prompt');
    const d =
      args.length === 2 && buttonSet(args[1]) === undefined
        ? { title: String(args[0]), prompt: String(args[1]), buttons: 'OK' as const }
        : this.dialogArgs(args);
    const response = this.recorder.promptResponses.shift() ?? { button: FIRST_BUTTON[d.buttons], text: '' };
    this.recorder.prompts.push({ ...d, response, at: this.env.ctx.clock.now() });
    return new PromptResponse(response.button, response.text);
  }

  createMenu(caption: string): Menu {
    this.env.call('Ui.createMenu', { cheap: true });
    return new Menu(this.env, String(caption), false);
  }

  createAddonMenu(): Menu {
    this.env.call('Ui.createAddonMenu', { cheap: true });
    return new Menu(this.env, '(add-on)', true);
  }

  showSidebar(html: unknown): void {
    this.env.call('Ui.showSidebar');
    const title =
      typeof (html as { getTitle?: unknown })?.getTitle === 'function' ? String((html as { getTitle(): unknown }).getTitle()) : null;
    this.recorder.dialogs.push({ kind: 'sidebar', html, title, at: this.env.ctx.clock.now() });
  }

  showModalDialog(html: unknown, title: string): void {
    this.env.call('Ui.showModalDialog');
    this.recorder.dialogs.push({ kind: 'modal', html, title: String(title), at: this.env.ctx.clock.now() });
  }

  showModelessDialog(html: unknown, title: string): void {
    this.env.call('Ui.showModelessDialog');
    this.recorder.dialogs.push({ kind: 'modeless', html, title: String(title), at: this.env.ctx.clock.now() });
  }

  toString(): string {
    return 'Ui';
  }
}

export function getUi(env: Env): Ui {
  if (!env.workbook.ui.available) env.ctx.fail(MSG.uiContext);
  return new Ui(env);
}
