// Waits for a condition the spec can observe (a file on a host, a line in a log), checking every few milliseconds,
// bounded: the wait ends on the event itself, never on a guessed delay.
export async function waitFor(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
