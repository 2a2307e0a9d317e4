import { TREE_DIGEST_FUNCTION } from '../../modules/changes/treeDigest.js';

/** How many names of a directory a probe sends: enough to tell "empty once its files are gone" in check mode. */
export const ENTRY_LIMIT = 64;

// Shell functions a restore of a directory or symlink uses twice, in its probe and again just before it acts, so
// "unchanged since it was looked at" is a comparison of one line:
//   ferry_seen PATH FOLLOW TREE → `absent`, `other`, `link <uid gid owner group> <base64 target>` or
//                                  `dir <mode uid gid owner group> [tree digest]` (FOLLOW=1: a symlink is followed)
//   ferry_entries PATH          → `entry=<base64 name>` for the first names in a directory, then `entries=<count>`
export const SEEN_FUNCTIONS = `${TREE_DIGEST_FUNCTION}ferry_seen() {
  if [ -L "$1" ] && [ "$2" = 0 ]; then
    __t=$(readlink -- "$1" && echo x) || return 1
    __t=\${__t%?x}
    __st=$(stat -c '%u %g %U %G' -- "$1") || return 1
    printf 'link %s %s\\n' "$__st" "$(printf '%s' "$__t" | base64 | tr -d '\\n')"
  elif [ -d "$1" ]; then
    __st=$(stat -L -c '%a %u %g %U %G' -- "$1") || return 1
    if [ "$3" = 1 ]; then
      __h=$(ferry_tree "$1") || return 1
      printf 'dir %s %s\\n' "$__st" "$__h"
    else
      printf 'dir %s\\n' "$__st"
    fi
  elif [ -e "$1" ] || [ -L "$1" ]; then
    printf 'other\\n'
  else
    printf 'absent\\n'
  fi
}
ferry_entries() {
  __n=0
  for __f in "$1"/* "$1"/.[!.]* "$1"/..?*; do
    [ -e "$__f" ] || [ -L "$__f" ] || continue
    __n=$((__n + 1))
    [ "$__n" -le ${ENTRY_LIMIT} ] && printf 'entry=%s\\n' "$(printf '%s' "\${__f##*/}" | base64 | tr -d '\\n')"
  done
  printf 'entries=%s\\n' "$__n"
}
`;
