import { ownMarkIn, ownMarker, withOwnMark } from '../../../src/core/mail/own';

describe('our own mail', () => {
  const mail = { to: ['ann@acme.com'], cc: [], subject: '[#T-000001] Resolved: Export', body: 'Hello,\n\nResolved.\n' };
  it('every mail leaves with a reference line; one that has one keeps it', () => {
    const marked = withOwnMark(mail);
    expect(ownMarkIn(marked.body)).toMatchObject({ kind: 'mail' });
    expect(withOwnMark(marked)).toEqual(marked);
    expect(withOwnMark(mail)).toEqual(marked); // the same mail, the same line
    const ack = { ...mail, body: `Hello\n\n${ownMarker('ack', 'T-000001')}` };
    expect(withOwnMark(ack).body).toBe(ack.body);
  });
  it('the HTML version carries the same line', () => {
    const marked = withOwnMark({ ...mail, htmlBody: '<html><body><p>Statement</p></body></html>' });
    const line = marked.body.trim().split('\n').pop()!;
    expect(marked.htmlBody).toContain(`${line.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p></body>`);
  });
  it('a quoted copy in a customer reply is not ours', () => {
    const marked = withOwnMark(mail);
    const reply = `Still broken.\n\nOn Mon, Support wrote:\n${marked.body
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n')}`;
    expect(ownMarkIn(reply)).toBeNull();
  });
});
