#!/usr/bin/env node
/**
 * The local command line: `npm run -s cli -- <command>`. Every command runs the bundled
 * build/Code.js in the Apps Script emulator (or, for `sla`, the same core engine), so what
 * it does is what the deployed script does.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { BusyError } from './cli/busy-error';
import { installInterruptHandlers } from './cli/interrupt';
import { UsageError } from './cli/usage-error';

const ZONE = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/;
function zone(value: string): string {
  if (!ZONE.test(value) || !Intl.supportedValuesOf('timeZone').concat(['UTC']).includes(value)) {
    throw new InvalidArgumentError(`"${value}" is not an IANA time zone (e.g. America/Denver)`);
  }
  return value;
}

/** `--wait`, parsed where the lock lives (loaded only by the commands that lock). */
async function wait(value: string | undefined): Promise<number> {
  return (await import('./cli/lock')).parseWait(value);
}

export function buildProgram(): Command {
  const program = new Command('support-desk')
    .description('Support Desk for Sheets, run locally on an exported workbook (.xlsx) in the Apps Script emulator.')
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (str, write) => write(str.split('\n')[0]!.replace(/^error: /, 'support-desk: ') + '\n') })
    .exitOverride();

  program
    .command('init')
    .description('Write a blank register: every tab, header, dropdown and default, made by running `setup`.')
    .requiredOption('--workbook <file.xlsx>', 'where to write the register')
    .addOption(new Option('--tz <zone>', 'the spreadsheet time zone (IANA)').default('America/Denver').argParser(zone))
    .option('--account <address>', 'the support mailbox the automation runs as', 'support@example.com')
    .option('--force', 'overwrite the workbook if it exists')
    .action(async (opts) => {
      const { runInit } = await import('./cli/init');
      process.exitCode = await runInit({ workbook: opts.workbook, tz: opts.tz, account: opts.account, force: opts.force }, process.stdout);
    });

  program
    .command('setup')
    .description(
      'Restore a register: add missing tabs, columns, dropdowns and settings (as Support Desk → Set up register does in the sheet); rows already there are kept.',
    )
    .requiredOption('--workbook <file.xlsx>', 'the register; saved back in place')
    .option('--wait <seconds>', 'wait this long for another run on the workbook to finish, then exit 75 (default 180)')
    .action(async (opts) => {
      const { runSetupCommand } = await import('./cli/setup');
      process.exitCode = await runSetupCommand({ workbook: opts.workbook, wait: await wait(opts.wait) }, process.stdout);
    });

  program
    .command('sla')
    .description('Batch SLA calendar checks: JSON lines on stdin (due, elapsed, isOpen, nextOpen), one JSON line out per line in.')
    .requiredOption('--calendars <file.json>', 'a JSON array of calendars')
    .action(async (opts) => {
      const { runSlaCommand } = await import('./cli/sla');
      process.exitCode = await runSlaCommand({ calendars: opts.calendars }, process.stdin, process.stdout, process.stderr);
    });

  // `run <job>`: a scheduled job of the bundle, run once in the emulator on a workbook.
  const run =
    program.commands.find((c) => c.name() === 'run') ??
    program.command('run').description('Run one job of the automation on an exported workbook (.xlsx), as its trigger would.');
  run
    .command('billing')
    .description(
      'Bill a month: write the "Billing YYYY-MM" tab and Counted/Reason/Problems of Hours into the workbook, and the finance and client statement drafts into the outbox.',
    )
    .requiredOption('--workbook <file.xlsx>', 'the register; saved back in place')
    .requiredOption('--month <YYYY-MM>', 'the month to bill, in the Provider time zone')
    .option('--final', 'mark the month Final: never rewritten; later changes become adjustments in the next month')
    .option('--reopen', 'reopen a Final month first (needs --reason; logged with who and why), then bill it (Draft, or Final with --final)')
    .option('--reason <text>', 'why the month is reopened (with --reopen)')
    .option('--by <name>', 'who runs it, for the Log and the record of a close (default: your login name)')
    .requiredOption('--outbox <dir>', 'where the drafts are written as .eml files')
    .option('--inbox <path>', "the mbox or .eml folder `run ingest` read: notices then answer in the tickets' Gmail threads")
    .option('--now <iso>', 'run as if at this instant, with its UTC offset (default: now)')
    .option('--wait <seconds>', 'wait this long for another run on the workbook to finish, then exit 75 (default 180)')
    .action(async (opts) => {
      const { runBilling } = await import('./cli/run-billing');
      process.exitCode = await runBilling(
        {
          workbook: opts.workbook,
          month: opts.month,
          final: opts.final,
          reopen: opts.reopen,
          reason: opts.reason,
          by: opts.by,
          outbox: opts.outbox,
          inbox: opts.inbox,
          now: opts.now,
          wait: await wait(opts.wait),
        },
        process.stdout,
      );
    });
  run
    .command('ingest')
    .description(
      'Read an inbox (mbox or folder of .eml) into Tickets and Messages as the ingestInbox trigger would; acknowledgements and replies go to the outbox.',
    )
    .requiredOption('--workbook <file.xlsx>', 'the register; saved back in place (run state kept in <file.xlsx>.properties.json)')
    .requiredOption('--inbox <path>', 'an mbox file or a folder of .eml files')
    .requiredOption(
      '--at <iso>',
      'the run happens at this instant (with its UTC offset, e.g. 2026-11-02T13:05:00-07:00): only mail delivered by then is in the inbox',
    )
    .requiredOption('--outbox <dir>', 'where mail sent or drafted is written as .eml files, numbered after what earlier runs left there')
    .option('--wait <seconds>', 'wait this long for another run on the workbook to finish, then exit 75 (default 180)')
    .option('--force', 'run even if --at is before the last run recorded in the run state')
    .action(async (opts) => {
      const { runIngestCommand } = await import('./cli/run-ingest');
      process.exitCode = await runIngestCommand(
        { workbook: opts.workbook, inbox: opts.inbox, at: opts.at, outbox: opts.outbox, wait: await wait(opts.wait), force: opts.force },
        process.stdout,
      );
    });
  run
    .command('sweep')
    .description(
      'Sweep SLAs as the sweepSla trigger would at --at: SLA state, due times and escalation tiers into Tickets; escalation and status mail to the outbox.',
    )
    .requiredOption('--workbook <file.xlsx>', 'the register; saved back in place (run state kept in <file.xlsx>.properties.json)')
    .requiredOption('--at <iso>', 'the sweep happens at this instant (with its UTC offset, e.g. 2026-11-02T13:05:00-07:00)')
    .requiredOption('--outbox <dir>', 'where mail sent or drafted by this run is written as .eml files')
    .option('--inbox <path>', "the mbox or .eml folder `run ingest` read: notices then answer in the tickets' Gmail threads")
    .option('--wait <seconds>', 'wait this long for another run on the workbook to finish, then exit 75 (default 180)')
    .option('--force', 'run even if --at is before the last run recorded in the run state')
    .action(async (opts) => {
      const { runSweepCommand } = await import('./cli/run-sweep');
      process.exitCode = await runSweepCommand(
        { workbook: opts.workbook, at: opts.at, outbox: opts.outbox, inbox: opts.inbox, wait: await wait(opts.wait), force: opts.force },
        process.stdout,
      );
    });

  run
    .command('replay')
    .description(
      "Replay a span of time in one emulator: ingestInbox, sweepSla, checkHours and the month close at their trigger times, mail at its delivery time, people's edits (--edits) at theirs; saved once.",
    )
    .requiredOption(
      '--workbook <file.xlsx>',
      'the register; saved back in place once, at the end (run state in <file.xlsx>.properties.json)',
    )
    .requiredOption('--inbox <path>', 'an mbox file or a folder of .eml files; each mail arrives at its delivery time')
    .requiredOption('--from <iso>', 'the replay starts at this instant (with its UTC offset, e.g. 2026-09-01T07:00:00-06:00)')
    .requiredOption('--to <iso>', 'and ends at this one')
    .option('--outbox <dir>', 'where mail sent or drafted is written as .eml files', 'out/replay-outbox')
    .option('--edits <file.jsonl>', 'JSON lines of what people do in the sheet, each applied at its "at" through the edit trigger')
    .option('--daily-quota <recipients>', "Gmail's daily recipient quota for the account (100 consumer, 1500 Workspace)", (v) => Number(v))
    .option('--wait <seconds>', 'wait this long for another run on the workbook to finish, then exit 75 (default 180)')
    .option('--force', 'run even if --from is before the last run recorded in the run state')
    .action(async (opts) => {
      const { runReplayCommand } = await import('./cli/run-replay');
      process.exitCode = await runReplayCommand(
        {
          workbook: opts.workbook,
          inbox: opts.inbox,
          from: opts.from,
          to: opts.to,
          outbox: opts.outbox,
          edits: opts.edits,
          dailyQuota: opts.dailyQuota,
          wait: await wait(opts.wait),
          force: opts.force,
        },
        process.stdout,
      );
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof BusyError) {
      process.stderr.write(`support-desk: ${e.message}\n`);
      return 75;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`support-desk: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`support-desk: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

installInterruptHandlers();
main(process.argv.slice(2)).then((code) => process.exit(code));
