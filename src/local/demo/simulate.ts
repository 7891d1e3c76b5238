import type { Emulator } from '../emulator';
import { parseEditsFile } from '../replay/edits-file';
import { runOnClock } from '../replay/run-on-clock';
import { demoEditsFile, demoSpan } from './edits';
import type { DemoMonth } from './month';

export interface SimulationStats {
  ingestRuns: number;
  sweepRuns: number;
  failedRuns: { job: string; at: number; message: string }[];
  edits: number;
  editsSkipped: number;
  modeledMs: number;
  serviceCalls: number;
}

/**
 * The demo's month on an emulator whose triggers are installed: the same clock as
 * `run replay` (src/local/replay/run-on-clock.ts), with the month's mail and its people's
 * edits as the edits file the demo writes.
 */
export async function simulateMonth(em: Emulator, month: DemoMonth, progress: (line: string) => void): Promise<SimulationStats> {
  const { edits } = parseEditsFile(demoEditsFile(month));
  const { from, to } = demoSpan(month);
  const stats = await runOnClock(em, {
    from: Math.max(from, em.clock.now()),
    to,
    mail: month.mail.map((m) => ({ raw: m.raw, at: m.at })),
    edits,
    onDay: (p) => progress(`  ${p.day}: ${p.tickets} tickets`),
  });
  return {
    ingestRuns: stats.runs['ingestInbox'] ?? 0,
    sweepRuns: stats.runs['sweepSla'] ?? 0,
    failedRuns: stats.failedRuns,
    edits: stats.editsApplied,
    editsSkipped: stats.editProblems.length,
    modeledMs: stats.modeledMs,
    serviceCalls: stats.serviceCalls,
  };
}
