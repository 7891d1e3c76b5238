import type { ServiceContext } from '../context';

/**
 * HtmlService, as far as a bound script or add-on uses it for sidebars and dialogs:
 * HtmlOutput built from a string. The project ships one file (Code.js), so there are no
 * HTML files to load: createHtmlOutputFromFile / createTemplateFromFile fail exactly as
 * Apps Script does for a file that is not in the project, which is what a stray call
 * would do after `clasp push` of build/ alone.
 *
 * Quirks kept: the setters return the output for chaining; getContent() returns what was
 * given, untouched (Apps Script serves it inside its own sandboxed iframe); the IFRAME
 * sandbox mode is the only one left (the others are ignored since 2016); a sidebar is
 * always 300 px wide whatever setWidth says (UiRecorder keeps the requested width).
 */

export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The largest dimension Apps Script accepts for a dialog (it rejects larger ones). */
const MAX_SIZE = 4000;

export class HtmlOutput {
  private content: string;
  private title = '';
  private width = 0;
  private height = 0;
  private sandbox: string = SandboxMode.IFRAME;
  private xframe: string = XFrameOptionsMode.DEFAULT;
  private readonly metaTags: { name: string; content: string }[] = [];
  private favicon: string | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    content: string,
  ) {
    this.content = content;
  }

  private call(method: string): void {
    this.ctx.meter.call(`HtmlService.HtmlOutput.${method}`, { cheap: true });
  }

  private text(method: string, v: unknown): string {
    if (v === undefined || v === null)
      this.ctx.fail(
        `The parameters (${v === null ? 'null' : 'undefined'}) don't match the method signature for HtmlService.HtmlOutput.${method}.`,
      );
    return String(v);
  }

  private size(method: string, v: unknown): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      this.ctx.fail(`The parameters (${typeof v}) don't match the method signature for HtmlService.HtmlOutput.${method}.`);
    if ((v as number) > MAX_SIZE) this.ctx.fail(`Invalid argument: ${method === 'setWidth' ? 'width' : 'height'}`);
    return v as number;
  }

  getContent(): string {
    this.call('getContent');
    return this.content;
  }
  setContent(content: unknown): HtmlOutput {
    this.call('setContent');
    this.content = this.text('setContent', content);
    return this;
  }
  append(addedContent: unknown): HtmlOutput {
    this.call('append');
    this.content += this.text('append', addedContent);
    return this;
  }
  /** Appends text escaped as HTML (so it shows as typed, never as markup). */
  appendUntrusted(addedContent: unknown): HtmlOutput {
    this.call('appendUntrusted');
    this.content += escapeHtml(this.text('appendUntrusted', addedContent));
    return this;
  }
  clear(): HtmlOutput {
    this.call('clear');
    this.content = '';
    return this;
  }
  getTitle(): string {
    this.call('getTitle');
    return this.title;
  }
  setTitle(title: unknown): HtmlOutput {
    this.call('setTitle');
    this.title = this.text('setTitle', title);
    return this;
  }
  getWidth(): number {
    this.call('getWidth');
    return this.width;
  }
  setWidth(width: unknown): HtmlOutput {
    this.call('setWidth');
    this.width = this.size('setWidth', width);
    return this;
  }
  getHeight(): number {
    this.call('getHeight');
    return this.height;
  }
  setHeight(height: unknown): HtmlOutput {
    this.call('setHeight');
    this.height = this.size('setHeight', height);
    return this;
  }
  getSandboxMode(): string {
    this.call('getSandboxMode');
    return this.sandbox;
  }
  /** Ignored by Apps Script except IFRAME, which is the default anyway. */
  setSandboxMode(mode: unknown): HtmlOutput {
    this.call('setSandboxMode');
    if (mode === SandboxMode.IFRAME) this.sandbox = SandboxMode.IFRAME;
    return this;
  }
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    this.call('setXFrameOptionsMode');
    if (mode !== XFrameOptionsMode.ALLOWALL && mode !== XFrameOptionsMode.DEFAULT)
      this.ctx.fail(`The parameters (${String(mode)}) don't match the method signature for HtmlService.HtmlOutput.setXFrameOptionsMode.`);
    this.xframe = String(mode);
    return this;
  }
  addMetaTag(name: unknown, content: unknown): HtmlOutput {
    this.call('addMetaTag');
    const n = this.text('addMetaTag', name);
    // Apps Script allows only a few meta tags in served HTML.
    if (!['viewport', 'apple-mobile-web-app-capable', 'mobile-web-app-capable'].includes(n)) this.ctx.fail(`Meta tag ${n} is not allowed.`);
    this.metaTags.push({ name: n, content: this.text('addMetaTag', content) });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    this.call('getMetaTags');
    return this.metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  setFaviconUrl(url: unknown): HtmlOutput {
    this.call('setFaviconUrl');
    this.favicon = this.text('setFaviconUrl', url);
    return this;
  }
  getFaviconUrl(): string | null {
    this.call('getFaviconUrl');
    return this.favicon;
  }
  /** For tests: what the product configured, without metering. */
  inspect(): { content: string; title: string; width: number; height: number; xFrameOptions: string } {
    return { content: this.content, title: this.title, width: this.width, height: this.height, xFrameOptions: this.xframe };
  }
  toString(): string {
    return 'HtmlOutput';
  }
}

export function isHtmlOutput(v: unknown): v is HtmlOutput {
  return v instanceof HtmlOutput;
}

export function createHtmlService(ctx: ServiceContext) {
  const noFile = (name: unknown): never => ctx.fail(`No HTML file named ${String(name)} was found.`);
  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown): HtmlOutput {
      ctx.meter.call('HtmlService.createHtmlOutput', { cheap: true });
      if (html !== undefined && html !== null && typeof html === 'object') {
        // A Blob/BlobSource: the product never passes one, so refuse loudly rather than guess.
        ctx.fail('HtmlService.createHtmlOutput: the emulator supports HTML given as a string only.');
      }
      return new HtmlOutput(ctx, html === undefined || html === null ? '' : String(html));
    },
    createHtmlOutputFromFile(name: unknown): HtmlOutput {
      ctx.meter.call('HtmlService.createHtmlOutputFromFile', { cheap: true });
      return noFile(name);
    },
    createTemplateFromFile(name: unknown): never {
      ctx.meter.call('HtmlService.createTemplateFromFile', { cheap: true });
      return noFile(name);
    },
    createTemplate(): never {
      // Not used by the product (its sidebars fetch their data with google.script.run).
      return ctx.fail('HtmlService.createTemplate is not emulated: build the page with createHtmlOutput.');
    },
    getUserAgent(): string {
      ctx.meter.call('HtmlService.getUserAgent', { cheap: true });
      return 'Mozilla/5.0 (emulated Apps Script)';
    },
    toString: () => 'HtmlService',
  };
}
