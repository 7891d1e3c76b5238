import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAction,
  heldAction,
  heldReason,
  isHeld,
  parseAction,
  REPLY_KINDS,
  REPLY_OUTCOMES,
  withOutcome,
  type MessageAction,
} from '../../src/core/mail/message-action';
import { mayAcknowledge, mayReplyToUnregistered, type RepliedMessage } from '../../src/core/mail/reply-limits';

const HOUR = 60 * 60 * 1000;

describe('Messages → Action grammar', () => {
  it('reads the texts earlier versions wrote', () => {
    expect(parseAction('opened T-000012; acknowledgement queued')).toEqual({
      event: 'opened T-000012',
      reply: { kind: 'acknowledgement', outcome: 'queued' },
    });
    expect(parseAction('opened T-000012; acknowledgement held as draft').reply?.outcome).toBe('draft');
    expect(parseAction('opened T-000012; not acknowledged: staff replied first').reply?.outcome).toBe('withdrawn');
    expect(parseAction('opened T-000013; not acknowledged: 3 per hour already').reply).toEqual({
      kind: 'acknowledgement',
      outcome: 'limited',
      limit: 3,
    });
    expect(parseAction('unregistered sender: no ticket; replied').reply).toEqual({ kind: 'reply', outcome: 'sent' });
    expect(parseAction('unregistered sender: no ticket; no reply: already answered today').reply).toEqual({
      kind: 'reply',
      outcome: 'skipped',
    });
    // An event with its own "; …" and no reply part, and a person's note, are all event.
    expect(parseAction('added to T-000001 (thread); reopened')).toEqual({ event: 'added to T-000001 (thread); reopened', reply: null });
    expect(parseAction('checked by Ann')).toEqual({ event: 'checked by Ann', reply: null });
  });

  it('formats what it parses, for every kind and outcome (property)', () => {
    const event = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && !s.includes(';'));
    const action = fc.record({
      event,
      reply: fc.option(
        fc
          .record({
            kind: fc.constantFrom(...REPLY_KINDS),
            outcome: fc.constantFrom(...REPLY_OUTCOMES),
            limit: fc.integer({ min: 0, max: 99 }),
          })
          .map((r) =>
            r.outcome === 'limited' && r.kind === 'acknowledgement'
              ? r
              : { kind: r.kind, outcome: r.outcome === 'limited' ? ('sent' as const) : r.outcome },
          ),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(action, (a: MessageAction) => {
        expect(parseAction(formatAction(a))).toEqual(a);
      }),
    );
  });

  it('a held message reads back as held with its reason (even one with semicolons); no earlier text reads as held', () => {
    const reason = 'the Clients row of CANYON has a problem (Hourly rate: not a number; CSM email: not an email)';
    const back = parseAction(formatAction(heldAction(reason)));
    expect(isHeld(back)).toBe(true);
    expect(heldReason(back)).toBe(reason);
    expect(back.reply).toBeNull();
    for (const old of [
      'contact of unknown client CANYON: no ticket',
      'opened T-000012; acknowledgement sent',
      'unregistered sender: no ticket; replied',
      'added to T-000001 (thread)',
    ]) {
      expect(isHeld(parseAction(old))).toBe(false);
    }
  });

  it('records an outcome without touching the event', () => {
    const a = parseAction('opened T-000012; acknowledgement queued');
    expect(formatAction(withOutcome(a, 'sent'))).toBe('opened T-000012; acknowledgement sent');
    expect(formatAction(withOutcome(parseAction('unregistered sender: no ticket; reply queued'), 'sent'))).toBe(
      'unregistered sender: no ticket; replied',
    );
    expect(withOutcome(parseAction('added to T-1 (thread)'), 'sent')).toEqual(parseAction('added to T-1 (thread)'));
  });
});

describe('reply limits over the parsed ledger', () => {
  const now = Date.UTC(2026, 8, 8, 18);
  const row = (at: number, text: string, over: Partial<RepliedMessage> = {}): RepliedMessage => ({
    from: 'ann@acme.test',
    at,
    thisRun: false,
    reply: parseAction(text).reply,
    ...over,
  });

  it('at most N acknowledgements an hour: queued, sent and drafted count; withdrawn, failed and limited do not', () => {
    const ledger = [
      row(now - 10 * 60_000, 'opened T-1; acknowledgement sent'),
      row(now - 20 * 60_000, 'opened T-2; acknowledgement held as draft'),
    ];
    expect(mayAcknowledge(ledger, 'ann@acme.test', now, 3)).toBe(true);
    expect(mayAcknowledge([...ledger, row(now - 1000, 'opened T-3; acknowledgement queued')], 'ann@acme.test', now, 3)).toBe(false);
    const notCounted = [
      'opened T-3; not acknowledged: staff replied first',
      'opened T-3; acknowledgement failed',
      'opened T-3; not acknowledged: 3 per hour already',
    ];
    for (const t of notCounted) expect(mayAcknowledge([...ledger, row(now - 1000, t)], 'ann@acme.test', now, 3)).toBe(true);
    expect(mayAcknowledge(ledger, 'bob@acme.test', now, 1)).toBe(true);
  });

  it('counts by arrival time, except what this run recorded: a catch-up over old mail is limited too', () => {
    const old = [1, 2, 3].map((d) => row(now - d * 24 * HOUR, `opened T-${d}; acknowledgement queued`));
    expect(mayAcknowledge(old, 'ann@acme.test', now, 3)).toBe(true);
    expect(
      mayAcknowledge(
        old.map((r) => ({ ...r, thisRun: true })),
        'ann@acme.test',
        now,
        3,
      ),
    ).toBe(false);
  });

  it('one reply a day to an unregistered sender', () => {
    expect(mayReplyToUnregistered([row(now - 23 * HOUR, 'unregistered sender: no ticket; replied')], 'ann@acme.test', now)).toBe(false);
    expect(mayReplyToUnregistered([row(now - 25 * HOUR, 'unregistered sender: no ticket; replied')], 'ann@acme.test', now)).toBe(true);
    expect(mayReplyToUnregistered([row(now - HOUR, 'unregistered sender: no ticket; reply failed')], 'ann@acme.test', now)).toBe(true);
    // An acknowledgement is not the unregistered reply.
    expect(mayReplyToUnregistered([row(now - HOUR, 'opened T-1; acknowledgement sent')], 'ann@acme.test', now)).toBe(true);
  });
});
