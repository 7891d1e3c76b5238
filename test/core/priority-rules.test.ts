import fc from 'fast-check';
import { ownWords } from '../../src/core/mail/own-words';
import { DEFAULT_PRIORITY_RULES } from '../../src/core/tickets/priority-defaults';
import { classifyPriority, parsePriorityRules, PriorityRuleError, type Level } from '../../src/core/tickets/priority-rules';

const rules = parsePriorityRules(DEFAULT_PRIORITY_RULES);
const level = (text: string) => classifyPriority(text, rules).level;

describe('the seeded priority rules give each seed example the seed’s priority', () => {
  // Ascent360 service overview, Support Response Time Matrix: the eight examples.
  const ascent360: [string, Level][] = [
    ['server is down', 1],
    ['Acoustic is not accessible for a duration exceeding 8 hours', 2],
    ['system integration not receiving data', 2],
    ['Time-sensitive update to query for upcoming email send', 3],
    ['Reporting request: opens and clicks for October', 4],
    ['Campaign creation request for the spring sale', 4],
    ['Training for our two new marketing coordinators', 4],
    ['How-to: how do I build a suppression list?', 4],
  ];
  it.each(ascent360)('Ascent360: "%s" → Level %i', (text, want) => expect(level(text)).toBe(want));

  // ADvendio Incident Category Definitions, Level 1 – 4 criteria.
  const advendio: [string, Level][] = [
    ['Data is unusable, corrupt or no longer available in the system', 1],
    ['data unusable or corrupt', 1],
    ['Software errors that prevent the functionality of ADvendio', 1],
    ['Major discrepancies in the data within ADvendio', 1],
    ['Major functionality is impacted and many users are affected. No reasonable workaround is available.', 2],
    ['Significant performance degradation since the release', 2],
    ['A bug affecting some but not all users; a short-term workaround is available, but not scalable', 3],
    ['A bug affecting a small number of users, reasonable workaround available', 4],
    ['Information requested on application capabilities', 4],
    ['Question about navigation in the booking screen', 4],
    ['Installation or configuration of the add-on', 4],
    ['Marginal errors in the software that do not impair the functionality', 4],
  ];
  it.each(advendio)('ADvendio: "%s" → Level %i', (text, want) => expect(level(text)).toBe(want));

  it('similar wording gets the same level', () => {
    expect(level('All our servers are down')).toBe(1);
    expect(level('The platform is down for everyone')).toBe(1);
    expect(level('Nobody can log in')).toBe(1);
    expect(level('We cannot access Acoustic since this morning')).toBe(2);
    expect(level('The Salesforce integration stopped receiving data on Friday')).toBe(2);
    expect(level('Export fails with error 500')).toBe(2);
    expect(level('Please change the query before the send goes out; it is time sensitive')).toBe(3);
    expect(level('Urgent: update the audience for the upcoming campaign')).toBe(3);
    expect(level('Could you pull a report of last month’s opens?')).toBe(4);
    expect(level('Please create a campaign for Black Friday')).toBe(4);
    expect(level('Can we book training for the new staff?')).toBe(4);
  });
});

describe('negation and quoted history do not lift priority', () => {
  it('a negated phrase does not count; a phrase that is itself a negation does', () => {
    expect(level('This is not urgent: please update the footer')).toBe(4);
    expect(level('No outage, just a question about the dashboard')).toBe(4);
    expect(level('There are no errors in the log, but how do I export?')).toBe(4);
    expect(level('The export fails. No production impact, we are in the sandbox.')).toBe(3);
    expect(level('The export fails, no rush')).toBe(4);
    expect(level('Not time sensitive: update the template')).toBe(4);
    // "not accessible", "no workaround" are the phrases themselves.
    expect(level('The app is not accessible and there is no workaround')).toBe(2);
    // A negation does not reach into the clause before.
    expect(level('No, the server is down')).toBe(1);
  });
  it('quoted mail below the sender’s own words is cut', () => {
    const body = [
      'Thanks, all good now. Could you send the monthly report?',
      '',
      'On Mon, 2 Nov 2026 at 09:00, Ann Lee <ann@acme.com> wrote:',
      '> The server is down!',
      '> URGENT',
    ].join('\n');
    expect(ownWords(body)).toBe('Thanks, all good now. Could you send the monthly report?');
    expect(level(ownWords(body))).toBe(4);
    expect(ownWords('Hello\n> server is down')).toBe('Hello');
    expect(ownWords('See below\nOn Mon, 2 Nov 2026 at 09:00, Ann Lee\n<ann@acme.com> wrote:\nserver is down')).toBe('See below');
    expect(ownWords('FYI\n-----Original Message-----\nFrom: x\nserver is down')).toBe('FYI');
    expect(ownWords('FYI\nFrom: Ann Lee\nSent: Monday\nserver is down')).toBe('FYI');
    expect(ownWords('Bitte prüfen\nAm 02.11.2026 um 09:00 schrieb Ann Lee <ann@acme.com>:\nserver is down')).toBe('Bitte prüfen');
  });
});

describe('reading rules', () => {
  it('reads levels, caps and definitions, and old name labels', () => {
    const r = parsePriorityRules(
      'Level 2 (one client: down): not accessible, latency\nAt most Level 4 (few users): a few users; Critical: outage',
    );
    expect(r).toEqual([
      { level: 2, cap: false, criterion: 'one client: down', phrases: ['not accessible', 'latency'] },
      { level: 4, cap: true, criterion: 'few users', phrases: ['a few users'] },
      { level: 1, cap: false, criterion: '', phrases: ['outage'] },
    ]);
  });
  it('refuses a line a person mistyped, saying what is expected', () => {
    expect(() => parsePriorityRules('Level 5: x')).toThrow(PriorityRuleError);
    expect(() => parsePriorityRules('Level 5: x')).toThrow(/Level 1, Level 2/);
    expect(() => parsePriorityRules('just words')).toThrow(/Level N \(definition\): phrase/);
  });
});

describe('properties', () => {
  const filler = fc.constantFrom('please', 'check', 'the', 'query', 'for', 'our', 'team', 'thanks', 'report', 'today');
  const sentence = fc.array(filler, { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
  it('quoted history never changes the level', () => {
    fc.assert(
      fc.property(sentence, fc.constantFrom('server is down', 'URGENT', 'data is corrupt', 'no workaround'), (own, quoted) => {
        const body = `${own}\n\nOn Mon, 2 Nov 2026 at 09:00, Ann <ann@acme.com> wrote:\n> ${quoted}\n`;
        expect(level(ownWords(body))).toBe(level(own));
      }),
    );
  });
  it('adding words never makes a request less urgent unless they name a scope (an At most rule)', () => {
    const lifts = fc.constantFrom('server is down', 'not accessible', 'time sensitive', 'how to', 'error');
    fc.assert(
      fc.property(sentence, lifts, lifts, (base, a, b) => {
        expect(level(`${base}. ${a}. ${b}`)).toBeLessThanOrEqual(level(`${base}. ${a}`));
      }),
    );
  });
  it('“not” before a lifting phrase leaves the level as without the phrase', () => {
    fc.assert(
      fc.property(sentence, fc.constantFrom('urgent', 'outage', 'latency', 'server is down', 'broken'), (base, p) => {
        expect(level(`${base}. it is not ${p}`)).toBe(level(`${base}. it is`));
      }),
    );
  });
  it('always gives one of the four levels', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect([1, 2, 3, 4]).toContain(level(s));
      }),
    );
  });
});
