import { randomBytes } from 'node:crypto';

/** Width of the base64 lines of the data block, as base64(1) writes them. */
const LINE = 76;

/** How long after the caller gave up the remote watchdog kills what is left, so the caller's own timer always wins. */
export const WATCHDOG_GRACE_MS = 1000;

/** Options of one framed exec. */
export interface FrameOptions {
  /** When set, a watchdog on the host kills the script's whole process group once this (plus a grace) has passed. */
  timeoutMs?: number;
  /** Here-document marker suffix; random by default. */
  nonce?: string;
}

// The whole input of one `/bin/sh -s` exec: the script as a function, then its stdin data as a here-document (text as
// it is, anything else base64-encoded), so neither the data nor the script ever appears in an argv on the host. All of
// it is one brace group: a shell runs an unterminated here-document with what it got, so an input cut short (a
// connection lost mid-transfer) must be a syntax error that runs nothing, never a script fed half its data.
export function frameScript(script: string, stdin?: string | Buffer, opts: FrameOptions = {}): string {
  return `{\n${frameBody(script, stdin, opts)}}\n`;
}

function frameBody(script: string, stdin: string | Buffer | undefined, opts: FrameOptions): string {
  const body = `__ferry_main() {\n:\n${script}${script.endsWith('\n') ? '' : '\n'}}\n`;
  const data = stdin === undefined ? Buffer.alloc(0) : Buffer.from(stdin);
  let run: string;
  if (data.length === 0) {
    run = '(__ferry_main) </dev/null\n';
  } else {
    const marker = `__FERRY_DATA_${opts.nonce ?? randomBytes(12).toString('hex')}__`;
    const text = hereDocText(data, marker);
    if (text !== undefined) {
      // Text as it is: a quoted here-document expands nothing, and it saves a base64 process and a pipe per exec.
      run = `(__ferry_main) <<'${marker}'\n${text}${marker}\n`;
    } else {
      const encoded = data.toString('base64');
      const lines: string[] = [];
      for (let i = 0; i < encoded.length; i += LINE) lines.push(encoded.slice(i, i + LINE));
      run = `base64 -d <<'${marker}' | __ferry_main\n${lines.join('\n')}\n${marker}\n`;
    }
  }
  if (opts.timeoutMs === undefined) return body + run;
  // sshd does not stop a command when its channel closes, and the shell is the leader of its own process group.
  const seconds = ((opts.timeoutMs + WATCHDOG_GRACE_MS) / 1000).toFixed(3);
  return [
    body,
    // The watchdog takes its sleep down with it when the script ends in time, so nothing lingers on the host.
    `(trap 'kill $! 2>/dev/null; exit 0' TERM; sleep ${seconds} & wait $!; kill -KILL 0) </dev/null >/dev/null 2>&1 &\n`,
    '__ferry_dog=$!\n',
    run,
    '__ferry_rc=$?\n',
    'kill "$__ferry_dog" 2>/dev/null\n',
    'exit "$__ferry_rc"\n',
  ].join('');
}

/** The data as here-document text, when a here-document reproduces it byte for byte: UTF-8, no NUL, ending in a newline, no line equal to the marker. */
function hereDocText(data: Buffer, marker: string): string | undefined {
  if (data[data.length - 1] !== 0x0a || data.includes(0)) return undefined;
  const text = data.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(data) || text.split('\n').includes(marker)) return undefined;
  return text;
}

// The input of a held channel: the script runs only once all of it arrived, and what the controller sends after the
// script printed its first line reaches the script's stdin (nothing is sent before, so the shell cannot read it ahead).
export function frameHeldScript(script: string): string {
  const body = `__ferry_main() {\n:\n${script}${script.endsWith('\n') ? '' : '\n'}}\n`;
  return `{\n${body}__ferry_main\nexit $?\n}\n`;
}
