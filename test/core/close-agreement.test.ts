import { DEFAULT_AGREE_PHRASES, DEFAULT_PERSISTS_PHRASES, readResolvedReply } from '../../src/core/tickets/close-agreement';

const phrases = { agree: DEFAULT_AGREE_PHRASES.split(','), persists: DEFAULT_PERSISTS_PHRASES.split(',') };
const says = (text: string) => readResolvedReply(text, phrases).says;

describe('a reply to a Resolved ticket', () => {
  it('agrees in the seeded clients’ languages', () => {
    expect(says('Thanks, you can close it.')).toBe('agrees');
    expect(says('Works now, thank you!')).toBe('agrees');
    expect(says('Merci, vous pouvez fermer le ticket.')).toBe('agrees');
    expect(says('Danke, das Ticket kann geschlossen werden.')).toBe('agrees');
  });
  it('reports the problem persists, which wins over agreement', () => {
    expect(says('It still fails.')).toBe('persists');
    expect(says('You can close it once it works, but it happens again.')).toBe('persists');
    expect(says('Le problème est toujours là')).toBe('persists');
    expect(says('Es funktioniert immer noch nicht')).toBe('persists');
  });
  it('negated agreement is not agreement; anything else is neither', () => {
    expect(says('It is not working now')).toBe('persists');
    expect(says('Nothing works now')).toBe('other');
    expect(says('Thanks for the update.')).toBe('other');
  });
});
