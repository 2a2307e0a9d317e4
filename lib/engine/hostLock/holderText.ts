import { hostname, userInfo } from 'node:os';

/** Longest holder text kept: it is written at a fixed width into the lock file. */
export const HOLDER_WIDTH = 400;

// Who holds a lock, in words a person reads in the refusal: the controller, its user, pid, start time and playbook.
export function holderText(playbook: string, now: Date = new Date()): string {
  const user = safeUser();
  return cleanHolder(`ferry run by ${user}@${hostname()} (pid ${process.pid}) since ${now.toISOString()}, playbook ${playbook}`);
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
