// OpenSSH host patterns: `*` and `?` wildcards, case-insensitive, so known_hosts lines like `*.example.org` match as ssh does.
export function matchPattern(name: string, pattern: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return name.toLowerCase() === pattern.toLowerCase();
  let re = compiled.get(pattern);
  if (!re) {
    const source = pattern
      .toLowerCase()
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${source}$`);
    compiled.set(pattern, re);
  }
  return re.test(name.toLowerCase());
}

/** Every connection checks every known_hosts line: a literal name is compared as is, a wildcard compiled once. */
const compiled = new Map<string, RegExp>();

/** A comma-separated pattern list: a negated pattern (`!x`) that matches wins over every positive one. */
export function matchPatternList(name: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = negated ? raw.slice(1) : raw;
    if (!matchPattern(name, pattern)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** The name known_hosts files use for a host: the address alone on port 22, `[address]:port` otherwise. */
export function knownHostName(address: string, port: number): string {
  const host = address.toLowerCase();
  return port === 22 ? host : `[${host}]:${port}`;
}
