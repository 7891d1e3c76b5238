import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { saveXlsx } from '../../../src/local/emulator/spreadsheet/xlsx';
import { runBilling } from '../../../src/local/cli/run-billing';
import { UsageError } from '../../../src/local/cli/usage-error';
import { emulator, PRODUCT_DEFAULTS } from '../../support/emulator';
import { day, fill, octoberRegister } from '../../gas/billing-register';
import { Emulator } from '../../../src/local/emulator';
import { loadRegisterXlsx } from '../../../src/local/register-xlsx';
import { BUNDLE } from '../../../src/local/bundle';

const sink = () => {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
};

describe('cli run billing', () => {
  it('bills a month of an .xlsx register: the tab in the workbook, the finance draft in the outbox with the same numbers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'billing-cli-'));
    const file = path.join(dir, 'register.xlsx');
    const outbox = path.join(dir, 'outbox');
    const em = emulator();
    octoberRegister(em);
    await saveXlsx(em.workbook, file);

    const out = sink();
    expect(await runBilling({ workbook: file, month: '2026-10', final: true, outbox, now: '2026-11-02T09:00:00-07:00' }, out.stream)).toBe(
      0,
    );
    expect(out.text()).toContain('Billing 2026-10 written (Final): 3 client(s), $312.50 due');

    const wb = await loadRegisterXlsx(file);
    const tab = wb.sheet('Billing 2026-10')!.values();
    expect(tab[1]!.slice(0, 12)).toEqual(['ACME', 'Acme Outfitters', 6, 12.6, 5, 7.6, 1.75, 125, 218.75, 0, 218.75, 'Final']);
    const files = readdirSync(outbox);
    const finance = readFileSync(path.join(outbox, files.find((f) => f.includes('support-hours-billing'))!), 'utf8');
    expect(finance).toContain('Support hours billing 2026-10 (Final): $312.50 due');
    expect(finance).toContain('billing-2026-10.csv');
    expect(files.filter((f) => f.includes('your-support-statement'))).toHaveLength(1);

    // A later run on the saved workbook: the final month is refused, then an hour added to October
    // after the close is billed in November as an adjustment (the tab is the ledger, so no state is lost between runs).
    // A refusal exits 2 (the workbook is saved with the Log line saying why).
    expect(await runBilling({ workbook: file, month: '2026-10', outbox, now: '2026-11-03T09:00:00-07:00' }, sink().stream)).toBe(2);
    const again = await new Emulator({ ...PRODUCT_DEFAULTS, workbook: await loadRegisterXlsx(file) }).loadFile(BUNDLE);
    fill(again, 'Hours', [{ Date: day('2026-10-30'), 'Client ID': 'BETA', Person: 'lee@helpdesk.test', Activity: 'Reporting', Hours: 7 }]);
    await saveXlsx(again.workbook, file);
    const nov = sink();
    expect(await runBilling({ workbook: file, month: '2026-11', outbox, now: '2026-12-01T09:00:00-07:00' }, nov.stream)).toBe(0);
    expect(nov.text()).toContain('1 adjustment(s) to final months');
    const novTab = (await loadRegisterXlsx(file)).sheet('Billing 2026-11')!.values();
    // BETA: 4 h + 7 h = 11 h counted of 10 h → 1 h × $150.
    expect(novTab.find((r) => r[0] === 'BETA' && r[1] === 'Adjustment total')?.[10]).toBe(150);
  }, 240_000);

  it('refuses a month before the first contract with one line and exit 2; reopens a Final month only with a reason, logged', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'billing-cli-'));
    const file = path.join(dir, 'register.xlsx');
    const outbox = path.join(dir, 'outbox');
    const em = emulator();
    octoberRegister(em);
    await saveXlsx(em.workbook, file);
    const now = '2026-11-02T09:00:00-07:00';
    const old = sink();
    expect(await runBilling({ workbook: file, month: '1999-01', outbox, now }, old.stream)).toBe(2);
    expect(old.text().split('\n')[0]).toBe(
      "1999-01 is before the register's first contract (2026-10, from Clients → Contract start, the Hours and the Tickets); nothing billed.",
    );
    expect((await loadRegisterXlsx(file)).sheet('Billing 1999-01')).toBeUndefined();

    expect(await runBilling({ workbook: file, month: '2026-10', final: true, outbox, now }, sink().stream)).toBe(0);
    await expect(runBilling({ workbook: file, month: '2026-10', reopen: true, outbox, now }, sink().stream)).rejects.toThrow(
      /--reopen needs --reason/,
    );
    const re = sink();
    expect(
      await runBilling(
        { workbook: file, month: '2026-10', reopen: true, reason: 'GAMMA started on the 1st', by: 'fin.lead', outbox, now },
        re.stream,
      ),
    ).toBe(0);
    expect(re.text()).toContain('Billing 2026-10 written (Draft)');
    const log = (await loadRegisterXlsx(file)).sheet('Log')!.values();
    expect(
      log.some(
        (r) =>
          r.includes('Month reopened') && r.some((c) => String(c).startsWith('2026-10 reopened by fin.lead: GAMMA started on the 1st.')),
      ),
    ).toBe(true);
  }, 240_000);

  it('refuses a bad month or a missing workbook with a usage error', async () => {
    await expect(runBilling({ workbook: 'x.xlsx', month: '2026-1', outbox: 'o' }, sink().stream)).rejects.toThrow(UsageError);
    await expect(runBilling({ workbook: '/nonexistent/x.xlsx', month: '2026-10', outbox: 'o' }, sink().stream)).rejects.toThrow(
      /does not exist/,
    );
  });
});
