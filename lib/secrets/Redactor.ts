const MASK = '********';

/** Shortest value masked: shorter ones would garble unrelated output and reveal little. */
export const MIN_SECRET_LENGTH = 4;

// Every byte ferry prints or writes passes through one Redactor, which masks secrets by value.
export class Redactor {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  /** Registers a secret; values shorter than MIN_SECRET_LENGTH are ignored. */
  add(value: unknown): void {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || this.values.has(value)) return;
    this.values.add(value);
    this.pattern = undefined;
    // A multi-line secret shows up line by line in a diff: each substantial line is a secret too.
    if (value.includes('\n')) {
      for (const line of value.split(/\r?\n/)) if (line.trim().length >= 8) this.add(line.trim());
    }
  }

  /** Registers every string leaf of a value (objects, arrays). */
  addDeep(value: unknown): void {
    if (typeof value === 'string') this.add(value);
    else if (Array.isArray(value)) value.forEach((v) => this.addDeep(v));
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => this.addDeep(v));
  }

  get size(): number {
    return this.values.size;
  }

  /** Replaces every registered secret in a text by a fixed mask. */
  mask(text: string): string {
    if (this.values.size === 0 || !text) return text;
    return text.replace(this.regex(), MASK);
  }

  /** Masks every string inside a JSON-like value, returning a copy. */
  maskDeep<T>(value: T): T {
    if (typeof value === 'string') return this.mask(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.maskDeep(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.maskDeep(v)])) as T;
    }
    return value;
  }

  private regex(): RegExp {
    if (!this.pattern) {
      // Longest first, so a secret that contains another is masked whole.
      const alternatives = [...this.values].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.pattern = new RegExp(alternatives.join('|'), 'g');
    }
    return this.pattern;
  }
}

/** `****ab12`: enough to tell two tokens apart in a diff, never enough to use one. */
export function fingerprint(secret: string): string {
  return secret.length >= 12 ? `****${secret.slice(-4)}` : MASK;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
