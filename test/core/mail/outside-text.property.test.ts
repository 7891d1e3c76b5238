import fc from 'fast-check';
import { cleanOutsideText, decodeEncodedWords, greetingName, NAME_MAX } from '../../../src/core/mail/outside-text';

/** Pieces an attacker would mix into a display name or subject. */
const hostile = fc.constantFrom(
  '\r',
  '\n',
  '\r\n',
  '\u2028',
  '\u202e',
  '<',
  '>',
  '<b>',
  '</a>',
  'https://',
  'http://evil.example/pay',
  '://',
  'www.',
  'WWW.',
  'ww',
  'w.',
  ':/',
  '/',
  '&lt;',
  '=?utf-8?B?PGI+?=',
  '=?utf-8?Q?=0D=0Awww=2Eevil?=',
  ' ',
  'Ann',
  'Zoë',
  '.',
  ':',
);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(fc.oneof(hostile, fc.string({ maxLength: 6 })), { maxLength: 30 }).map((a) => a.join('')),
);

function safe(out: string): void {
  expect(out).not.toMatch(/[\r\n]/);
  expect(out.toLowerCase()).not.toContain('://');
  expect(out.toLowerCase()).not.toContain('www.');
  expect(out).not.toMatch(/[<>]/);
}

describe('cleanOutsideText', () => {
  it('never returns line breaks, links or angle brackets, and never more than the cap', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), (s, max) => {
        const out = cleanOutsideText(s, max);
        safe(out);
        expect([...out].length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 3000 },
    );
  });

  it('is stable: cleaning a cleaned text changes nothing (short enough to need no cut)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = cleanOutsideText(s, 200);
        expect(cleanOutsideText(once, 200)).toBe(once);
      }),
    );
  });

  it('a greeting name is safe too, or null', () => {
    fc.assert(
      fc.property(text, (s) => {
        const name = greetingName(s);
        if (name !== null) {
          safe(name);
          expect(name.length).toBeLessThanOrEqual(NAME_MAX);
        }
      }),
    );
  });
});

describe('examples', () => {
  it('decodes encoded words first, so an encoded line break or link is seen', () => {
    const b = Buffer.from('Ann\r\nRenew at https://evil.example', 'utf8').toString('base64');
    expect(decodeEncodedWords(`=?utf-8?B?${b}?=`)).toBe('Ann\r\nRenew at https://evil.example');
    expect(decodeEncodedWords('=?ISO-8859-1?Q?Ren=E9e_M=FCller?=')).toBe('Renée Müller');
    expect(cleanOutsideText(`=?utf-8?B?${b}?=`, 60)).toBe('Ann Renew at');
  });

  it('keeps plain names and subjects, drops links, markup and addresses', () => {
    expect(cleanOutsideText('Renée Müller', 60)).toBe('Renée Müller');
    expect(cleanOutsideText('Error 500 on export', 80)).toBe('Error 500 on export');
    expect(cleanOutsideText('Zoë <i>Quinn</i>', 60)).toBe('Zoë Quinn');
    expect(cleanOutsideText('Pay now at www.evil.example or evil.example/pay, mail me@x.io', 80)).toBe('Pay now at or mail');
    expect(cleanOutsideText('a '.repeat(50), 11)).toBe('a a a a a…');
  });

  it('a name that reads as a sentence or holds nothing usable greets neutrally', () => {
    expect(greetingName('Ann Lee')).toBe('Ann Lee');
    expect(greetingName('Your support contract has expired. Renew at https://x.example')).toBeNull();
    expect(greetingName('URGENT: pay')).toBeNull();
    expect(greetingName('<>')).toBeNull();
    expect(greetingName('https://evil.example')).toBeNull();
    expect(greetingName('')).toBeNull();
  });
});
