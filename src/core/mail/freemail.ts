/**
 * Public mail providers: anyone can have an address there, so such a domain says nothing
 * about whom a sender works for. Listed on a Clients row it would tell every Gmail user who
 * writes that the client is ours; so it is ignored for matching and the row gets a Problems
 * note. Families whose country domains vary (gmx.de, yahoo.co.uk, …) are matched by name.
 */
const FREEMAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'zoho.com',
  'zohomail.com',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'fastmail.com',
  'tutanota.com',
  'tuta.io',
  'hey.com',
  'qq.com',
  '163.com',
  '126.com',
  'web.de',
  't-online.de',
  'free.fr',
  'orange.fr',
  'laposte.net',
  'libero.it',
  'seznam.cz',
  'naver.com',
  'rediffmail.com',
]);

/** Providers with a domain per country: `gmx.de`, `hotmail.co.uk`, `yahoo.fr`, `outlook.es`. */
const FAMILIES = /^(?:gmx|hotmail|outlook|live|yahoo|aol|gmail|icloud|yandex)\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/;

/** Whether `domain` (lower- or mixed-case, with or without a leading @) is a public mail provider's. */
export function isFreemailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase().replace(/^@/, '');
  return FREEMAIL.has(d) || FAMILIES.test(d);
}
