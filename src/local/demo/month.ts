import { DateTime } from 'luxon';
import { providerHolidays } from '../../core/holidays/provider-holidays';
import { CLIENTS, STAFF, SUPPORT_ADDRESS, type DemoClient } from './register-data';
import { rawMail, type DemoMail } from './mail-text';
import { Random } from './random';

/**
 * A month of realistic support traffic for the demo, generated from a seed: requests from
 * authorized contacts (some with colleagues on Cc), staff answers (most in time, some
 * late), customer follow-ups, auto-replies, a bounce, list mail, an unregistered sender, a
 * contact who may not open tickets, and a critical outage on a Friday evening before a
 * holiday. Alongside the mail, what people do in the sheet: set priorities, resolve
 * tickets, and log their hours (some clients over their contract).
 */
export interface DemoEvent {
  readonly at: number;
  readonly kind: 'mail';
  readonly raw: string;
  readonly note: string;
}

/** Something a person does in the sheet, about the ticket opened by `requestId`. */
export interface DemoEdit {
  readonly at: number;
  readonly kind: 'edit';
  readonly requestId: string;
  readonly set: Readonly<Record<string, string>>;
}

export interface DemoHours {
  readonly date: string;
  readonly clientId: string;
  readonly person: string;
  readonly activity: string;
  readonly hours: string;
  readonly requiredAttendee: 'Yes' | 'No';
  readonly requestId?: string;
  readonly notes: string;
}

export interface DemoMonth {
  readonly start: number;
  readonly end: number;
  readonly mail: DemoEvent[];
  readonly edits: DemoEdit[];
  readonly hours: DemoHours[];
  /** Message-IDs of requests that must become tickets (the acceptance test checks this). */
  readonly requests: { messageId: string; clientId: string; from: string; subject: string; critical: boolean }[];
  /** Message-IDs of mail that must never open a ticket or be answered. */
  readonly noise: { messageId: string; why: string }[];
}

const ZONE = 'America/Denver';

const TOPICS: readonly { subject: string; body: string; reason: string; priority: string }[] = [
  {
    subject: 'Campaign stuck in the send queue',
    body: 'Our weekly campaign has been sitting in the queue since this morning and has not sent.',
    reason: 'Bug',
    priority: 'High',
  },
  {
    subject: 'How do I export the monthly report to CSV?',
    body: 'We need the monthly engagement report as a CSV for our board pack. Where is the export?',
    reason: 'Question',
    priority: 'Low',
  },
  {
    subject: 'Password reset link not arriving',
    body: 'Two of our users are locked out and the password reset mail never arrives.',
    reason: 'Bug',
    priority: 'Medium',
  },
  {
    subject: 'Data sync from our CRM is missing contacts',
    body: 'The nightly integration sync imported only part of our contacts yesterday.',
    reason: 'Bug',
    priority: 'High',
  },
  {
    subject: 'Training for two new team members',
    body: 'Could we set up a short training session for two new marketers next week?',
    reason: 'Question',
    priority: 'Low',
  },
  {
    subject: 'Custom field for loyalty tier',
    body: 'We would like a custom field for the loyalty tier on profiles. Is that a customization you can do?',
    reason: 'Customization',
    priority: 'Medium',
  },
  {
    subject: 'Feature idea: schedule reports by time zone',
    body: 'It would help if scheduled reports could follow the recipient time zone.',
    reason: 'Feature request',
    priority: 'Low',
  },
  {
    subject: 'Audience count looks wrong after the import',
    body: 'The audience count dropped by a third after Tuesday’s import. Is the data missing?',
    reason: 'Bug',
    priority: 'Medium',
  },
];

const ACTIVITIES = [
  'Status update',
  'Account review',
  'Strategic planning',
  'Help desk request',
  'Reporting',
  'Training',
  'Enhancement management',
] as const;

