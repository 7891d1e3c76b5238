/**
 * Gmail matches words, not substrings: 'invoice' finds "Invoice #12" but not
 * "invoices2026". Text is cut into lower-case letter/digit runs and a term matches when
 * its own runs appear consecutively.
 */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function containsWords(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
