/** Pure mail logic for the inbox: who wrote, what kind of mail it is, what we answer. */
export { addressesIn, domainOf, isAtDomain, localPartOf, parseAddressList, parseMailbox, type Mailbox } from './address';
export { header, hasHeader, messageIdsIn, parseHeaderBlock, type HeaderMap } from './headers';
export type { InboundMessage } from './message';
export { parseDateHeader, parseMessage, receivedAt, type ParsedMessage } from './parsed';
export { detectNoise, type Noise, type NoiseKind } from './noise';
export { ownMarker, ownMarkIn, type OwnMailKind, type OwnMark } from './own';
export { cleanSubject, taggedReplySubject, ticketTag, ticketTagIn } from './subject';
export { Directory, type ClientInfo, type Contact, type SenderRole } from './directory';
export {
  DEFAULT_PRIORITY_KEYWORDS,
  DEFAULT_REASON_KEYWORDS,
  KeywordRuleError,
  parseKeywordRules,
  suggestPriority,
  suggestReason,
  type KeywordRule,
} from './keywords';
export { rankArticles, type Article, type RankedArticle } from './kb';
export { acknowledgement, localDeadline, unregisteredReply, type AckInput, type OutgoingText } from './ack';
export { fnv1a } from './fingerprint';
