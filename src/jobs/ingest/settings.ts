import { DEFAULT_PRIORITY_KEYWORDS, DEFAULT_REASON_KEYWORDS, KeywordRuleError, parseKeywordRules, type KeywordRule } from '../../core/mail/keywords';
import type { UnregisteredPolicy } from '../../core/tickets/decide';
import { PRIORITIES, REASONS, type Priority, type Reason } from '../../core/types/vocab';

/** The Settings the inbox job reads, each with its default when the row is missing or blank. */
export interface IngestSettings {
  readonly supportAddress: string;
  readonly staffDomains: readonly string[];
  readonly query: string;
  readonly acksPerSenderPerHour: number;
  readonly quotaReserve: number;
  readonly unregistered: UnregisteredPolicy;
  readonly reasonRules: readonly KeywordRule<Reason>[];
  readonly priorityRules: readonly KeywordRule<Priority>[];
  readonly defaultCalendar: string;
  /** Problems with settings, for the Log; the default was used instead. */
  readonly problems: readonly string[];
}

export function readIngestSettings(values: ReadonlyMap<string, string>, account: string): IngestSettings {
  const problems: string[] = [];
  const get = (k: string) => (values.get(k) ?? '').trim();
  const count = (k: string, fallback: number) => {
    const v = get(k);
    if (v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) {
      problems.push(`Settings "${k}": "${v}" is not a whole number; using ${fallback}`);
      return fallback;
    }
    return n;
  };
  const rules = <T extends string>(k: string, fallback: string, vocab: readonly T[]): KeywordRule<T>[] => {
    const v = get(k);
    try {
      return parseKeywordRules(v === '' ? fallback : v, vocab, k);
    } catch (e) {
      if (!(e instanceof KeywordRuleError)) throw e;
      problems.push(`Settings ${e.message}; using the default rules`);
      return parseKeywordRules(fallback, vocab, k);
    }
  };
  let unregistered: UnregisteredPolicy = 'Reply and log';
  const u = get('Unregistered senders').toLowerCase();
  if (u === 'open ticket') unregistered = 'Open ticket';
  else if (u !== '' && u !== 'reply and log') problems.push(`Settings "Unregistered senders": "${get('Unregistered senders')}" is not "Reply and log" or "Open ticket"; using Reply and log`);
  const query = get('Ingest query') || 'in:inbox';
  if (/\b(after|before|newer|older):/i.test(query)) problems.push('Settings "Ingest query" should not contain a date: the automation adds its own time window');
  return {
    supportAddress: (get('Support address') || account).toLowerCase(),
    staffDomains: get('Staff domains')
      .split(/[\s,;]+/)
      .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean),
    query,
    acksPerSenderPerHour: count('Acknowledgements per sender per hour', 3),
    quotaReserve: count('Mail quota reserve', 10),
    unregistered,
    reasonRules: rules('Reason keywords', DEFAULT_REASON_KEYWORDS, REASONS),
    priorityRules: rules('Priority keywords', DEFAULT_PRIORITY_KEYWORDS, PRIORITIES),
    defaultCalendar: get('Default calendar') || 'MT-8-5',
    problems,
  };
}
