import { shellQuote } from '../../transport/shellQuote.js';
import { parseCronFileRead, type CronFileRead } from './readCronFile.js';

// Several cron files in one round trip (a looped cron_script): each answer starts on a line of its own with a random
// nonce and the file's index, so no file's text can pass for the next answer.
export function readCronFilesScript(paths: readonly string[], limit: number, nonce: string): string {
  const header = (i: number, kind: string) => `printf '\\n${nonce} ${i} ${kind}\\n'`;
  const lines: string[] = [];
  for (const [i, path] of paths.entries()) {
    lines.push(
      `p=${shellQuote(path)}`,
      `if [ -f "$p" ]; then ${header(i, 'file')}; head -c ${limit + 1} -- "$p" || exit $?`,
      `elif [ -e "$p" ]; then ${header(i, 'other')}; else ${header(i, 'missing')}; fi`,
    );
  }
  return lines.join('\n');
}

/** The answers of readCronFilesScript, in the order of its paths; undefined when the output is not what it prints. */
export function parseCronFilesRead(stdout: string, nonce: string, count: number, limit: number): CronFileRead[] | undefined {
  // split keeps the captures: ['', index, kind, text, index, kind, text, …]
  const parts = stdout.split(new RegExp(`\\n${nonce} (\\d+) (file|other|missing)\\n`));
  if (parts[0] !== '' || parts.length !== 1 + 3 * count) return undefined;
  const reads: CronFileRead[] = [];
  for (let i = 0; i < count; i++) {
    const [index, kind, text] = parts.slice(1 + 3 * i, 4 + 3 * i);
    if (Number(index) !== i || (kind !== 'file' && text !== '')) return undefined;
    reads.push(parseCronFileRead(kind === 'file' ? `file\n${text}` : kind, limit));
  }
  return reads;
}
