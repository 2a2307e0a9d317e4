import { shellQuote } from '../../transport/shellQuote.js';
import type { AssertIdentityArgs } from './assertIdentityTypes.js';

/** The line after which the identity script prints Gitea's answer, byte for byte. */
export const BODY_MARK = 'body:';

// One host script: read the token exactly as the consumers do (source the env file with `set -a` in a subshell, or
// read the token file), then let the host's curl ask Gitea who it is. The token goes to curl on a pipe from printf,
// a shell builtin, so it is in no process's argv; only the answer, the status and the token's last four characters
// come back (curl's own complaints on stderr).
export function identityScript(args: AssertIdentityArgs, userUrl: string): string {
  const src = args.env_file ?? args.token_file ?? '';
  const key = args.key ?? 'GITEA_TOKEN';
  const dotPath = src.includes('/') ? src : `./${src}`;
  const read = args.env_file !== undefined
    ? `tok=$(set +u; set -a; . ${shellQuote(dotPath)} >/dev/null 2>&1 </dev/null; printf '%s' "\${${key}-}") || :`
    : 'tok=$(cat -- "$src") || :';
  return [
    `src=${shellQuote(src)}`,
    `url=${shellQuote(userUrl)}`,
    // A carriage return and a newline in variables: the shell's own pattern matching then does what tr, tail and sed did.
    "cr=$(printf '\\r') nl='\n'",
    `[ -e "$src" ] || { printf 'state=missing\\n'; exit 0; }`,
    `[ -r "$src" ] || { printf 'state=unreadable\\n'; exit 0; }`,
    read,
    // A CRLF env file leaves a carriage return on the value; consumers that tolerate CRLF drop it, and so do we.
    'tok=${tok%"$cr"}',
    `[ -n "$tok" ] || { printf 'state=empty\\n'; exit 0; }`,
    // Anything but visible characters (spaces, newlines) is no token and would forge extra header lines.
    `case $tok in *[![:graph:]]*) printf 'state=garbage\\n'; exit 0 ;; esac`,
    `command -v curl >/dev/null 2>&1 || { printf 'state=no-curl\\n'; exit 0; }`,
    `[ \${#tok} -lt 12 ] || printf 'last4=%s\\n' "\${tok#"\${tok%????}"}"`,
    `out=$(printf 'Authorization: token %s\\n' "$tok" | curl -sS -m 10 -H @- -w '\\n%{http_code}' -- "$url")`,
    'rc=$?',
    // The status is the last line curl wrote; the body, everything before it, comes last and as it is.
    `printf 'state=asked\\ncurl_rc=%s\\nstatus=%s\\n%s\\n%s' "$rc" "\${out##*"$nl"}" ${shellQuote(BODY_MARK)} "\${out%"$nl"*}"`,
  ].join('\n');
}
