/**
 * Ctrl-C and SIGTERM during a run: the save (`commitFiles`) is synchronous, so a signal is
 * only ever handled before it starts (nothing was written: roll back by writing nothing)
 * or after it ended (the run is saved). Either way the process says which and exits 130.
 * Installed by the command-line entry only, never inside a test runner's process.
 */
let saved = false;

export function installInterruptHandlers(): void {
  const onSignal = () => {
    process.stderr.write(saved ? 'support-desk: interrupted after the run was saved\n' : 'support-desk: interrupted; nothing was saved\n');
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** A run starts: nothing of it is saved yet. */
export function runStarted(): void {
  saved = false;
}

export function markSaved(): void {
  saved = true;
}
