/**
 * The part of a message body its sender wrote now: quoted history is cut, so an older mail
 * quoted below a reply ("server is down" three weeks ago) does not decide anything about
 * this one. Cut at the first line that starts a quote block: a `>` line, an attribution
 * ("On … wrote:", also wrapped over two lines as Gmail does, and its French and German
 * forms, the languages the seeded clients write), Outlook's "-----Original Message-----"
 * or a "From: … / Sent: …" header pair.
 */
const ATTRIBUTION = [
  /^on\b.*\bwrote:\s*$/i,
  /^le\b.*\ba écrit\s*:\s*$/i,
  /^am\b.*\bschrieb\b.*:\s*$/i,
  /^-{2,}\s*(original message|ursprüngliche nachricht|message d'origine)\s*-{2,}\s*$/i,
];

export function ownWords(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('>')) break;
    if (ATTRIBUTION.some((re) => re.test(line))) break;
    // "On Mon, 2 Nov 2026 at 09:00, Ann Lee <ann@acme.com>" + "wrote:" on the next line.
    const next = (lines[i + 1] ?? '').trim();
    if (/^(on|le|am)\b/i.test(line) && ATTRIBUTION.some((re) => re.test(`${line} ${next}`))) break;
    if (/^(from|von|de)\s*:/i.test(line) && /^(sent|gesendet|envoyé|date)\s*:/i.test(next)) break;
    kept.push(lines[i]!);
  }
  return kept.join('\n').trim();
}
