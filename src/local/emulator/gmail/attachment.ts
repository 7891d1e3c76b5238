import type { GmailEnv } from './env';
import type { AttachmentRecord } from './record';

/** GmailAttachment: the Blob-like view of one attachment. */
export class GmailAttachment {
  readonly [Symbol.toStringTag] = 'GmailApp.GmailAttachment';
  constructor(
    private readonly env: GmailEnv,
    private readonly rec: AttachmentRecord,
  ) {}

  private call(method: string): void {
    this.env.ctx.meter.call(`GmailApp.GmailAttachment.${method}`, { cheap: true });
  }

  getName(): string {
    this.call('getName');
    return this.rec.name;
  }
  getContentType(): string {
    this.call('getContentType');
    return this.rec.contentType;
  }
  getSize(): number {
    this.call('getSize');
    return this.rec.content.length;
  }
  /** Apps Script bytes are signed (Java bytes): -128..127. */
  getBytes(): number[] {
    this.call('getBytes');
    return this.env.ctx.realm.toRealm(Array.from(this.rec.content, (b) => (b > 127 ? b - 256 : b)));
  }
  getDataAsString(charset?: string): string {
    this.call('getDataAsString');
    const enc = (charset ?? 'utf-8').toLowerCase().replace('-', '');
    return this.rec.content.toString(enc === 'utf8' ? 'utf8' : enc === 'iso88591' || enc === 'latin1' ? 'latin1' : 'utf8');
  }
  isGoogleType(): boolean {
    this.call('isGoogleType');
    return false;
  }
}
