import { normaliseSubject } from './subject';

/**
 * How Gmail groups a new message into a conversation, approximated: it joins a thread
 * when its In-Reply-To/References name a message already in that thread AND its
 * subject, stripped of Re:/Fwd:/AW:/SV:… prefixes, equals the thread's. A reply whose
 * subject was changed starts a new thread, and so does a mail with the same subject but
 * no reference (Gmail documents the first rule; the second is how it behaves in
 * practice). Gmail also merges on some heuristics it doesn't publish; those are not
 * modeled.
 */
export interface ThreadIndex {
  /** Threads holding a message with this Message-ID header, oldest first. */
  threadsWithMessageId(messageIdHeader: string): readonly string[];
  subjectKeyOf(threadId: string): string | undefined;
}

export function findThread(index: ThreadIndex, referenceIds: readonly string[], subject: string): string | undefined {
  const key = normaliseSubject(subject);
  // The most recent reference is the message being answered: prefer its thread.
  for (let i = referenceIds.length - 1; i >= 0; i--) {
    const candidates = index.threadsWithMessageId(referenceIds[i] ?? '');
    for (let j = candidates.length - 1; j >= 0; j--) {
      const threadId = candidates[j];
      if (threadId !== undefined && index.subjectKeyOf(threadId) === key) return threadId;
    }
  }
  return undefined;
}
