import { runIngest, type IngestReport } from '../../jobs/ingest/job';
import { GmailAdapter } from '../adapters/gmail';
import { runJob, type Told } from '../run-job';

/** The `ingestInbox` trigger: the inbox job over the real services. */
export function ingestInboxNow(): IngestReport | Told {
  return runJob('ingest', (env) => {
    const gmail = new GmailAdapter();
    return runIngest({
      workbook: env.workbook,
      mailbox: gmail,
      mail: gmail,
      clock: env.clock,
      state: env.state,
      lock: env.lock,
      budget: env.budget,
      log: env.log,
    });
  });
}
