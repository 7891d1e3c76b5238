import { emulator } from '../../support/emulator';
import { at, fill } from './register';

describe('menu and About (real bundle)', () => {
  it('has every item the issue names, each naming an entry point of the bundle', () => {
    const em = emulator();
    em.call('onOpen');
    const menu = em.workbook.ui.menu('Support Desk')!;
    const items = menu.items.flatMap((i) => (i.type === 'item' ? [[i.caption, i.functionName] as const] : []));
    const captions = items.map(([c]) => c);
    // In the order the issue lists them (other items in between).
    const named = [
      'Set up register',
      'Install automation',
      'Check inbox now',
      'Sweep SLAs now',
      'Log time…',
      'Ticket details…',
      'Close month…',
      'About',
    ];
    for (const c of named) expect(captions).toContain(c);
    expect(captions.filter((c) => named.includes(c))).toEqual(named);
    const entries = em.entryPoints();
    for (const [, fn] of items) expect(entries).toContain(fn);
  });

  it('About shows the version, the installed triggers and the last run of each job', () => {
    const em = emulator();
    em.call('setup');
    em.call('installTriggers');
    em.call('installTriggers'); // twice: still one of each
    fill(em, 'Log', [
      { At: at('2026-11-02T08:50'), Job: 'sweep', Action: 'Swept', Detail: 'old line' },
      { At: at('2026-11-02T08:55'), Job: 'sweep', Action: 'Swept', Detail: '12 tickets checked, 1 escalation' },
      { At: at('2026-11-02T08:40'), Job: 'ingest', Action: 'Failed', Detail: 'Gmail said: too many requests' },
    ]);
    const text = em.call<string>('showAbout');
    expect(text).toMatch(/^Support Desk for Sheets \d+\.\d+\.\d+/);
    const triggerLine = text.split('\n').find((l) => l.startsWith('Triggers installed: '))!;
    const handlers = triggerLine.replace('Triggers installed: ', '').replace(/\.$/, '').split(', ');
    for (const h of ['ingestInbox', 'sweepSla', 'runMonthlyBilling']) expect(handlers.filter((x) => x === h)).toHaveLength(1);
    expect(new Set(handlers).size).toBe(handlers.length); // installed twice, listed once each
    expect(text).toContain('• SLA sweep: Mon 2 Nov 2026 08:55 MST — Swept: 12 tickets checked, 1 escalation');
    expect(text).toContain('• Check inbox: Mon 2 Nov 2026 08:40 MST — Failed: Gmail said: too many requests');
    expect(text).toMatch(/• Setup: Mon 2 Nov 2026 \d\d:\d\d MST — Install automation/);
    expect(text).toContain('• Billing: not run yet');
    const alert = em.workbook.ui.alerts.at(-1)!;
    expect(alert).toMatchObject({ title: 'About Support Desk', prompt: text });
  });

  it('About reports runs that found nothing to do (they write no Log line) and failed runs', () => {
    const em = emulator();
    em.call('setup');
    em.call('installTriggers');
    expect(em.call('ingestInbox')).toBe('No new mail.');
    em.clock.advance(10 * 60_000);
    em.call('sweepSla');
    em.call('checkHours');
    em.locks.holdAs('document', 'another run');
    expect(em.run('runMonthlyBilling').error?.message).toMatch(/another Support Desk job is still running/);
    const text = em.call<string>('showAbout');
    expect(text).toMatch(/• Check inbox: Mon 2 Nov 2026 \d\d:\d\d MST — No new mail\./);
    expect(text).toMatch(/• SLA sweep: Mon 2 Nov 2026 \d\d:\d\d MST — Nothing to sweep/);
    expect(text).toMatch(/• Hours: Mon 2 Nov 2026 \d\d:\d\d MST — Hours checked: 0 rows usable/);
    expect(text).toMatch(/• Billing: Mon 2 Nov 2026 \d\d:\d\d MST — Failed: Monthly billing: another Support Desk job is still running/);
  });

  it('About before setup says how to start', () => {
    const em = emulator();
    const text = em.call<string>('showAbout');
    expect(text).toContain('Triggers installed: none. Use Support Desk → Install automation.');
    expect(text).toContain('No Log tab yet');
  });
});
