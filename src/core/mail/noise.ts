import { header, hasHeader, type HeaderMap } from './headers';
import { localPartOf } from './address';
import { deliveryReportWhy, isReadReceipt } from './bounce';

/** Mail no person wrote to us: never a ticket, never answered (no mail loops). */
export type NoiseKind = 'auto' | 'bounce' | 'bulk';

export interface Noise {
  readonly kind: NoiseKind;
  readonly why: string;
}

const AUTO_SUBJECT =
  /^\s*(automatic reply|auto(matic)?[- ]?reply|autoreply|out of (the )?office|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[áa]tica)\b/i;

/**
 * Classifies machine mail by its headers (RFC 3834 Auto-Submitted, delivery reports in
 * core/mail/bounce, RFC 2369/2919 list headers, the de-facto Precedence and X-Autoreply), with
 * subject lines as a last resort for clients that set none of them.
 */
export function detectNoise(headers: HeaderMap, senderAddress: string, subject: string): Noise | null {
  const report = deliveryReportWhy(headers, senderAddress, subject);
  if (report) return { kind: 'bounce', why: report };
  if (isReadReceipt(headers)) return { kind: 'auto', why: 'a read receipt' };

  const auto = header(headers, 'auto-submitted').split(';')[0]!.trim().toLowerCase();
  if (auto !== '' && auto !== 'no') return { kind: 'auto', why: `Auto-Submitted: ${auto}` };
  if (hasHeader(headers, 'x-autoreply')) return { kind: 'auto', why: 'X-Autoreply' };
  if (hasHeader(headers, 'x-autorespond')) return { kind: 'auto', why: 'X-Autorespond' };
  const precedence = header(headers, 'precedence').trim().toLowerCase();
  if (precedence === 'auto_reply') return { kind: 'auto', why: 'Precedence: auto_reply' };
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') return { kind: 'bulk', why: `Precedence: ${precedence}` };
  if (hasHeader(headers, 'list-id')) return { kind: 'bulk', why: 'List-Id' };
  if (hasHeader(headers, 'list-unsubscribe')) return { kind: 'bulk', why: 'List-Unsubscribe' };
  const returnPath = header(headers, 'return-path').trim();
  if (returnPath === '<>') return { kind: 'auto', why: 'empty Return-Path' };

  if (AUTO_SUBJECT.test(subject)) return { kind: 'auto', why: 'an automatic reply subject' };
  if (/^(no-?reply|do-?not-?reply|noreply-[a-z0-9-]+)$/.test(localPartOf(senderAddress))) return { kind: 'auto', why: 'a no-reply sender' };
  return null;
}
