// Lines that make $tmp a fresh temp file (or directory) beside the path held in the shell variable `pathVar`, removed
// on any exit until the script clears $tmp. Named like every ferry temp (.ferry.<pid>.XXXXXX), so a later write sweeps
// it if this shell dies. Exits 3 when it cannot be made.
export function tempBeside(pathVar: string, kind: 'file' | 'directory'): string[] {
  const rm = kind === 'directory' ? 'rm -rf' : 'rm -f';
  return [
    'tmp=',
    `trap 'if [ -n "$tmp" ]; then ${rm} -- "$tmp"; fi' EXIT`,
    "trap 'exit 143' HUP INT TERM",
    `dir=\${${pathVar}%/*}`,
    `case $${pathVar} in */*) [ -n "$dir" ] || dir=/ ;; *) dir=. ;; esac`,
    `tmp=$(mktemp ${kind === 'directory' ? '-d ' : ''}-- "$dir/.ferry.$$.XXXXXX" && echo x) || { tmp=; exit 3; }`,
    'tmp=${tmp%?x}',
  ];
}
