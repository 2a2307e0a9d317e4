/** One `who op perms` step of a symbolic mode, e.g. `g+w` or `o=` or `g=u`. */
export interface SymbolicStep {
  who: string;
  op: '+' | '-' | '=';
  perms: string;
}

/** A symbolic clause as chmod reads it: `u=rw,g=r,o=`, `a+X`, `u+s`. */
const CLAUSE = /^([ugoa]*)((?:[-+=](?:[ugo]|[rwxXst]*))+)$/;
const STEP = /([-+=])([ugo]|[rwxXst]*)/g;

/** Bits each class owns, special bit included, as chmod(1) defines them. */
const CLASS_BITS: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007 };
const SHIFT: Record<string, number> = { u: 6, g: 3, o: 0 };

// Parses a chmod-style symbolic mode into steps, or undefined when the text is not one.
export function parseSymbolic(text: string): SymbolicStep[] | undefined {
  const steps: SymbolicStep[] = [];
  for (const clause of text.split(',')) {
    const m = CLAUSE.exec(clause);
    if (!m) return undefined;
    const who = m[1] === '' || m[1].includes('a') ? 'ugo' : m[1];
    for (const s of m[2].matchAll(STEP)) steps.push({ who, op: s[1] as SymbolicStep['op'], perms: s[2] });
  }
  return steps;
}

// Applies symbolic steps to a current mode the way chmod(1) does (an empty `who` means all, umask ignored, like Ansible).
export function applySymbolic(steps: readonly SymbolicStep[], current: number, isDir: boolean): number {
  let mode = current & 0o7777;
  for (const step of steps) {
    const affected = [...step.who].reduce((acc, c) => acc | CLASS_BITS[c], 0);
    const bits = permBits(step.perms, mode, isDir) & affected;
    if (step.op === '+') mode |= bits;
    else if (step.op === '-') mode &= ~bits;
    else {
      // chmod keeps a directory's set-id bits under `=` unless the step names them.
      const keep = isDir && !step.perms.includes('s') ? 0o6000 : 0;
      mode = (mode & ~(affected & ~keep)) | bits;
    }
  }
  return mode;
}

/** Bits a perms string stands for, in every class; `u`/`g`/`o` copy that class's current rwx. */
function permBits(perms: string, mode: number, isDir: boolean): number {
  if (perms === 'u' || perms === 'g' || perms === 'o') {
    const rwx = (mode >> SHIFT[perms]) & 0o7;
    return rwx * 0o111;
  }
  let bits = 0;
  for (const p of perms) {
    if (p === 'r') bits |= 0o444;
    else if (p === 'w') bits |= 0o222;
    else if (p === 'x') bits |= 0o111;
    else if (p === 'X' && (isDir || (mode & 0o111) !== 0)) bits |= 0o111;
    else if (p === 's') bits |= 0o6000;
    else if (p === 't') bits |= 0o1000;
  }
  return bits;
}
