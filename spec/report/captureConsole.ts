import { ConsoleReporter, type ConsoleOptions } from '../../lib/report/ConsoleReporter.js';

/** What a spec sees of a reporter: each write, and all of them joined. */
export interface Captured {
  reporter: ConsoleReporter;
  writes: string[];
  text: () => string;
}

// A console reporter whose output is kept in memory, colour and diff off unless asked.
export function capture(opts: Partial<ConsoleOptions> = {}): Captured {
  const writes: string[] = [];
  const reporter = new ConsoleReporter({
    write: (s) => writes.push(s),
    color: false,
    diff: false,
    verbosity: 0,
    check: false,
    ...opts,
  });
  return { reporter, writes, text: () => writes.join('') };
}
