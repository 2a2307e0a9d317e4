// Exit codes as ansible-playbook's where they overlap, so scripts written for it keep working.
export const EXIT = {
  OK: 0,
  /** An unexpected internal error (a bug: it prints a stack trace). */
  INTERNAL: 1,
  /** A task failed on at least one host. */
  FAILED: 2,
  /** A playbook, inventory or vars file did not load or validate; no host was contacted. */
  LOAD: 3,
  /** At least one host was unreachable (wins over FAILED). */
  UNREACHABLE: 4,
  /** Bad command-line use. */
  USAGE: 5,
  /** Interrupted (SIGINT/SIGTERM). */
  INTERRUPTED: 99,
} as const;
