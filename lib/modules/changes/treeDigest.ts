// One sh function, `ferry_tree DIR`, printing a sha256 over everything below DIR: each entry's type, mode, owner ids,
// size (files), link target (links) and path, and each regular file's bytes. Two trees with the same digest hold the
// same things; times are left out, as a restore does not promise them. A tree it cannot read fully has no digest.
export const TREE_DIGEST_FUNCTION = `ferry_tree() (
  cd -- "$1" || exit 1
  list=$(find . \\( -type d -printf 'd %m %U %G %p\\n' \\) -o \\( -type l -printf 'l %U %G %p -> %l\\n' \\) \\
    -o \\( -type f -printf 'f %m %U %G %s %p\\n' \\) -o -printf '%y %m %U %G %p\\n') || exit 1
  sums=$(find . -type f -exec sha256sum -- {} +) || exit 1
  h=$(printf '%s\\n%s\\n' "$list" "$sums" | LC_ALL=C sort | sha256sum) || exit 1
  printf '%s\\n' "\${h%% *}"
)
`;
