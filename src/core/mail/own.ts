/**
 * Mail the product sends shows up in the ticket's thread like any other message (Gmail
 * files replies there). Apps Script cannot set custom headers, so our mail carries a
 * reference line at the end of its body; a message from the support address with that
 * line is our own and never counts as a staff response or a customer reply. A person
 * replying from the support mailbox does not write it, so they stay staff.
 */
export type OwnMailKind = 'ack' | 'unregistered' | 'notice';

const LINE = /Support Desk ref: (ack|unregistered|notice) ([A-Za-z0-9#._@<>-]+)/;

export function ownMarker(kind: OwnMailKind, key: string): string {
  return `Support Desk ref: ${kind} ${key}`;
}

export interface OwnMark {
  readonly kind: OwnMailKind;
  readonly key: string;
}

/**
 * The reference line of our own mail. Only the body's last lines count: a customer who
 * quotes our acknowledgement in a reply quotes it with "> " (or above their text), so a
 * quoted copy never turns their mail into ours.
 */
export function ownMarkIn(body: string): OwnMark | null {
  const lines = body.replace(/\s+$/, '').split(/\r?\n/);
  for (const line of lines.slice(-3)) {
    const m = LINE.exec(line);
    if (m && !/^\s*>/.test(line)) return { kind: m[1] as OwnMailKind, key: m[2]! };
  }
  return null;
}
