import { shellQuote } from '../shellQuote.js';

/** Exit status of a job that could not even start (unknown user, no way to switch to it), like env(1)'s 125. */
export const SETUP_RC = 125;
/** How such a start-up failure begins on stderr, so a job exiting 125 by itself is not mistaken for one. */
export const SETUP_PREFIX = 'ferry-cron:';

// Starts one job the way cron does: as its user (setpriv, no PAM, no new session, so timeout reaches every process),
// with nothing but cron's environment, under timeout(1). The job's own script comes on stdin.
export function cronJobScript(user: string, timeoutSeconds: number): string {
  const fail = (msg: string) => `{ printf '%s %s\\n' ${shellQuote(SETUP_PREFIX)} ${shellQuote(msg)} >&2; exit ${SETUP_RC}; }`;
  return [
    'set -u',
    `u=${shellQuote(user)}`,
    // A local account is read from /etc/passwd by the shell itself; getent(1) for the rest (NSS: LDAP, sssd …).
    'ent=; while IFS= read -r l; do case $l in "$u":*) ent=$l; break ;; esac; done </etc/passwd 2>/dev/null',
    `[ -n "$ent" ] || ent=$(getent passwd -- "$u") || ${fail(`no user ${user} on this host`)}`,
    // name:password:uid:gid:gecos:home:shell, split by the shell itself: no cut, no subshell per field.
    'rest=${ent#*:*:}; uid=${rest%%:*}; rest=${rest#*:}; gid=${rest%%:*}; rest=${rest#*:*:}; home=${rest%%:*}',
    // The effective uid from /proc by the shell's own read (no process); id(1) where there is no /proc.
    'me=; while read -r k _ e _; do if [ "$k" = Uid: ]; then me=$e; break; fi; done </proc/self/status 2>/dev/null',
    '[ -n "$me" ] || me=$(id -u)',
    'if [ "$me" = "$uid" ]; then set --',
    'elif [ "$me" = 0 ]; then',
    `  command -v setpriv >/dev/null 2>&1 || ${fail('setpriv (util-linux) is needed to run a job as another user')}`,
    '  set -- setpriv --reuid="$uid" --regid="$gid" --init-groups --',
    `else ${fail(`running a job as ${user} needs root: set become: true`)}`,
    'fi',
    `exec timeout -k 5 ${Math.max(1, Math.ceil(timeoutSeconds))} "$@" env -i SHELL=/bin/sh PATH=/usr/bin:/bin HOME="$home" LOGNAME="$u" USER="$u" /bin/sh -s`,
  ].join('\n');
}
