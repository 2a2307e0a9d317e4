import { shellQuote } from '../transport/shellQuote.js';

// The script that runs one argv: optional cd, then exec of quoted words, so nothing in them is shell syntax.
export function argvScript(argv: readonly string[], opts: { chdir?: string; hasStdin: boolean }): string {
  const words = argv.map(shellQuote).join(' ');
  // `exec` runs the program itself, never a shell builtin of the same name; a first word starting with '-' would be read as exec's option.
  const run = argv[0].startsWith('-') ? words : `exec ${words}`;
  return withChdir(opts.hasStdin ? run : `${run} </dev/null`, opts.chdir);
}

// The script that hands a command line to a shell (`/bin/sh -c`), the line itself quoted as one word.
export function shellScript(cmd: string, opts: { chdir?: string; hasStdin: boolean; executable?: string }): string {
  const run = `exec ${shellQuote(opts.executable ?? '/bin/sh')} -c ${shellQuote(cmd)}`;
  return withChdir(opts.hasStdin ? run : `${run} </dev/null`, opts.chdir);
}

function withChdir(run: string, chdir: string | undefined): string {
  return chdir === undefined ? run : `cd -- ${shellQuote(chdir)} || exit 1\n${run}`;
}

/** The bytes fed to the command, newline added as Ansible's stdin_add_newline says; undefined means none. */
export function stdinOf(stdin: string | undefined, addNewline: boolean | undefined): string | undefined {
  if (stdin === undefined) return undefined;
  return addNewline === false ? stdin : `${stdin}\n`;
}
