import { collisionKey, excerptOf, sameMessage } from '../../../src/core/mail/message-id';

describe('Message-ID reuse', () => {
  const first = { from: 'ann@acme.com', subject: 'Export fails', excerpt: excerptOf('The export\r\n fails with error 500.') };
  it('a second delivery (same sender, subject and body start) is the same message', () => {
    expect(
      sameMessage(first, { from: 'Ann@Acme.com', subject: 'Export fails ', excerpt: excerptOf('The export fails  with error 500.\n') }),
    ).toBe(true);
  });
  it('another sender or other content is a different message', () => {
    expect(sameMessage(first, { ...first, from: 'mallory@evil.example' })).toBe(false);
    expect(sameMessage(first, { ...first, subject: 'Invoice' })).toBe(false);
    expect(sameMessage(first, { ...first, excerpt: 'Please wire the money.' })).toBe(false);
  });
  it('a ledger without the Subject or Excerpt column compares what it has', () => {
    expect(sameMessage({ ...first, subject: null, excerpt: null }, { ...first, subject: 'other', excerpt: 'other' })).toBe(true);
  });
  it('the derived key is stable and differs per message', () => {
    const a = collisionKey('<x@y>', 'mallory@evil.example', 'Hi', 'body');
    expect(a).toMatch(/^<x@y>#[0-9a-f]{8}$/);
    expect(collisionKey('<x@y>', 'Mallory@evil.example', 'Hi', 'body')).toBe(a);
    expect(collisionKey('<x@y>', 'mallory@evil.example', 'Hi', 'other body')).not.toBe(a);
  });
});
