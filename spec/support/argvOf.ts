// The argv part of each execve line of an strace: what `ps` would show, without the environment the process inherited.
export function argvOf(trace: string): string[] {
  const out: string[] = [];
  for (const line of trace.split('\n')) {
    const start = line.indexOf('execve(');
    if (start < 0) continue;
    const open = line.indexOf('[', start);
    const close = line.indexOf('], [', open);
    out.push(open < 0 ? line.slice(start) : line.slice(open, close < 0 ? undefined : close + 1));
  }
  return out;
}
