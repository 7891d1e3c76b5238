import { executionLeftMs, leaving, oneExecution } from './execution';
import { recordRun } from './last-run';
import { runJob } from './run-job';

/**
 * The add-on's single clock trigger runs the inbox, the SLA sweep and monthly billing in one
 * execution, so the three share its 6 minutes. Each job checkpoints against the time the
 * execution has left (src/gas/execution.ts), and a job leaves time to the jobs after it: a
 * long backlog in the inbox must not starve the sweep, whose escalations are time-critical.
 */
export interface AutomationStep {
  readonly job: string;
  readonly what: string;
  readonly run: () => string;
  /** Time this step leaves to the steps after it. */
  readonly leaveMs: number;
}

/** The least a job needs to start: its reads of the register and one write. */
export const JOB_MIN_MS = 20_000;

/** A job that could not start in time: said in the Log and in About; the next run does it. */
function notRun(step: AutomationStep): string {
  const left = Math.max(0, Math.floor(executionLeftMs() / 1000));
  const message = `${step.what} not run: ${left} s of this execution left; the next run does it.`;
  return recordRun(step.job, () =>
    runJob(step.job, (env) => {
      env.log.add('Not run', message);
      return message;
    }),
  );
}

/**
 * Runs the steps in turn in one execution. A step that fails does not stop the ones after
 * it (the sweep still runs when the inbox failed); the first failure is thrown at the end,
 * so Apps Script records the execution as failed.
 */
export function runSteps(steps: readonly AutomationStep[]): string {
  return oneExecution(() => {
    const results: string[] = [];
    let failure: unknown = null;
    for (const step of steps) {
      try {
        results.push(leaving(step.leaveMs, () => (executionLeftMs() < JOB_MIN_MS ? notRun(step) : step.run())));
      } catch (e) {
        failure ??= e;
        results.push(`${step.what} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (failure) throw failure;
    return results.join(' ');
  });
}
