import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAddressList } from '../../../src/core/mail/address';
import { deliveryReportWhy, isReadReceipt } from '../../../src/core/mail/bounce';
import { header, parseHeaderBlock } from '../../../src/core/mail/headers';
import { detectNoise } from '../../../src/core/mail/noise';

const DIR = path.resolve(__dirname, '../../fixtures/bounces');

/** A fixture as the inbox job sees it: the header block, the sender's address and the subject. */
function load(name: string) {
  const raw = readFileSync(path.join(DIR, name), 'utf8');
  const headers = parseHeaderBlock(raw);
  return { headers, sender: parseAddressList(header(headers, 'from'))[0]?.address ?? '', subject: header(headers, 'subject') };
}

describe('delivery reports in their common forms', () => {
  it.each([
    ['exchange-online-en.eml', /Exchange's system mailbox/],
    ['exchange-2010-de.eml', /Exchange's system mailbox/], // multipart/mixed, nothing else marks it
    ['exchange-fr.eml', /postmaster/],
    ['exchange-es.eml', /delivery failure subject/], // an ordinary sender address: only the subject tells
    ['gmail-dsn.eml', /mailer-daemon/],
    ['postfix.eml', /mailer-daemon/],
  ])('%s is a bounce', (file, why) => {
    const m = load(file);
    expect(deliveryReportWhy(m.headers, m.sender, m.subject)).toMatch(why);
    expect(detectNoise(m.headers, m.sender, m.subject)?.kind).toBe('bounce');
  });

  it('each signal alone is enough', () => {
    const none = parseHeaderBlock('X-Other: 1');
    const report = parseHeaderBlock('Content-Type: multipart/report; report-type="delivery-status"; boundary=x');
    expect(deliveryReportWhy(report, 'it@acme.com', 'x')).toBe('a delivery status report');
    expect(deliveryReportWhy(parseHeaderBlock('X-Failed-Recipients: a@b.c'), 'it@acme.com', 'x')).toBe('X-Failed-Recipients');
    expect(deliveryReportWhy(parseHeaderBlock('X-MS-Exchange-Message-Is-Ndr:'), 'it@acme.com', 'x')).toMatch(/Exchange/);
    expect(deliveryReportWhy(none, 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@acme.com', 'x')).toMatch(/Exchange/);
    for (const subject of [
      'Undeliverable: Export fails',
      'Unzustellbar: Export schlägt fehl',
      'Nicht zustellbar: Export',
      'Non remis : Re: Export',
      'Non remis: Export',
      'No se puede entregar: Export',
      'Non recapitabile: Export',
      'Onbestelbaar: Export',
      'Não é possível entregar: Export',
      'Delivery Status Notification (Failure)',
      'Delivery Status Notification (Delay)',
      'Undelivered Mail Returned to Sender',
      'Mail delivery failed: returning message to sender',
      'Returned mail: see transcript for details',
      'failure notice',
      'Delivery delayed: Export',
    ])
      expect(deliveryReportWhy(none, 'it@acme.com', subject), subject).toBe('a delivery failure subject');
  });

  it('a person writing about a bounce is not one', () => {
    const fwd = load('customer-forwards-a-bounce.eml');
    expect(detectNoise(fwd.headers, fwd.sender, fwd.subject)).toBeNull();
    const none = parseHeaderBlock('X-Other: 1');
    for (const subject of ['Re: Undeliverable: Export', 'Undeliverable packages in the tracking page', 'Our postmaster setup question'])
      expect(deliveryReportWhy(none, 'ann@acme.com', subject), subject).toBeNull();
  });

  it('a read receipt is automatic mail, not a reply', () => {
    const r = load('read-receipt.eml');
    expect(isReadReceipt(r.headers)).toBe(true);
    expect(detectNoise(r.headers, r.sender, r.subject)).toEqual({ kind: 'auto', why: 'a read receipt' });
  });
});
