import { domainOf } from './address';

/** Letters and pairs that read alike in a mail client's font. */
const HOMOGLYPHS: readonly [RegExp, string][] = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/cl/g, 'd'],
  [/0/g, 'o'],
  [/[1i|]/g, 'l'],
  [/5/g, 's'],
  [/[-_.]/g, ''],
];

/** How a name reads at a glance: lower-case, look-alike letters folded, separators gone. */
function skeleton(s: string): string {
  let out = s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  for (const [from, to] of HOMOGLYPHS) out = out.replace(from, to);
  return out;
}

/** The name part of a domain: `acme` of acme.com, `summit-outfitters` of mail.summit-outfitters.example. */
function nameLabel(domain: string): string {
  const labels = domain.split('.');
  const n = labels.length;
  // acme.co.uk, acme.com.au: the name is before the country's second level.
  if (n >= 3 && labels[n - 1]!.length === 2 && SECOND_LEVEL.has(labels[n - 2]!)) return labels[n - 3]!;
  return n >= 2 ? labels[n - 2]! : (labels[0] ?? '');
}

const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'gob', 'nic']);

/** At most one insertion, deletion, substitution or swap of neighbours apart. */
function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  return (
    restA.slice(1) === restB.slice(1) || // substitution
    restA.slice(1) === restB || // deletion
    restA === restB.slice(1) || // insertion
    (restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2)) // swap
  );
}

/** Names this short are common words inside other domains: only an exact skeleton match counts. */
const SHORT = 4;

/**
 * The protected domain (a client's, a staff one, our own) that `address`'s domain imitates,
 * or null: `acme-corp.com`, `acrne.com`, `acme.co`, `acme.com.evil.io`, `mail-acme.com`
 * against acme.com. The real domain and its subdomains are not look-alikes. Used only to
 * withhold replies (a polite answer would confirm to a phisher that the mailbox reads its
 * mail): a false match costs a stranger their "how to register" reply, nothing more.
 */
export function lookalikeOf(address: string, protectedDomains: readonly string[]): string | null {
  const d = domainOf(address);
  if (d === '') return null;
  const genuine = (p: string) => d === p || d.endsWith(`.${p}`);
  const domains = protectedDomains.map((p) => p.trim().toLowerCase().replace(/^@/, '')).filter((p) => p.includes('.'));
  if (domains.some(genuine)) return null;
  const whole = skeleton(d);
  const own = skeleton(nameLabel(d));
  for (const p of domains) {
    const name = skeleton(nameLabel(p));
    if (name === '') continue;
    if (own === name || whole.startsWith(skeleton(p))) return p;
    if (name.length >= SHORT && (whole.includes(name) || (name.length >= 5 && nearlyEqual(own, name)))) return p;
  }
  return null;
}
