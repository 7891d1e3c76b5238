import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { instant, requiredText, text, preprocess } from '../cells';
import { MESSAGE_KINDS } from '../../core/types/vocab';

const A = 'automation' as const;

export const MessagesTab = defineTab({
  name: 'Messages',
  purpose: 'The ledger of every inbound and outbound message seen: a message listed here is never processed again.',
  key: 'Message ID',
  // The ledger is how the inbox check knows what it has handled: without these it would re-handle (and re-acknowledge) mail.
  needs: { ingest: ['Message ID', 'Thread ID', 'Ticket ID', 'From', 'Date', 'Kind', 'Action'] },
  schema: z.object({
    'Message ID': requiredText('Message ID'),
    'Thread ID': text,
    'Ticket ID': text,
    From: text,
    Date: instant,
    Kind: preprocess((v) => (v === '' ? 'unregistered' : v), z.enum(MESSAGE_KINDS)),
    Action: text,
    'Gmail ID': text,
    Subject: text,
    Excerpt: text,
  }),
  columns: {
    'Message ID': {
      note: 'The RFC 5322 Message-ID header: the same mail delivered twice is one row.',
      owner: A,
      outside: true,
      width: 260,
    },
    'Thread ID': { note: 'Gmail thread.', owner: A, format: 'text', width: 150 },
    'Ticket ID': { note: 'The ticket the message belongs to, if any.', owner: A, width: 95 },
    From: { note: 'Sender address.', owner: A, outside: true, width: 200 },
    Date: { note: 'When the message was sent.', owner: A, format: 'datetime', width: 140 },
    Kind: { note: 'customer, staff, follower, auto, bounce, bulk, unregistered, own.', owner: A, vocab: MESSAGE_KINDS, width: 100 },
    Action: { note: 'What the automation did with it.', owner: A, width: 260 },
    'Gmail ID': { note: 'Gmail’s own message id.', owner: A, format: 'text', width: 150 },
    Subject: { note: 'As sent.', owner: A, outside: true, width: 260 },
    Excerpt: {
      note: 'The start of the body (a few hundred characters); the full mail stays in Gmail.',
      owner: A,
      outside: true,
      width: 300,
    },
  },
});
