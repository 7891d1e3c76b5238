import { DateTime } from 'luxon';
import { MemoryPort } from '../support/memory-port';
import { headersOf, type TabSpec } from '../../src/register/tab-spec';
import {
  CalendarsTab,
  ClientsTab,
  EscalationTab,
  HolidaysTab,
  LogTab,
  SettingsTab,
  SlaPoliciesTab,
  TicketsTab,
} from '../../src/register/tabs';
import { calendarRows, escalationRows, holidayRows } from '../../src/register/defaults/reference-data';
import { contractPolicyRows } from '../support/contract-policies';
import type { WorkbookPort } from '../../src/jobs/ports';
import type { RunLogPort } from '../../src/jobs/ports';
import type { MailPort, ReplyTarget } from '../../src/jobs/mail/port';
import type { OutgoingMail } from '../../src/core/notify/index';
import type { SweepPorts } from '../../src/jobs/sweep/sweep';

export const ZONE = 'America/Denver';
/** A local Denver time as epoch ms. */
export const mt = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

const rowsOf = (spec: TabSpec, records: readonly Record<string, unknown>[]) => {
  const h = headersOf(spec);
  return [h, ...records.map((r) => h.map((k) => r[k] ?? ''))];
};

export class MemoryWorkbook implements WorkbookPort {
  readonly timeZone = ZONE;
  readonly tabs = new Map<string, MemoryPort>();
  readonly toasts: string[] = [];
  tab(name: string) {
    return this.tabs.get(name) ?? null;
  }
  ensureTab(name: string) {
    if (!this.tabs.has(name)) this.tabs.set(name, new MemoryPort([], name));
    return this.tabs.get(name)!;
  }
  toast(m: string) {
    this.toasts.push(m);
  }
  put(spec: TabSpec, records: readonly Record<string, unknown>[]) {
    this.tabs.set(spec.name, new MemoryPort(rowsOf(spec, records), spec.name));
  }
  /** Tickets as header → value records. */
  tickets(): Record<string, unknown>[] {
    const [h, ...rows] = this.tabs.get('Tickets')!.rows;
    return rows.map((r) => Object.fromEntries((h as string[]).map((k, i) => [k, r[i] ?? ''])));
  }
  ticket(id: string) {
    return this.tickets().find((t) => t['Ticket ID'] === id)!;
  }
  calls(): number {
    let n = 0;
    for (const p of this.tabs.values()) n += p.calls.length;
    return n;
  }
}

export class RecordingMail implements MailPort {
  readonly sent: OutgoingMail[] = [];
  readonly drafts: OutgoingMail[] = [];
  readonly replies: { threadId: string; mail: OutgoingMail; draft: boolean }[] = [];
  quota = 100;
  quotaCalls = 0;
  threads = new Set<string>();
  /** Whether a reply in this thread can be placed there (the thread exists). */
  hasThread = (threadId: string) => this.threads.has(threadId);
  remainingQuota() {
    this.quotaCalls++;
    return this.quota;
  }
  send(m: OutgoingMail, replyIn?: ReplyTarget) {
    this.quota -= m.to.length + m.cc.length;
    if (replyIn && this.hasThread(replyIn.threadId)) this.replies.push({ threadId: replyIn.threadId, mail: m, draft: false });
    else this.sent.push(m);
  }
  saveDraft(m: OutgoingMail, replyIn?: ReplyTarget) {
    if (replyIn && this.hasThread(replyIn.threadId)) this.replies.push({ threadId: replyIn.threadId, mail: m, draft: true });
    else this.drafts.push(m);
    return `draft-${this.drafts.length + this.replies.length}`;
  }
  deleteDraft() {
    return true;
  }
  all() {
    return [...this.sent, ...this.drafts, ...this.replies.map((r) => r.mail)];
  }
}

export class ArrayLog implements RunLogPort {
  readonly lines: { action: string; detail: string; ticketId?: string }[] = [];
  add(action: string, detail = '', ids: { ticketId?: string } = {}) {
    this.lines.push({ action, detail, ...(ids.ticketId ? { ticketId: ids.ticketId } : {}) });
  }
}

export interface Fixture {
  readonly wb: MemoryWorkbook;
  readonly mail: RecordingMail;
  readonly log: ArrayLog;
  now: number;
  locked: boolean;
  ports(): SweepPorts;
}

export function ticket(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'Ticket ID': id,
    'Client ID': 'ACME',
    Requester: 'ann@acme.test',
    Subject: `Help ${id}`,
    Priority: 'High',
    Status: 'Open',
    Assignee: 'sam@helpdesk.test',
    'Received at': new Date(mt('2026-11-02T09:00')),
    'Thread ID': `thread-${id}`,
    ...over,
  };
}

/** A register like `setup` seeds (defaults from the seeds), with one client ACME and escalation addresses filled in. */
export function fixture(
  tickets: Record<string, unknown>[],
  opts: { clients?: Record<string, unknown>[]; settings?: Record<string, string> } = {},
): Fixture {
  const wb = new MemoryWorkbook();
  const settings = {
    'Default calendar': 'MT-8-5',
    'Default escalation matrix': 'CSM-Director-VP',
    'Mail quota reserve': '10',
    ...opts.settings,
  };
  wb.put(
    SettingsTab,
    Object.entries(settings).map(([Key, Value]) => ({ Key, Value })),
  );
  wb.put(
    ClientsTab,
    opts.clients ?? [
      {
        'Client ID': 'ACME',
        Name: 'Acme Corp',
        Plan: 'Standard',
        'CSM email': 'csm@helpdesk.test',
        'Escalation matrix': 'CSM-Director-VP',
        Status: 'Active',
      },
    ],
  );
  wb.put(CalendarsTab, calendarRows());
  wb.put(
    HolidaysTab,
    holidayRows(2026, (d) => new Date(mt(`${d}T00:00`))),
  );
  wb.put(SlaPoliciesTab, contractPolicyRows());
  const emails: Record<string, string> = { 'Director Client Success': 'director@helpdesk.test', 'VP Client Success': 'vp@helpdesk.test' };
  wb.put(
    EscalationTab,
    escalationRows().map((r) => ({ ...r, Email: emails[String(r.Title)] ?? '' })),
  );
  wb.put(TicketsTab, tickets);
  wb.put(LogTab, []);
  const mail = new RecordingMail();
  for (const t of tickets) mail.threads.add(String(t['Thread ID'] ?? ''));
  const log = new ArrayLog();
  const f: Fixture = {
    wb,
    mail,
    log,
    now: mt('2026-11-02T10:00'),
    locked: false,
    ports: () => ({
      workbook: wb,
      clock: { now: () => f.now },
      lock: { tryLock: () => !f.locked, release: () => {} },
      budget: { remainingMs: () => 300_000 },
      mail,
      log,
      rowLink: (r: number) => `https://sheet.test/#gid=1&range=A${r}`,
    }),
  };
  return f;
}
