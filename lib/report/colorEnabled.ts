/** The part of a stream that tells whether a terminal is on the other end. */
export interface MaybeTTY {
  isTTY?: boolean;
}

// Colour only where a person reads it: NO_COLOR (no-color.org) always wins, FORCE_COLOR decides next,
// then TERM=dumb and a pipe or file turn it off.
export function colorEnabled(stream: MaybeTTY, env: NodeJS.ProcessEnv): boolean {
  if (isSet(env.NO_COLOR)) return false;
  const force = env.FORCE_COLOR;
  if (isSet(force)) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** no-color.org and force-color.org both treat an empty value as unset. */
function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
