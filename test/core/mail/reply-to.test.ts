import { Directory } from '../../../src/core/mail/directory';
import { chooseRecipients } from '../../../src/core/mail/reply-to';

const dir = new Directory(
  'support@helpdesk.test',
  ['helpdesk.test'],
  [
    { email: 'ann@acme.com', name: 'Ann Lee', clientId: 'ACME', canOpenTickets: true },
    { email: 'it-team@acme.com', name: 'Acme IT', clientId: 'ACME', canOpenTickets: false },
    { email: 'dee@globex.example', name: 'Dee', clientId: 'GLOBEX', canOpenTickets: true },
  ],
  [],
);
const choose = (replyTo: string) => chooseRecipients(replyTo, 'ann@acme.com', 'ACME', dir);

describe('Reply-To of a request', () => {
  it('none, or the requester alone: the From address', () => {
    expect(choose('')).toEqual({ use: 'from', to: ['ann@acme.com'] });
    expect(choose('Ann <ANN@acme.com>')).toEqual({ use: 'from', to: ['ann@acme.com'] });
  });
  it('the requester and registered contacts of the same client: honoured, every address', () => {
    expect(choose('Acme IT <it-team@acme.com>')).toEqual({ use: 'reply-to', to: ['it-team@acme.com'] });
    expect(choose('"Lee, Ann" <ann@acme.com>, it-team@acme.com')).toEqual({ use: 'reply-to', to: ['ann@acme.com', 'it-team@acme.com'] });
  });
  it('any other address makes the whole Reply-To ignored, and says which', () => {
    const leak = choose('Ann <ann@acme.com>, leak@evil.example');
    expect(leak).toMatchObject({ use: 'from', to: ['ann@acme.com'] });
    expect('ignored' in leak && leak.ignored).toMatch(/leak@evil\.example/);
    // At the client's domain but not on Contacts; a contact of another client; a display name holding the address.
    expect(choose('new@acme.com')).toMatchObject({ use: 'from', ignored: expect.stringMatching(/new@acme\.com/) });
    expect(choose('dee@globex.example')).toMatchObject({ use: 'from', ignored: expect.stringMatching(/dee@globex/) });
    expect(choose('"ann@acme.com" <mallory@evil.example>')).toMatchObject({ use: 'from', ignored: expect.stringMatching(/mallory/) });
    expect(choose('undisclosed-recipients:;, garbage')).toMatchObject({ use: 'from', ignored: expect.stringMatching(/not an address/) });
  });
});
