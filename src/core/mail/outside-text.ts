/**
 * Text a sender chose (a display name, a subject) that our own mail repeats. It is data,
 * never copy: an attacker who puts "Your contract has expired, renew at https://…" in their
 * From name must not get that sentence sent out under our name, to them or to their Cc.
 * So what we echo is decoded, reduced to one plain line without links or markup, and capped.
 */

/** Longest display name we repeat in a greeting. */
export const NAME_MAX = 60;
/** Longest part of a sender's subject we repeat in our subject lines. */
export const SUBJECT_MAX = 80;
/** A greeting name of more words than this is a sentence, not a name. */
const NAME_WORDS_MAX = 5;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Bytes(s: string): number[] {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of s) {
    const v = BASE64.indexOf(ch);
    if (v < 0) continue; // padding and stray characters
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}

function qBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '_') out.push(0x20);
    else if (ch === '=' && /^[0-9a-f]{2}$/i.test(s.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(ch.charCodeAt(0) & 0xff);
  }
  return out;
}

/** UTF-8 without TextDecoder (Apps Script has none); a broken sequence becomes U+FFFD. */
function utf8(bytes: readonly number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (len === 0 || i + len > bytes.length) {
      s += '\ufffd';
      i++;
      continue;
    }
    let cp = len === 1 ? b : b & (0xff >> (len + 1));
    let ok = true;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3f);
    }
    s += ok && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    i += ok ? len : 1;
  }
  return s;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bq])\?([^?\s]*)\?=/gi;

/**
 * RFC 2047 encoded words left in a value (Gmail decodes the header once; a name quoted
 * around an encoded word, or encoded twice, still holds them). UTF-8 and Latin-1/ASCII are
 * decoded; any other charset is dropped rather than guessed.
 */
export function decodeEncodedWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(ENCODED_WORD, (_, charset: string, enc: string, text: string) => {
    const bytes = enc.toLowerCase() === 'b' ? base64Bytes(text) : qBytes(text);
    const cs = charset.toLowerCase().replace(/\*.*$/, '');
    if (cs === 'utf-8' || cs === 'utf8') return utf8(bytes);
    if (cs === 'us-ascii' || cs === 'iso-8859-1' || cs === 'latin1' || cs === 'windows-1252') return String.fromCharCode(...bytes);
    return ' ';
  });
}

/** A word that is, or holds, a link or an address: `https://…`, `www.x`, `evil.example/pay`, `a@b`, `renew-now.com`. */
const LINKISH = /:\/\/|www\.|@|[/\\]|[\p{L}\p{N}-]\.[\p{L}]{2,}/iu;

/**
 * One plain line of at most `max` characters: encoded words decoded, line breaks and
 * control or direction characters turned to spaces, markup and angle brackets removed,
 * words that are links or addresses dropped. Never contains CR/LF, "://", "www.", "<" or ">".
 */
export function cleanOutsideText(value: string, max: number): string {
  const plain = decodeEncodedWords(value)
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ')
    .replace(/[<>]/g, ' ');
  const words = plain.split(/\s+/).filter((w) => w !== '' && !LINKISH.test(w));
  const whole = words.join(' ');
  if ([...whole].length <= max) return whole;
  // Cut at a word end with room for the ellipsis; a single over-long first word is cut inside.
  let out = '';
  for (const w of words) {
    const next = out === '' ? w : `${out} ${w}`;
    if ([...next].length + 1 > max) break;
    out = next;
  }
  if (out === '') out = [...words[0]!].slice(0, Math.max(0, max - 1)).join('');
  return `${out}…`;
}

/**
 * The name a greeting may use: the cleaned display name, or null when what is left is
 * nothing or reads as a sentence (more than a few words, or sentence punctuation), so the
 * greeting is a neutral "Hello,".
 */
export function greetingName(displayName: string): string | null {
  const clean = cleanOutsideText(displayName, NAME_MAX);
  if (clean === '' || clean.endsWith('…')) return null;
  if (clean.split(' ').length > NAME_WORDS_MAX) return null;
  if (/[!?:;$%€£=|{}[\]*#"]/.test(clean)) return null;
  if (!/\p{L}/u.test(clean)) return null;
  return clean;
}
