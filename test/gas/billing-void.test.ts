import { emulator } from '../support/emulator';
import { octoberRegister, records, setCell } from './billing-register';
import type { Emulator } from '../../src/local/emulator';

const invoices = (em: Emulator) => records(em, 'Invoices').filter((r) => r['Invoice number'] !== '');
const invoiceDrafts = (em: Emulator) => em.mailbox.drafts.filter((d) => /^(Invoice|Credit note) /.test(d.subject)).map((d) => d.subject);

describe('a voided invoice of a Final month (issue 19), through the bundle', () => {
  it('gets a replacement with a new number on the re-run of its Final close; the old keeps its number; re-runs issue nothing new', () => {
    const em = emulator({ clockFollowsCalls: false });
    octoberRegister(em);
    em.call('billMonth', '2026-10', true);
    expect(invoices(em).map((r) => [r['Invoice number'], r['Client ID'], r.Amount, r.Status])).toEqual([
      ['INV-0001', 'ACME', 218.75, 'Issued'],
      ['INV-0002', 'GAMMA', 93.75, 'Issued'],
    ]);
    // Finance voids ACME's invoice (say, sent to the wrong address).
    setCell(em, 'Invoices', 'Invoice number', 'INV-0001', 'Status', 'Void');
    const msg = em.call<string>('billMonth', '2026-10', true);
    expect(msg).toMatch(/is final and is never rewritten.* 1 replacement invoice\(s\) for voided ones: INV-0003 \(ACME 2026-10\)\./);
    expect(invoices(em).map((r) => [r['Invoice number'], r['Client ID'], r.Month, r.Amount, r.Status, r.Notes])).toEqual([
      ['INV-0001', 'ACME', '2026-10', 218.75, 'Void', ''],
      ['INV-0002', 'GAMMA', '2026-10', 93.75, 'Issued', ''],
      ['INV-0003', 'ACME', '2026-10', 218.75, 'Issued', 'Replaces INV-0001 (void)'],
    ]);
    expect(
      records(em, 'Log').some(
        (r) => r.Action === 'Invoice replaced' && String(r.Detail).startsWith('INV-0001 for ACME 2026-10 is Void: replaced by INV-0003'),
      ),
    ).toBe(true);
    // ACME's draft now carries the new number; GAMMA's is untouched; finance gets the import file of the replacement.
    expect(invoiceDrafts(em)).toEqual([
      'Invoice INV-0002 — Gamma Gear, 2026-10 (Client Success)',
      'Invoice INV-0003 — Acme Outfitters, 2026-10 (Client Success)',
    ]);
    const fin = em.mailbox.drafts.find((d) => d.subject.startsWith('Replacement invoices INV-0003'))!;
    expect(fin.attachments[0]!.content.toString('utf8')).toContain('INV-0003');

    // Again: nothing new.
    expect(em.call<string>('billMonth', '2026-10', true)).toMatch(/No voided invoice to replace\./);
    expect(invoices(em)).toHaveLength(3);
  }, 120_000);

  it('is replaced by the next Final close of a later month, with its own import file on that finance draft', () => {
    const em = emulator({ clockFollowsCalls: false });
    octoberRegister(em);
    em.call('billMonth', '2026-10', true);
    setCell(em, 'Invoices', 'Invoice number', 'INV-0002', 'Status', 'Void');
    em.clock.set(Date.UTC(2026, 11, 1, 16));
    expect(em.call<string>('billMonth', '2026-11', true)).toMatch(/1 replacement\(s\) for voided invoices \(INV-0003\)/);
    expect(invoices(em).find((r) => r['Invoice number'] === 'INV-0003')).toMatchObject({
      'Client ID': 'GAMMA',
      Month: '2026-10',
      Amount: 93.75,
    });
    const fin = em.mailbox.drafts.find((d) => d.subject.startsWith('Support hours billing 2026-11'))!;
    expect(fin.attachments.map((a) => a.name)).toEqual([
      'billing-2026-11.csv',
      'xero-invoices-2026-11.csv',
      'xero-invoices-replacements-2026-12-01.csv',
    ]);
  }, 120_000);
});