function businessDays(monthStart: DateTime, holidays: Set<string>): DateTime[] {
  const days: DateTime[] = [];
  for (let d = monthStart; d.month === monthStart.month; d = d.plus({ days: 1 })) {
    if (d.weekday <= 5 && !holidays.has(d.toISODate()!)) days.push(d);
  }
  return days;
}

/** People mark tickets Resolved while they work: a moment outside 08:00–18:00 on a working day moves to the next working morning. */
function atWork(t: DateTime, holidays: Set<string>): DateTime {
  const working = (d: DateTime) => d.weekday <= 5 && !holidays.has(d.toISODate()!);
  if (working(t) && t.hour >= 8 && t.hour < 18) return t;
  let d = t.hour >= 18 ? t.plus({ days: 1 }) : t;
  while (!working(d)) d = d.plus({ days: 1 });
  return d.set({ hour: 8 + (t.minute % 2), minute: t.minute, second: t.second });
}

/** The last Friday of the month that comes right before a holiday (or the month's last Friday). */
function fridayBeforeHoliday(monthStart: DateTime, holidays: Set<string>): DateTime {
  let fallback = monthStart;
  for (let d = monthStart; d.month === monthStart.month; d = d.plus({ days: 1 })) {
    if (d.weekday !== 5) continue;
    fallback = d;
    const next = [1, 2, 3].map((k) => d.plus({ days: k }).toISODate()!);
    if (next.some((n) => holidays.has(n))) return d;
  }
  return fallback;
}

