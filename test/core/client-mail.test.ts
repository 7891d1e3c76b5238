import { acknowledgement } from '../../src/core/mail/ack';
import { closedThanks, reopenedNotice } from '../../src/core/mail/closed-thanks';
import type { Tier } from '../../src/core/escalation/index';
import { autoClosedMail } from '../../src/core/notify/auto-closed';
import { clientEscalationReply } from '../../src/core/notify/client-escalation';
import { closedMail } from '../../src/core/notify/closed';
import { asLetter } from '../../src/core/notify/letter';
import { resolvedMail } from '../../src/core/notify/status';
import type { OutgoingMail, TicketBrief } from '../../src/core/notify/types';
import { waitingMail } from '../../src/core/notify/waiting';
import type { TicketId } from '../../src/core/types/ids';

const id = 'T-000042' as TicketId;
const brief: TicketBrief = {
  ticketId: id,
  clientId: 'RIDGE',
  clientName: 'Ridge Analytics',
  subject: 'Export fails',
  priority: 'High',
  status: 'Resolved',
  assignee: 'sam@helpdesk.test',
  requester: 'ann@ridge.example',
  link: '',
  zone: 'America/Denver',
};
const at = Date.UTC(2026, 10, 2, 17);
const mail = (subject: string, body: string): OutgoingMail => ({ to: ['ann@ridge.example'], cc: [], subject, body });
const director: Tier = {
  tier: 2,
  title: 'Director Client Success',
  name: 'Dana Reyes',
  email: '',
  when: { kind: 'breached', afterHours: 0 } as Tier['when'],
};

/** Every mail a client receives about their ticket, as the product writes it. */
const kinds: [string, OutgoingMail][] = [
  [
    'acknowledgement',
    (() => {
      const a = acknowledgement({
        ticketId: id,
        subject: 'Export fails',
        requesterName: '',
        priority: 'High',
        firstResponseDue: { ms: at + 3_600_000, timeZone: 'America/Denver' },
        now: at,
        articles: [],
        followers: [],
      });
      return mail(a.subject, a.body);
    })(),
  ],
  ['resolved', resolvedMail(brief, [], at)],
  ['waiting on customer', waitingMail(brief, [], 'The export file name and the time you ran it.')],
  ['closed by hand', closedMail(id, 'Export fails', 'ann@ridge.example', [])],
  ['auto-closed', autoClosedMail(brief, [], 5, at)],
  [
    'closed on agreement',
    (() => {
      const t = closedThanks(id, 'Export fails', '', 'k');
      return mail(t.subject, t.body);
    })(),
  ],
  [
    'reopened',
    (() => {
      const t = reopenedNotice(id, 'Export fails', '', 'k');
      return mail(t.subject, t.body);
    })(),
  ],
  ['escalated on request', clientEscalationReply(brief, director, true, 'ann@ridge.example', [], '')],
];

describe('mail to a client reads like a person wrote it', () => {
  it.each(kinds)(
    '%s: greets the contact by name, keeps the ticket tag, says what happened and what they can do, signs as the provider, plain and HTML',
    (_, raw) => {
      const m = asLetter(raw, { name: 'Ann Lee', provider: 'Ridge Support at Helpdesk' });
      const paragraphs = m.body.trim().split(/\n\s*\n/);
      expect(paragraphs[0]).toBe('Hello Ann Lee,');
      expect(m.subject).toContain(`[#${id}]`);
      // What happened: one sentence that names the ticket.
      expect(paragraphs[1]).toMatch(/T-000042/);
      expect(paragraphs[1]!.split('\n')[0]).toMatch(/^[^.!?]+[.!?:]$|^[^\n]+\.$/);
      // What they can do.
      expect(m.body).toMatch(/\b(reply|replying|write|keep)\b/i);
      expect(m.body.split('\n')).toContain('Ridge Support at Helpdesk');
      expect(m.body).not.toMatch(/The Support team/);
      expect(m.htmlBody).toBeDefined();
      expect(m.htmlBody).toContain('<p>Hello Ann Lee,</p>');
      expect(m.htmlBody).toContain('Ridge Support at Helpdesk');
      // The HTML says what the text says.
      const htmlText = m
        .htmlBody!.replace(/<br>/g, '\n')
        .replace(/<\/p><p>/g, '\n\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      expect(htmlText.replace(/\s+/g, ' ').trim()).toBe(m.body.replace(/\s+/g, ' ').trim());
    },
  );

  it('a contact with no name on file is greeted "Hello,"; a name cannot carry markup or lines into the mail', () => {
    const [, raw] = kinds[1]!;
    expect(asLetter(raw, { name: '', provider: 'X' }).body).toMatch(/^Hello,\n/);
    const m = asLetter(raw, { name: 'Ann\n<script>x</script>', provider: 'X' });
    expect(m.body.split('\n')[0]).toBe('Hello Ann script x /script ,'.replace(' ,', ','));
    expect(m.htmlBody).not.toContain('<script>');
  });

  it('mail to staff is left as it is', () => {
    const staff = mail('[#T-000042] Escalation tier 1', 'Ticket T-000042 needs attention.\n— Support Desk for Sheets (SLA sweep)\n');
    expect(asLetter(staff, { name: 'Ann', provider: 'X' })).toBe(staff);
  });
});
