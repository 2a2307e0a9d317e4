import { shellQuote } from '../../transport/shellQuote.js';

/** What reading a cron.d file on the host found. */
export type CronFileRead = { kind: 'missing' | 'not-a-file' | 'too-large' } | { kind: 'file'; text: string };

// A cron probe needs only "is it a file" and its text: one `head` on the host instead of a full stat (stat, base64,
// tr), which matters because a playbook checks every consumer cron of every host. One byte past the limit is read,
// so a file that is too large is told apart from one that is exactly at it.
export function readCronFileScript(path: string, limit: number): string {
  return [
    `p=${shellQuote(path)}`,
    `if [ -f "$p" ]; then printf 'file\\n'; head -c ${limit + 1} -- "$p"; exit $?; fi`,
    `if [ -e "$p" ]; then printf 'other\\n'; else printf 'missing\\n'; fi`,
  ].join('\n');
}

/** The script's answer: its first line says what the path is, the rest is the file. */
export function parseCronFileRead(stdout: string, limit: number): CronFileRead {
  const nl = stdout.indexOf('\n');
  const head = nl < 0 ? stdout : stdout.slice(0, nl);
  if (head === 'missing') return { kind: 'missing' };
  if (head !== 'file') return { kind: 'not-a-file' };
  const text = stdout.slice(nl + 1);
  return Buffer.byteLength(text) > limit ? { kind: 'too-large' } : { kind: 'file', text };
}
