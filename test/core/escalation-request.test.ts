import { pendingClientRequests, type LedgerEntry, type Tier } from '../../src/core/escalation/index';
import { DEFAULT_ESCALATE_PHRASES, readEscalationRequest } from '../../src/core/tickets/escalation-request';

const phrases = DEFAULT_ESCALATE_PHRASES.split(',').map((p) => p.trim());

describe('a client asking to escalate', () => {
  it.each([
    ['Please escalate this, it blocks our launch.', 'please escalate'],
    ['I would like to escalate to your manager.', 'i would like to escalate'],
    ['Merci d’escalader ce ticket.', 'merci descalader'],
    ['Bitte eskalieren Sie das Ticket.', 'bitte eskalieren'],
  ])('%s asks', (text, phrase) => expect(readEscalationRequest(text, phrases)).toBe(phrase));

  it.each(['No need to escalate this.', 'If this goes on we will have to escalate.', 'Please do not escalate this.', 'Thanks, all good.'])(
    '%s does not ask',
    (text) => expect(readEscalationRequest(text, phrases)).toBeNull(),
  );
});

const tier = (n: number, title: string): Tier => ({
  tier: n,
  title,
  name: '',
  email: '',
  when: { kind: 'breached', afterHours: 0 } as Tier['when'],
});
const tiers = [tier(1, 'CSM'), tier(2, 'Director'), tier(3, 'VP')];
const at = (h: number) => Date.UTC(2026, 10, 2, h);
const line = (h: number, topic: string, outcome: LedgerEntry['outcome']): LedgerEntry => ({
  atMs: at(h),
  topic,
  outcome,
  detail: 'ann@acme.com: "please escalate"',
});

describe('pending client requests', () => {
  it('raise one tier above every tier told, by the SLA clock or an earlier request', () => {
    const ledger = [line(15, 'first response T1', 'sent'), line(16, 'client escalation@2026-11-02T16:00:00Z', 'requested')];
    expect(pendingClientRequests(ledger, tiers).map((r) => r.tier?.tier)).toEqual([2]);
  });

  it('two requests read in one sweep raise two tiers; an answered one is not answered again, a failed one is', () => {
    const a = 'client escalation@2026-11-02T16:00:00Z';
    const b = 'client escalation@2026-11-02T17:00:00Z';
    const both = [line(16, a, 'requested'), line(17, b, 'requested')];
    expect(pendingClientRequests(both, tiers).map((r) => r.tier?.tier)).toEqual([1, 2]);
    expect(pendingClientRequests([...both, line(18, `${a} T1`, 'sent')], tiers).map((r) => r.topic)).toEqual([b]);
    expect(pendingClientRequests([...both, line(18, `${a} T1`, 'failed')], tiers).map((r) => r.topic)).toEqual([a, b]);
  });

  it('when every tier was told, the owner is the highest told and no tier is due', () => {
    const ledger = [line(15, 'first response T3', 'sent'), line(16, 'client escalation@2026-11-02T16:00:00Z', 'requested')];
    const [r] = pendingClientRequests(ledger, tiers);
    expect(r!.tier).toBeNull();
    expect(r!.owner?.title).toBe('VP');
  });
});
