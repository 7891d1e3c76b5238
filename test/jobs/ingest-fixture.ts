import type { InboundMessage } from '../../src/core/mail/message';
import type { IngestPorts, MailboxPort } from '../../src/jobs/ingest/ports';
import type { KeyValuePort } from '../../src/jobs/ports';
import { calendarRows, holidayRows } from '../../src/register/defaults/reference-data';
import { contractPolicyRows } from '../support/contract-policies';
import {
  CalendarsTab,
  ClientsTab,
  ContactsTab,
  HolidaysTab,
  KnowledgeBaseTab,
  LogTab,
  MessagesTab,
  SettingsTab,
  SlaPoliciesTab,
  TicketsTab,
} from '../../src/register/tabs';
import { ArrayLog, MemoryWorkbook, RecordingMail, mt } from './sweep-fixture';

/** A mailbox of threads in memory: every search finds every thread (the ledger decides what is new). */
export class MemoryMailbox implements MailboxPort {
  readonly threads = new Map<string, InboundMessage[]>();
  searches = 0;
  sentPhrases: string[] = [];

  deliver(m: InboundMessage): void {
    this.threads.set(m.threadId, [...(this.threads.get(m.threadId) ?? []), m]);
  }
  searchThreads(_query: string, start: number, max: number): string[] {
    this.searches++;
    return [...this.threads.keys()].slice(start, start + max);
  }
  readThreads(ids: readonly string[], known: (gmailId: string) => boolean): InboundMessage[] {
    return ids.flatMap((id) => (this.threads.get(id) ?? []).filter((m) => !known(m.gmailId)));
  }
  lastMessageAt(threadId: string): number | null {
    const list = this.threads.get(threadId);
    return list?.length ? Math.max(...list.map((m) => m.deliveredAt)) : null;
  }
  sentMailContains(phrase: string): boolean {
    return this.sentPhrases.some((p) => p.includes(phrase));
  }
}

export class MemoryState implements KeyValuePort {
  readonly values = new Map<string, string>();
  get(k: string) {
    return this.values.get(k) ?? null;
  }
  set(k: string, v: string) {
    this.values.set(k, v);
  }
  delete(k: string) {
    this.values.delete(k);
  }
}

let serial = 0;

/** One inbound mail; `id` is its Message-ID without brackets. */
export function mail(o: {
  id: string;
  from: string;
  subject: string;
  body?: string;
  at: string;
  thread?: string;
  cc?: string;
  inReplyTo?: string;
  headers?: Record<string, string>;
}): InboundMessage {
  const headers = new Map<string, string[]>([
    ['message-id', [`<${o.id}>`]],
    ['date', [new Date(mt(o.at)).toUTCString()]],
  ]);
  if (o.inReplyTo) headers.set('in-reply-to', [`<${o.inReplyTo}>`]);
  for (const [k, v] of Object.entries(o.headers ?? {})) headers.set(k.toLowerCase(), [v]);
  return {
    gmailId: `g${++serial}`,
    threadId: o.thread ?? `th-${o.id}`,
    from: o.from,
    to: 'support@helpdesk.test',
    cc: o.cc ?? '',
    replyTo: '',
    subject: o.subject,
    deliveredAt: mt(o.at),
    body: o.body ?? 'Please help.',
    headers,
    draft: false,
  };
}

export interface IngestFixture {
  readonly wb: MemoryWorkbook;
  readonly mailbox: MemoryMailbox;
  readonly mail: RecordingMail;
  readonly log: ArrayLog;
  readonly state: MemoryState;
  now: number;
  locked: boolean;
  remainingMs: number;
  ports(): IngestPorts;
  /** Messages rows as header → value records. */
  ledger(): Record<string, unknown>[];
}

/** A register like setup seeds, with client ACME (Standard plan) and its contacts. */
export function ingestFixture(settings: Record<string, string> = {}): IngestFixture {
  const wb = new MemoryWorkbook();
  wb.put(
    SettingsTab,
    Object.entries({ 'Support address': 'support@helpdesk.test', 'Staff domains': 'helpdesk.test', ...settings }).map(([Key, Value]) => ({
      Key,
      Value,
    })),
  );
  wb.put(ClientsTab, [
    { 'Client ID': 'ACME', Name: 'Acme Corp', Domains: 'acme.test', Plan: 'Standard', Status: 'Active', 'CSM email': 'csm@helpdesk.test' },
  ]);
  wb.put(ContactsTab, [
    { Email: 'ann@acme.test', Name: 'Ann Lee', 'Client ID': 'ACME', Role: 'Authorized representative', 'Can open tickets': 'Yes' },
    { Email: 'cy@acme.test', Name: 'Cy Park', 'Client ID': 'ACME', Role: 'User', 'Can open tickets': 'Yes' },
  ]);
  wb.put(CalendarsTab, calendarRows());
  wb.put(
    HolidaysTab,
    holidayRows(2026, (d) => new Date(mt(`${d}T00:00`))),
  );
  wb.put(SlaPoliciesTab, contractPolicyRows());
  wb.put(KnowledgeBaseTab, []);
  wb.put(TicketsTab, []);
  wb.put(MessagesTab, []);
  wb.put(LogTab, []);
  const mailbox = new MemoryMailbox();
  const recording = new RecordingMail();
  const log = new ArrayLog();
  const state = new MemoryState();
  const f: IngestFixture = {
    wb,
    mailbox,
    mail: recording,
    log,
    state,
    now: mt('2026-11-02T10:00'),
    locked: false,
    remainingMs: 300_000,
    ports: () => ({
      workbook: wb,
      mailbox,
      mail: recording,
      clock: { now: () => f.now },
      state,
      lock: { tryLock: () => !f.locked, release: () => {} },
      budget: { remainingMs: () => f.remainingMs },
      log,
    }),
    ledger: () => {
      const [h, ...rows] = wb.tabs.get('Messages')!.rows;
      return rows.map((r) => Object.fromEntries((h as string[]).map((k, i) => [k, r[i] ?? ''])));
    },
  };
  // A reply goes in its thread when the mailbox has it.
  recording.hasThread = (id) => mailbox.threads.has(id);
  return f;
}
