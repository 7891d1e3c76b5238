import type { BilledLine } from './types';

/**
 * A short fingerprint of a final month's billed lines (FNV-1a, 32 bits, over the lines in a
 * fixed order). Kept with the record of what was billed, it tells whether the Final tab still
 * shows the lines that were billed, without keeping every line in document properties.
 */
export function billedLinesPrint(lines: readonly BilledLine[]): string {
  const text = lines
    .map((l) =>
      [
        l.clientId,
        l.day,
        l.person.trim().toLowerCase(),
        l.ticketId.trim().toUpperCase(),
        l.activity.trim().toLowerCase(),
        l.required ? 'Y' : 'N',
        l.loggedMin,
        l.countedMin,
      ].join('|'),
    )
    .sort()
    .join('\n');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${lines.length}:${h.toString(16).padStart(8, '0')}`;
}
