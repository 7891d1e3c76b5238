/** Builds plain RFC 5322 messages for the demo inbox. */
export interface DemoMail {
  readonly from: string;
  readonly to: string;
  readonly cc?: string;
  readonly subject: string;
  readonly at: number;
  readonly messageId: string;
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly contentType?: string;
}

const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace(/GMT$/, '+0000');

export function rawMail(m: DemoMail): string {
  const lines = [
    `From: ${m.from}`,
    `To: ${m.to}`,
    ...(m.cc ? [`Cc: ${m.cc}`] : []),
    `Subject: ${m.subject}`,
    `Date: ${rfc2822(m.at)}`,
    `Message-ID: ${m.messageId}`,
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
    ...(m.references?.length ? [`References: ${m.references.join(' ')}`] : []),
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    `Content-Type: ${m.contentType ?? 'text/plain; charset=utf-8'}`,
    '',
    m.body,
    '',
  ];
  return lines.join('\r\n');
}
