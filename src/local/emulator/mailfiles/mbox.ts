import { mboxLineTime } from './delivery-time';

/** One message cut from an mbox file. */
export interface MboxMessage {
  readonly raw: Buffer;
  /** The date on its `From ` line, NaN when it has none that reads. */
  readonly separatorTime: number;
  /** 1-based line of its `From ` line, for messages that name it. */
  readonly line: number;
}

export class NotAnMbox extends Error {}

const FROM_LINE = /^From \S+ +(.*)$/;

/**
 * The messages of an mbox file. Messages start at `From ` lines (at the top or after a
 * blank line); line ends are kept as they are (CRLF files stay CRLF); `>From ` quoting is
 * undone the mboxrd way (one '>' removed from any run of '>' before 'From '), which also
 * reads mboxo files correctly except for bodies that really began with '>From '. A file
 * whose first non-blank line is not a `From ` line is refused (it is not an mbox, and
 * reading it as one would drop its text silently); an empty file has no messages.
 */
export function splitMbox(bytes: Buffer): MboxMessage[] {
  const lines = bytes.toString('latin1').split('\n');
  const first = lines.find((l) => l.replace(/\r$/, '').trim() !== '');
  if (first === undefined) return [];
  if (!FROM_LINE.test(first.replace(/\r$/, ''))) throw new NotAnMbox('it must begin with a "From " line');
  const out: MboxMessage[] = [];
  let cur: string[] | undefined;
  let separatorTime = NaN;
  let line = 0;
  const flush = (): void => {
    if (!cur) return;
    while (cur.length && (cur[cur.length - 1] ?? '').replace(/\r$/, '') === '') cur.pop();
    const body = cur.map((l) => l.replace(/^>(>*From )/, '$1')).join('\n');
    out.push({ raw: Buffer.from(`${body}\n`, 'latin1'), separatorTime, line });
  };
  let prevBlank = true;
  for (const [i, text] of lines.entries()) {
    const bare = text.replace(/\r$/, '');
    const m = prevBlank ? FROM_LINE.exec(bare) : null;
    if (m) {
      flush();
      cur = [];
      separatorTime = mboxLineTime(m[1] ?? '');
      line = i + 1;
    } else if (cur) {
      cur.push(text);
    }
    prevBlank = bare === '';
  }
  flush();
  return out;
}

/** asctime in UTC, as mbox writers put it on the `From ` line (what `mboxLineTime` reads). */
function asctime(ms: number): string {
  const [w, day, mon, y, hms] = new Date(ms).toUTCString().replace(',', '').split(' ') as [string, string, string, string, string];
  return `${w} ${mon} ${day.replace(/^0/, ' ')} ${hms} ${y}`;
}

/**
 * Mail as an mboxrd file, the inverse of `splitMbox`: a `From ` line with each message's
 * delivery time, `>From ` quoting of body lines, LF line ends.
 */
export function formatMbox(mail: readonly { readonly at: number; readonly raw: string }[]): string {
  return mail
    .map((m) => {
      const body = m.raw.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
      return `From MAILER-DAEMON ${asctime(m.at)}\n${body}${body.endsWith('\n') ? '' : '\n'}\n`;
    })
    .join('');
}
