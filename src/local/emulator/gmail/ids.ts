/**
 * Gmail ids are 16 hex digits that grow with time (roughly the millisecond timestamp
 * shifted left by 20 bits, plus a sequence). Sorting ids therefore sorts by arrival,
 * which products sometimes rely on; the emulator keeps that property.
 */
export class IdSource {
  private seq = 0;

  next(atMs: number): string {
    this.seq = (this.seq + 1) & 0xfffff;
    const value = (BigInt(Math.max(0, Math.floor(atMs))) << 20n) | BigInt(this.seq);
    return value.toString(16).padStart(16, '0').slice(-16);
  }
}

/** Draft ids look like 'r-8412…' (the Gmail API's draft ids), distinct from message ids. */
export class DraftIdSource {
  private seq = 0;
  next(): string {
    this.seq += 1;
    return `r-${(5_000_000_000_000_000n + BigInt(this.seq) * 7919n).toString()}`;
  }
}
