import fc from 'fast-check';
import { escalationDigests, utf8Length } from '../../src/core/notify/index';
import type { OutgoingMail } from '../../src/core/notify/index';

const escalation = fc.record({
  n: fc.nat({ max: 999_999 }),
  body: fc.array(fc.string({ unit: 'grapheme', maxLength: 120 }), { minLength: 1, maxLength: 12 }),
});

function mailOf(e: { n: number; body: string[] }): OutgoingMail {
  return {
    to: ['csm@helpdesk.test'],
    cc: [],
    subject: `[#T-${String(e.n).padStart(6, '0')}] Escalation tier 1`,
    body: `${e.body.join('\n')}\n— Support Desk for Sheets (SLA sweep)\n`,
  };
}

describe('escalation digests split under a body size', () => {
  it('every escalation is in exactly one part, in order, and no part with two or more passes the size', () => {
    fc.assert(
      fc.property(fc.array(escalation, { minLength: 2, maxLength: 60 }), fc.integer({ min: 1_000, max: 20_000 }), (es, max) => {
        const mails = es.map(mailOf);
        const parts = escalationDigests(mails, ['csm@helpdesk.test'], [], max);
        expect(parts.flatMap((p) => p.members)).toEqual(mails.map((_, i) => i));
        for (const p of parts) {
          if (p.members.length > 1) expect(utf8Length(p.mail.body) + utf8Length(p.mail.subject)).toBeLessThanOrEqual(max);
          for (const i of p.members) expect(p.mail.body).toContain(mails[i]!.subject);
        }
        if (parts.length > 1) expect(parts.every((p, k) => p.mail.subject.endsWith(`(part ${k + 1} of ${parts.length})`))).toBe(true);
      }),
    );
  });

  it('one audience that fits gets one digest with no part label', () => {
    const mails = [1, 2, 3].map((n) => mailOf({ n, body: ['Breached.'] }));
    const parts = escalationDigests(mails, ['csm@helpdesk.test'], [], 100 * 1024);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.mail.subject).toBe('Escalations: 3 tickets need attention');
  });

  it('counts bytes as UTF-8 does', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});
