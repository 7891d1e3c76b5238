import { authenticationFailure } from '../../../src/core/mail/authentication';
import { isFreemailDomain } from '../../../src/core/mail/freemail';
import { lookalikeOf } from '../../../src/core/mail/lookalike';

const headers = (...values: string[]) => new Map([['authentication-results', values]]);

describe('lookalike domains', () => {
  const ours = ['acme.com', 'globex.example', 'helpdesk.test', 'ridge.co.uk'];
  it.each([
    ['ann@acme-corp.com', 'acme.com'],
    ['ann@acrne.com', 'acme.com'],
    ['ann@acme.co', 'acme.com'],
    ['ann@acme.com.evil.io', 'acme.com'],
    ['ann@mail-acme.com', 'acme.com'],
    ['dee@g1obex.example', 'globex.example'],
    ['dee@globexx.example', 'globex.example'],
    ['sam@helpdesk-test.com', 'helpdesk.test'],
    ['x@rldge.co.uk', 'ridge.co.uk'],
  ])('%s imitates %s', (address, domain) => expect(lookalikeOf(address, ours)).toBe(domain));

  it.each(['ann@acme.com', 'ann@eu.acme.com', 'someone@gmail.com', 'bob@initech.example', 'x@other.co.uk', 'x@nowhere.example'])(
    '%s imitates nothing',
    (address) => expect(lookalikeOf(address, ours)).toBeNull(),
  );
});

describe('Authentication-Results', () => {
  it('a failed DMARC, SPF or (unbalanced) DKIM is a failure; passes and no header are not', () => {
    expect(authenticationFailure(headers('mx.google.com; dkim=pass header.i=@acme.com; spf=pass; dmarc=pass'))).toBeNull();
    expect(authenticationFailure(new Map())).toBeNull();
    expect(authenticationFailure(headers('mx.google.com; spf=fail (google.com: domain of x does not designate) smtp.mailfrom=x'))).toMatch(
      /SPF/,
    );
    expect(authenticationFailure(headers('mx.google.com; dmarc=fail (p=REJECT) header.from=acme.com'))).toMatch(/DMARC/);
    expect(authenticationFailure(headers('mx.google.com; dkim=fail header.i=@acme.com'))).toMatch(/DKIM/);
    expect(authenticationFailure(headers('mx.google.com; dkim=fail header.i=@a.com; dkim=pass header.i=@acme.com; dmarc=pass'))).toBeNull();
    expect(authenticationFailure(headers('mx.google.com; spf=softfail smtp.mailfrom=x'))).toBeNull();
    expect(authenticationFailure(headers('mx.google.com; spf=pass', 'evil.example; dmarc=fail'))).toMatch(/DMARC/);
  });
});

describe('freemail', () => {
  it.each([
    'gmail.com',
    'GoogleMail.com',
    '@outlook.com',
    'hotmail.co.uk',
    'gmx.de',
    'gmx.net',
    'yahoo.fr',
    'proton.me',
    'icloud.com',
    'me.com',
    'aol.com',
    'live.com',
  ])('%s is a public provider', (d) => expect(isFreemailDomain(d)).toBe(true));
  it.each(['acme.com', 'mail.acme.com', 'gmail.acme.com', 'summit-outfitters.example', 'web.com'])('%s is not', (d) =>
    expect(isFreemailDomain(d)).toBe(false),
  );
});
