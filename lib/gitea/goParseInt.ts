const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

// Gitea reads the `{token}` of DELETE /users/{u}/tokens/{token} with Go's strconv.ParseInt(v, 0, 64), ignoring the
// error: a non-zero result is an ID, anything else a name. This mirrors it, so ferry can tell which one Gitea will see.
export function goParseInt(s: string): bigint {
  let body = s;
  let negative = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    negative = body.startsWith('-');
    body = body.slice(1);
  }
  const magnitude = parseUnsigned(body);
  if (magnitude === undefined) return 0n; // syntax error: Go returns 0
  // Out of range: Go returns the clamped value together with ErrRange, and Gitea keeps the value.
  if (!negative) return magnitude > MAX_INT64 ? MAX_INT64 : magnitude;
  return -magnitude < MIN_INT64 ? MIN_INT64 : -magnitude;
}

/** Whether Gitea would take this path value as a token ID rather than a token name. */
export function readsAsTokenId(value: string): boolean {
  return goParseInt(value) !== 0n;
}

function parseUnsigned(s0: string): bigint | undefined {
  if (s0 === '') return undefined;
  let s = s0;
  let base = 10n;
  if (s[0] === '0') {
    const prefix = s.length >= 3 ? s[1].toLowerCase() : '';
    base = prefix === 'b' ? 2n : prefix === 'o' ? 8n : prefix === 'x' ? 16n : 8n;
    s = prefix === 'b' || prefix === 'o' || prefix === 'x' ? s.slice(2) : s.slice(1);
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d === undefined || d >= base) return undefined;
    n = n * base + d; // BigInt cannot overflow; the caller clamps
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return n;
}

function digitValue(c: string): bigint | undefined {
  const lower = c.toLowerCase();
  if (lower >= '0' && lower <= '9') return BigInt(lower.charCodeAt(0) - 48);
  if (lower >= 'a' && lower <= 'z') return BigInt(lower.charCodeAt(0) - 87);
  return undefined;
}

// Go's rule: an underscore must sit between digits (a base prefix counts as a digit).
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1].toLowerCase())) {
    i = 2;
    saw = '0';
    hex = s[1].toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    const lower = c.toLowerCase();
    if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}
