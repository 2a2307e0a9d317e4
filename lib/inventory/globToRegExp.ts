// Host patterns use shell wildcards (fnmatch): `web*`, `db?.example.com`, `app[0-9]`; this makes them an anchored RegExp.
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[' && glob.indexOf(']', i + 2) > i) {
      const end = glob.indexOf(']', i + 2);
      const inner = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
      out += `[${inner}]`;
      i = end;
    } else out += c.replace(/[.+^${}()|\\/\]]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Whether a pattern term uses wildcards at all. */
export function isGlob(term: string): boolean {
  return /[*?[]/.test(term);
}
