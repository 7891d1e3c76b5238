#!/usr/bin/env node
/**
 * The local command line: `npm run -s cli -- <command>`. Every command runs the bundled
 * build/Code.js in the Apps Script emulator (or, for `sla`, the same core engine), so what
 * it does is what the deployed script does.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { UsageError } from './cli/usage-error';

const ZONE = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/;
function zone(value: string): string {
  if (!ZONE.test(value) || !Intl.supportedValuesOf('timeZone').concat(['UTC']).includes(value)) {
    throw new InvalidArgumentError(`"${value}" is not an IANA time zone (e.g. America/Denver)`);
  }
  return value;
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
    .command('sla')
    .description('Batch SLA calendar checks: JSON lines on stdin (due, elapsed, isOpen, nextOpen), one JSON line out per line in.')
    .requiredOption('--calendars <file.json>', 'a JSON array of calendars')
    .action(async (opts) => {
      const { runSlaCommand } = await import('./cli/sla');
      process.exitCode = await runSlaCommand({ calendars: opts.calendars }, process.stdin, process.stdout, process.stderr);
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
    if (e instanceof UsageError) {
      process.stderr.write(`support-desk: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`support-desk: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
