import { RegisterError, type Table } from './table';

/**
 * Stops a job whose tab lacks a header the job declared it needs (TabSpec.needs), before
 * the job writes anything: a missing Priority column must not make every ticket Medium.
 * The RegisterError becomes one Log line, the About status and, when a person ran the
 * job, a toast (src/gas/run-job.ts).
 */
export function requireColumns(table: Pick<Table<unknown>, 'spec' | 'missing'>, job: string, jobLabel: string): void {
  const needed = table.spec.needs?.[job] ?? [];
  const missing = needed.filter((h) => table.missing.includes(h));
  if (missing.length === 0) return;
  const list = missing.map((h) => `a ${h} column`).join(', ');
  throw new RegisterError(
    `${table.spec.name} has no ${missing.length === 1 ? `${missing[0]} column` : list}: the ${jobLabel} did not run. Rename the header back, or run Support Desk → Set up register to restore it.`,
  );
}
