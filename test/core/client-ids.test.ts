import { describe, expect, it } from 'vitest';
import { canonicalClientId, ClientIdMap, sameClientId } from '../../src/core/types/client-ids';
import { Directory } from '../../src/core/mail/directory';

describe('Client IDs as people type them', () => {
  it('match whatever the case and surrounding spaces, and read back as the Clients tab spells them', () => {
    expect(sameClientId(' canyon ', 'CANYON')).toBe(true);
    expect(sameClientId('CANYON', 'CANYONS')).toBe(false);
    const m = new ClientIdMap<number>();
    m.set('Canyon', 1);
    expect(m.get('CANYON')).toBe(1);
    expect(m.has(' canyon')).toBe(true);
    const of = canonicalClientId(['CANYON', 'Summit']);
    expect(of('canyon')).toBe('CANYON');
    expect(of('SUMMIT ')).toBe('Summit');
    expect(of('nope ')).toBe('nope');
  });

  it('a contact typed under a lower-case Client ID belongs to that client', () => {
    const dir = new Directory(
      'support@desk.test',
      [],
      [{ email: 'Dana@Canyon.test', name: 'Dana', clientId: 'canyon', canOpenTickets: true } as never],
      [{ clientId: 'CANYON', name: 'Canyon', domains: ['canyon.test'] } as never],
    );
    const role = dir.roleOf('dana@canyon.test');
    expect(role.role).toBe('contact');
    expect(role.role === 'contact' && role.client?.clientId).toBe('CANYON');
    expect(role.role === 'contact' && role.contact.clientId).toBe('CANYON');
  });
});
