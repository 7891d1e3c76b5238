/**
 * Renders the picture of an invoice for the README: the demo register with the generated
 * month's hours, closed Final for 2026-09 by the real bundle in the emulator; the first
 * invoice draft's PDF (made by the emulator's HTML-to-PDF conversion) becomes a PNG.
 *
 *   npm run -s build && npx tsx scripts/render-invoice.ts [docs/invoice.png]
 *
 * Needs chromium (the browser tests' one) and pdftoppm (Debian: poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { Emulator, MailboxModel, WorkbookModel } from '../src/local/emulator';
import { ensureBundle } from '../src/local/bundle';
import { fillDemoRegister } from '../src/local/demo/register';
import { SUPPORT_ADDRESS } from '../src/local/demo/register-data';
import { generateMonth } from '../src/local/demo/month';
import { typeRows } from '../src/local/demo/typing';

const ZONE = 'America/Denver';

async function main(out: string): Promise<void> {
  const em = await new Emulator({
    workbook: new WorkbookModel({ name: 'demo', timeZone: ZONE }),
    mailbox: new MailboxModel({ address: SUPPORT_ADDRESS }),
    user: SUPPORT_ADDRESS,
    scriptTimeZone: ZONE,
    now: DateTime.fromISO('2026-10-02T09:00:00', { zone: ZONE }).toMillis(),
  }).loadFile(ensureBundle());
  em.call('setup');
  fillDemoRegister(em);
  typeRows(
    em,
    'Hours',
    generateMonth('2026-09', 1).hours.map((h) => ({
      Date: h.date,
      'Client ID': h.clientId,
      Person: h.person,
      'Ticket ID': '',
      Activity: h.activity,
      Hours: h.hours,
      'Required attendee': h.requiredAttendee,
      Notes: h.notes,
    })),
  );
  process.stdout.write(`${em.call<string>('billMonth', '2026-09', true)}\n`);
  const draft = em.mailbox.drafts.find((d) => d.subject.startsWith('Invoice '));
  const pdf = draft?.attachments.find((a) => a.contentType === 'application/pdf');
  if (!pdf) throw new Error('the Final close made no invoice draft with a PDF');
  const work = mkdtempSync(path.join(tmpdir(), 'invoice-png-'));
  writeFileSync(path.join(work, 'invoice.pdf'), pdf.content);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-singlefile',
    '-f',
    '1',
    '-l',
    '1',
    path.join(work, 'invoice.pdf'),
    path.join(work, 'invoice'),
  ]);
  renameSync(path.join(work, 'invoice.png'), out);
  process.stdout.write(`Wrote ${out} from ${pdf.name}\n`);
}

main(path.resolve(process.argv[2] ?? 'docs/invoice.png')).catch((e) => {
  process.stderr.write(`render-invoice: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