export function generateMonth(month: string, seed: number): DemoMonth {
  const rnd = new Random(seed);
  const monthStart = DateTime.fromISO(`${month}-01T00:00:00`, { zone: ZONE });
  const monthEnd = monthStart.plus({ months: 1 });
  const holidays = new Set(
    [monthStart.year, monthStart.year + 1]
      .flatMap((y) => providerHolidays(y))
      .filter((h) => h.open === '')
      .map((h) => h.date),
  );
  const days = businessDays(monthStart, holidays);
  const mail: DemoEvent[] = [];
  const edits: DemoEdit[] = [];
  const hours: DemoHours[] = [];
  const requests: DemoMonth['requests'] = [];
  const noise: DemoMonth['noise'] = [];
  const requestedAt = new Map<string, number>();
  let seq = 0;
  const mid = (who: string) => `<demo-${month}-${++seq}.${who.split('@')[0]}@${who.split('@')[1] ?? 'demo.example'}>`;
  const push = (m: DemoMail, note: string) => mail.push({ at: m.at, kind: 'mail', raw: rawMail(m), note });
  const agent = (c: DemoClient) => (c.id === 'CANYON' || c.id === 'NORTHWIND' ? STAFF.agents[1] : STAFF.agents[0]);

  const request = (
    c: DemoClient,
    at: DateTime,
    topic: (typeof TOPICS)[number],
    opts: { critical?: boolean; cc?: string; staffDelayMin?: number; followUp?: boolean; resolveAfterMin?: number } = {},
  ) => {
    const from = c.contacts.find((p) => p.canOpen)!;
    const messageId = mid(from.email);
    const subject = opts.critical ? `URGENT: ${topic.subject}` : topic.subject;
    push(
      {
        from: `${from.name} <${from.email}>`,
        to: SUPPORT_ADDRESS,
        ...(opts.cc ? { cc: opts.cc } : {}),
        subject,
        at: at.toMillis(),
        messageId,
        body: `Hi team,\n\n${topic.body}\n\nThanks,\n${from.name}\n${c.name}`,
      },
      `request from ${c.id}`,
    );
    requests.push({ messageId, clientId: c.id, from: from.email, subject, critical: !!opts.critical });
    requestedAt.set(messageId, at.toMillis());
    const triage = at.plus({ minutes: 20 });
    edits.push({
      at: triage.toMillis(),
      kind: 'edit',
      requestId: messageId,
      set: { Priority: opts.critical ? 'Critical' : topic.priority, Reason: topic.reason, Assignee: agent(c) },
    });
    let last = messageId;
    const refs = [messageId];
    if (opts.staffDelayMin !== undefined) {
      const replyAt = at.plus({ minutes: opts.staffDelayMin });
      const staffId = mid(agent(c));
      push(
        {
          from: `${agent(c)}`,
          to: from.email,
          cc: SUPPORT_ADDRESS,
          subject: `Re: ${subject}`,
          at: replyAt.toMillis(),
          messageId: staffId,
          inReplyTo: last,
          references: refs,
          body: `Hello ${from.name.split(' ')[0]},\n\nThanks for the details, we are on it and will update you shortly.\n\n> ${topic.body}`,
        },
        `staff reply to ${c.id}`,
      );
      refs.push(staffId);
      last = staffId;
      if (opts.followUp) {
        const fuId = mid(from.email);
        push(
          {
            from: `${from.name} <${from.email}>`,
            to: SUPPORT_ADDRESS,
            subject: `Re: ${subject}`,
            at: replyAt.plus({ hours: 3 }).toMillis(),
            messageId: fuId,
            inReplyTo: last,
            references: [...refs],
            // Ridge's team runs out of patience (the Success tab's sentiment: complaints); the others just ask.
            body:
              c.id === 'RIDGE'
                ? `This is still not working for us, and it is frustrating — any news on this?\n\n> Thanks for the details, we are on it.`
                : `Thanks — any news on this?\n\n> Thanks for the details, we are on it.`,
          },
          `follow-up from ${c.id}`,
        );
        refs.push(fuId);
      }
      if (opts.resolveAfterMin !== undefined) {
        // An outage is worked through the night; everything else is resolved in working hours.
        const resolved = replyAt.plus({ minutes: opts.resolveAfterMin });
        edits.push({
          at: (opts.critical ? resolved : atWork(resolved, holidays)).toMillis(),
          kind: 'edit',
          requestId: messageId,
          set: { Status: 'Resolved' },
        });
      }
    }
    return messageId;
  };

  // Ordinary traffic: each business day, some clients write in during or just after hours.
  for (const day of days) {
    for (const c of CLIENTS) {
      if (!rnd.chance(c.id === 'RIDGE' || c.id === 'NORTHWIND' ? 0.3 : 0.2)) continue;
      const hour = rnd.chance(0.15) ? rnd.int(17, 20) : rnd.int(8, 16);
      const at = day.set({ hour, minute: rnd.int(0, 59), second: rnd.int(0, 59) });
      const topic = rnd.pick(TOPICS);
      const colleague = c.contacts.find((p) => p !== c.contacts[0]);
      const late = rnd.chance(0.15);
      request(c, at, topic, {
        ...(rnd.chance(0.3) && colleague ? { cc: colleague.email } : {}),
        ...(rnd.chance(0.9) ? { staffDelayMin: late ? rnd.int(600, 1500) : rnd.int(15, 150) } : {}),
        followUp: rnd.chance(0.25),
        resolveAfterMin: rnd.int(60, 2 * 24 * 60),
      });
    }
  }

  // The critical outage: Friday evening before a holiday, at the Standard client and the Enterprise one.
  const friday = fridayBeforeHoliday(monthStart, holidays);
  const outage = friday.set({ hour: 18, minute: 42, second: 10 });
  request(
    CLIENTS[0]!,
    outage,
    {
      subject: 'Production site down – checkout failing',
      body: 'Our storefront returns errors at checkout for every customer. This is a full outage.',
      reason: 'Bug',
      priority: 'Critical',
    },
    { critical: true, staffDelayMin: 60 * 62, resolveAfterMin: 240 },
  );
  request(
    CLIENTS[3]!,
    outage.plus({ minutes: 9 }),
    {
      subject: 'All member check-ins failing',
      body: 'No member can check in at any of our London sites. Service is unavailable.',
      reason: 'Bug',
      priority: 'Critical',
    },
    { critical: true, staffDelayMin: 35, followUp: true, resolveAfterMin: 600 },
  );

  // Ridge's executive sponsor, unhappy, writes twice in the thread of Ridge's last request: two
  // complaints in 30 days flag the client at risk on the Success tab (ClientSuccess: risk flags).
  const ridge = CLIENTS.find((c) => c.id === 'RIDGE')!;
  const sponsor = ridge.contacts.find((p) => p.role === 'Executive sponsor' && p.canOpen);
  const lastRidge = [...requests].reverse().find((r) => r.clientId === 'RIDGE' && !r.critical);
  if (sponsor && lastRidge) {
    const base = requestedAt.get(lastRidge.messageId)!;
    const texts = [
      'This is not acceptable: our reporting has been broken for too long.',
      'Very disappointed that this is still not fixed. Please call me today.',
    ];
    texts.forEach((text, i) => {
      const at = Math.min(base + (i + 1) * 26 * 3_600_000, monthEnd.toMillis() - (3 - i) * 3_600_000);
      push(
        {
          from: `${sponsor.name} <${sponsor.email}>`,
          to: SUPPORT_ADDRESS,
          subject: `Re: ${lastRidge.subject}`,
          at,
          messageId: mid(sponsor.email),
          inReplyTo: lastRidge.messageId,
          references: [lastRidge.messageId],
          body: `${text}\n\n${sponsor.name}\n${ridge.name}`,
        },
        `complaint from ${ridge.id}`,
      );
    });
  }

  // Noise that must never open a ticket or get an answer.
  const noiseAt = (d: number, h: number) => (days[Math.min(d, days.length - 1)] ?? monthStart).set({ hour: h, minute: 5 }).toMillis();
  const ooo = mid(CLIENTS[1]!.contacts[0]!.email);
  push(
    {
      from: CLIENTS[1]!.contacts[0]!.email,
      to: SUPPORT_ADDRESS,
      subject: 'Automatic reply: Out of office',
      at: noiseAt(3, 10),
      messageId: ooo,
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
      body: 'I am out of the office until Monday.',
    },
    'auto-reply',
  );
  noise.push({ messageId: ooo, why: 'auto-reply' });
  const bounce = mid('mailer-daemon@mail.helpdesk.example');
  push(
    {
      from: 'Mail Delivery Subsystem <mailer-daemon@mail.helpdesk.example>',
      to: SUPPORT_ADDRESS,
      subject: 'Delivery Status Notification (Failure)',
      at: noiseAt(5, 9),
      messageId: bounce,
      contentType: 'multipart/report; report-type=delivery-status; boundary="b1"',
      body: '--b1\r\nContent-Type: text/plain\r\n\r\nAddress not found: old.contact@summit-outfitters.example\r\n--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mail.helpdesk.example\r\nFinal-Recipient: rfc822; old.contact@summit-outfitters.example\r\nAction: failed\r\nStatus: 5.1.1\r\n--b1--',
    },
    'bounce',
  );
  noise.push({ messageId: bounce, why: 'bounce' });
  const list = mid('news@vendor-updates.example');
  push(
    {
      from: 'Vendor Updates <news@vendor-updates.example>',
      to: SUPPORT_ADDRESS,
      subject: 'Product newsletter: what is new this month',
      at: noiseAt(7, 7),
      messageId: list,
      headers: {
        'List-Id': 'Vendor news <news.vendor-updates.example>',
        'List-Unsubscribe': '<mailto:unsubscribe@vendor-updates.example>',
        Precedence: 'bulk',
      },
      body: 'This month: new dashboards and faster exports.',
    },
    'list mail',
  );
  noise.push({ messageId: list, why: 'list mail' });
  const stranger = mid('someone@freemail.example');
  push(
    {
      from: 'Pat Stranger <someone@freemail.example>',
      to: SUPPORT_ADDRESS,
      subject: 'Question about pricing',
      at: noiseAt(9, 13),
      messageId: stranger,
      body: 'Hello, how much does your platform cost?',
    },
    'unregistered sender',
  );
  noise.push({ messageId: stranger, why: 'unregistered sender' });
  const notAuthorized = CLIENTS[0]!.contacts.find((p) => !p.canOpen)!;
  const na = mid(notAuthorized.email);
  push(
    {
      from: `${notAuthorized.name} <${notAuthorized.email}>`,
      to: SUPPORT_ADDRESS,
      subject: 'Can you change my notification settings?',
      at: noiseAt(11, 11),
      messageId: na,
      body: 'Please switch off the weekly digest for me.',
    },
    'contact who may not open tickets',
  );
  noise.push({ messageId: na, why: 'contact may not open tickets' });
  const lookalike = mid('dana.wells@summit-outfitters.example.evil.test');
  push(
    {
      from: 'Dana Wells <dana.wells@summit-outfitters.example.evil.test>',
      to: SUPPORT_ADDRESS,
      subject: 'Invoice update needed',
      at: noiseAt(12, 15),
      messageId: lookalike,
      body: 'Please update our bank details for invoices.',
    },
    'lookalike domain',
  );
  noise.push({ messageId: lookalike, why: 'lookalike domain' });

  // Hours: CSMs log their work; Ridge and Canyon go over their contracts.
  const want: Record<string, number> = { SUMMIT: 3.5, RIDGE: 11.25, CANYON: 23.5, NORTHWIND: 12 };
  for (const c of CLIENTS) {
    let left = want[c.id]!;
    let i = 0;
    while (left > 0) {
      const day = days[(i * 3 + CLIENTS.indexOf(c)) % days.length]!;
      const h = Math.min(left, rnd.pick([0.5, 0.75, 1, 1.25, 1.5, 2]));
      left -= h;
      const format = rnd.pick(['decimal', 'colon', 'minutes'] as const);
      const text =
        format === 'decimal'
          ? String(h)
          : format === 'colon'
            ? `${Math.floor(h)}:${String(Math.round((h % 1) * 60)).padStart(2, '0')}`
            : `${Math.round(h * 60)}m`;
      hours.push({
        date: day.toISODate()!,
        clientId: c.id,
        person: c.csm,
        activity: rnd.pick(ACTIVITIES),
        hours: text,
        requiredAttendee: 'Yes',
        notes: '',
      });
      i++;
    }
    // A troubleshooting session on the client's first ticket opened by then (an hour row
    // names a ticket that exists): excluded when the Reason is Bug.
    const sessionDay = days[Math.min(10, days.length - 1)]!;
    const bug = requests.find((r) => r.clientId === c.id && requestedAt.get(r.messageId)! < sessionDay.set({ hour: 12 }).toMillis());
    if (bug)
      hours.push({
        date: sessionDay.toISODate()!,
        clientId: c.id,
        person: agent(c),
        activity: 'Troubleshooting',
        hours: '1.5',
        requiredAttendee: 'Yes',
        requestId: bug.messageId,
        notes: 'Reproduced the reported problem.',
      });
    // An account review with a second CSM shadowing: not a required attendee, not counted.
    hours.push({
      date: days[Math.min(14, days.length - 1)]!.toISODate()!,
      clientId: c.id,
      person: STAFF.csms[0] === c.csm ? STAFF.csms[1] : STAFF.csms[0],
      activity: 'Account review',
      hours: '1',
      requiredAttendee: 'No',
      notes: 'Shadowing for onboarding.',
    });
  }

  mail.sort((a, b) => a.at - b.at);
  edits.sort((a, b) => a.at - b.at);
  return { start: monthStart.toMillis(), end: monthEnd.toMillis(), mail, edits, hours, requests, noise };
}
