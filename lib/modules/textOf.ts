const UTF8 = new TextDecoder('utf-8', { fatal: true });

// Diffs show text only: bytes that are valid UTF-8, hold no NUL and fit the limit; anything else yields undefined.
export function textOf(bytes: Buffer | undefined, limit: number): string | undefined {
  if (!bytes || bytes.length > limit || bytes.includes(0)) return undefined;
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
