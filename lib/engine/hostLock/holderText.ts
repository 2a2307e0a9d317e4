import { hostname, userInfo } from 'node:os';

/** Longest holder text kept: it is written at a fixed width into the lock file. */
export const HOLDER_WIDTH = 400;

// Who holds a lock, in words a person reads in the refusal: the command, the controller, its user, pid, start time and
// what it works from (a run's playbook, a rollback's report).
export function holderText(source: string, now: Date = new Date(), command: 'run' | 'rollback' = 'run'): string {
  const user = safeUser();
  const what = command === 'run' ? 'playbook' : 'report';
  return cleanHolder(`ferry ${command} by ${user}@${hostname()} (pid ${process.pid}) since ${now.toISOString()}, ${what} ${source}`);
}

/** Whatever the lock file holds is shown as one printable line: a hostile file cannot paint the terminal. */
export function cleanHolder(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > HOLDER_WIDTH ? `${flat.slice(0, HOLDER_WIDTH - 1)}…` : flat;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? 'unknown');
  }
}
