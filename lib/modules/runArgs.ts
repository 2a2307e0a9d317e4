import path from 'node:path';

/** Arguments command and shell share, as Ansible names them. */
export interface RunArgs {
  /** command: words split like a shell would, nothing expanded; shell: a sh command line. */
  cmd?: string;
  /** command only: the words themselves, no splitting. */
  argv?: string[];
  /** Skip when this path exists. */
  creates?: string;
  /** Skip when this path does not exist. */
  removes?: string;
  /** Directory to run in (also the base of a relative creates/removes). */
  chdir?: string;
  /** Text fed to the command's standard input. */
  stdin?: string;
  /** Add a newline after stdin (default true). */
  stdin_add_newline?: boolean;
  /** shell only: the shell that runs cmd (default /bin/sh). */
  executable?: string;
}

/** JSON Schema properties both modules accept. */
export const RUN_PROPERTIES = {
  creates: { type: 'string', minLength: 1, description: 'A path (no glob): when it exists the command is not run.' },
  removes: { type: 'string', minLength: 1, description: 'A path (no glob): when it does not exist the command is not run.' },
  chdir: { type: 'string', minLength: 1, description: 'Change into this directory before running; relative creates/removes resolve from it.' },
  stdin: { type: 'string', description: "Fed to the command's standard input (never placed on a command line)." },
  stdin_add_newline: { type: 'boolean', default: true, description: 'Add a newline after stdin.' },
} as const;

// creates/removes are relative to chdir when one is given, as in Ansible.
export function guardPath(p: string, chdir: string | undefined): string {
  return chdir && !p.startsWith('/') ? path.posix.join(chdir, p) : p;
}
