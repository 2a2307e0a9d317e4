// Bounds concurrency (handshakes overall, channels per connection) so sshd's MaxStartups and MaxSessions are never hit.
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private max: number;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`semaphore limit must be a positive integer, got ${limit}`);
    this.max = limit;
  }

  /** How many holders may run at once. */
  get limit(): number {
    return this.max;
  }

  /** How many holders run right now. */
  get running(): number {
    return this.active;
  }

  /** Lowers the limit (never below 1, never raised): a host that refused a channel has told us its real capacity. */
  lowerTo(limit: number): void {
    this.max = Math.max(1, Math.min(this.max, Math.floor(limit)));
  }

  /** Waits for a free slot and returns the function that frees it (safe to call twice). */
  async acquire(): Promise<() => void> {
    if (this.active < this.max) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // After lowerTo, a freed slot above the new limit goes away instead of passing to the next waiter.
      const next = this.active <= this.max ? this.waiting.shift() : undefined;
      if (next) next();
      else this.active--;
    };
  }

  /** Runs `fn` inside a slot. */
  async use<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
