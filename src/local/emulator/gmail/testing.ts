import { Clock } from '../clock';
import type { ServiceContext } from '../context';
import { Meter } from '../meter';
import { createRealm } from '../realm';

/** Fixtures for tests and demos that exercise the Gmail emulator. */
export function makeContext(start = Date.UTC(2026, 10, 2, 15), user = 'support@acme.test'): ServiceContext {
  const clock = new Clock(start);
  const meter = new Meter();
  const realm = createRealm(() => clock.now());
  return {
    clock,
    meter,
    realm,
    inDocument: () => true,
    user,
    fail(m) {
      throw realm.error(m);
    },
  };
}

export interface EmlSpec {
  from: string;
  to?: string;
  cc?: string;
  subject: string;
  date: number;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  body?: string;
  headers?: Record<string, string>;
}

/** A minimal RFC 5322 message. */
export function eml(s: EmlSpec): string {
  const lines = [
    `From: ${s.from}`,
    `To: ${s.to ?? 'support@acme.test'}`,
    ...(s.cc ? [`Cc: ${s.cc}`] : []),
    `Subject: ${s.subject}`,
    `Date: ${new Date(s.date).toUTCString().replace(/GMT$/, '+0000')}`,
    ...(s.messageId ? [`Message-ID: ${s.messageId}`] : []),
    ...(s.inReplyTo ? [`In-Reply-To: ${s.inReplyTo}`] : []),
    ...(s.references ? [`References: ${s.references.join(' ')}`] : []),
    ...Object.entries(s.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    s.body ?? 'Hello',
    '',
  ];
  return lines.join('\r\n');
}
