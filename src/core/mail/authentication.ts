import type { HeaderMap } from './headers';

/** The checks whose failure means the From address is likely forged. */
const METHODS = ['dmarc', 'spf', 'dkim'] as const;
type Method = (typeof METHODS)[number];

const resultOf = (value: string, method: Method): string[] =>
  [...value.matchAll(new RegExp(`(?:^|[;\\s])${method}\\s*=\\s*([a-z]+)`, 'gi'))].map((m) => m[1]!.toLowerCase());

/**
 * Why a message's sender must not be answered, judged from its Authentication-Results
 * headers (RFC 8601) where there are any: dmarc=fail or spf=fail in any of them, or
 * dkim=fail with no passing signature beside it. A forged From is someone else's address:
 * answering it sends our mail (backscatter) to a person who never wrote. Only replies are
 * withheld on this: the message itself is handled as usual. No header, no judgement.
 */
export function authenticationFailure(headers: HeaderMap): string | null {
  const values = headers.get('authentication-results') ?? [];
  for (const method of ['dmarc', 'spf'] as const)
    if (values.some((v) => resultOf(v, method).includes('fail'))) return `${method.toUpperCase()} failed (Authentication-Results)`;
  for (const v of values) {
    const dkim = resultOf(v, 'dkim');
    if (dkim.includes('fail') && !dkim.includes('pass')) return 'DKIM failed (Authentication-Results)';
  }
  return null;
}
