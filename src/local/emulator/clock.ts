/** The emulator's controllable time: what `new Date()` and `Date.now()` see in the sandbox. */
export class Clock {
  private ms: number;
  constructor(start: number | Date) {
    this.ms = typeof start === 'number' ? start : start.getTime();
  }
  now(): number {
    return this.ms;
  }
  set(at: number | Date): void {
    this.ms = typeof at === 'number' ? at : at.getTime();
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error('the clock does not run backwards');
    this.ms += ms;
  }
}
