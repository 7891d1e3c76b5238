import type { Emulator } from '../../src/local/emulator';
import { headersOf } from '../../src/register/tab-spec';
import { SlaPoliciesTab } from '../../src/register/tabs';

/**
 * SLA Policies as a team fills them in from its contract: the seeded matrix plus the
 * resolution targets, the 75% at-risk share and the around-the-clock Critical an Enterprise
 * contract adds (no seed gives these, so a new register leaves them blank). Tests of
 * resolution clocks, pauses and escalation timing use these numbers.
 */
export function contractPolicyRows(): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  const add = (plan: string, priority: string, first: number, update: number | '', resolution: number | '', calendar = '') =>
    rows.push({
      Plan: plan,
      Priority: priority,
      'First response (h)': first,
      'Next update (h)': update,
      'Resolution (h)': resolution,
      Calendar: calendar,
      'At risk at (%)': 75,
      Source: 'The client contract',
    });
  for (const plan of ['Standard', 'CSM', 'Professional']) {
    add(plan, 'Critical', 2, 2, '');
    add(plan, 'High', 4, '', '');
    add(plan, 'Medium', 8, '', '');
    add(plan, 'Low', 8, '', '');
  }
  add('Enterprise', 'Critical', 2, 2, 24, '24x7');
  add('Enterprise', 'High', 4, '', 40);
  add('Enterprise', 'Medium', 8, '', 80);
  add('Enterprise', 'Low', 16, '', '');
  return rows;
}

/** Replaces a set-up register's SLA Policies rows with the contract's. */
export function useContractPolicies(em: Emulator): void {
  const headers = headersOf(SlaPoliciesTab);
  em.workbook.writeRaw(
    SlaPoliciesTab.name,
    contractPolicyRows().map((r) => headers.map((h) => (r[h] ?? '') as never)),
    2,
    1,
  );
}
