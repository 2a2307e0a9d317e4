import type { DirectoryChange } from '../../report/types.js';
import { shellQuote } from '../../transport/shellQuote.js';
import { attributeScript } from '../attributeScript.js';
import type { ModuleContext } from '../defineModule.js';
import { formatMode } from '../parseMode.js';
import { dirStateOf } from './pathStateOf.js';
import { remoteFailure } from '../remoteFailure.js';

/** A directory to ensure, with the mode and owner the last one gets (parents get the host's defaults, as mkdir -p). */
export interface DirWanted {
  path: string;
  mode?: number;
  owner?: string;
  group?: string;
}

// `mkdir -p` that says what it made: each missing directory of the path is created in one round trip, and each one
// made is recorded (before: absent) so a rollback can remove it again, even when a later step of the script failed.
export async function makeDirs(ctx: ModuleContext, want: DirWanted, record: (change: DirectoryChange) => void): Promise<void> {
  const dirs = ancestorsOf(want.path);
  const script = [
    `ferry_made() { __st=$(stat -c '%a %u %g %U %G' -- "$1") && printf 'made=%s %s\\n' "$2" "$__st"; }`,
    ...dirs.flatMap((dir, i) => (i === dirs.length - 1 ? lastDir(dir, i, want) : parentDir(dir, i))),
    '',
  ].join('\n');
  const res = await ctx.host.exec({ script, become: ctx.become });
  for (const line of res.stdout.split('\n')) {
    const m = /^made=(\d+) (.*)$/.exec(line);
    const after = m ? dirStateOf(m[2]) : undefined;
    if (m && after && dirs[Number(m[1])] !== undefined) record({ path: dirs[Number(m[1])], before: 'absent', after, ...(ctx.become ? { become: true } : {}) });
  }
  if (res.rc !== 0) throw remoteFailure(ctx.host.name, `creating directory ${want.path}`, res);
}

/** `/a/b/c` → `/a`, `/a/b`, `/a/b/c`; `a//b/` → `a`, `a/b`. Each is tried in turn; `.` and `..` always exist. */
export function ancestorsOf(path: string): string[] {
  const root = path.startsWith('/') ? '/' : '';
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => root + parts.slice(0, i + 1).join('/'));
}

function parentDir(dir: string, i: number): string[] {
  const q = shellQuote(dir);
  return [`if [ ! -e ${q} ] && [ ! -L ${q} ]; then`, `  mkdir -- ${q} || exit 3`, `  ferry_made ${q} ${i}`, 'fi'];
}

function lastDir(dir: string, i: number, want: DirWanted): string[] {
  const q = shellQuote(dir);
  const mode = want.mode === undefined ? '' : `-m 0${formatMode(want.mode)} `;
  const chown = want.owner !== undefined || want.group !== undefined ? { owner: want.owner, group: want.group } : undefined;
  // Owner first: chown may clear set-id bits, which the chmod after it puts back.
  const attrs = attributeScript(dir, { chown, chmod: want.mode });
  return [
    `if [ ! -e ${q} ] && [ ! -L ${q} ]; then`,
    `  mkdir ${mode}-- ${q} || exit 3`,
    '  __r=0',
    // Not `set -e` in a subshell: a list tested by || ignores it, so each step is chained with && instead.
    ...(chown ? [`  { ${attrs.join(' && ')}; } || __r=4`] : []),
    `  ferry_made ${q} ${i}`,
    '  [ "$__r" = 0 ] || exit "$__r"',
    'fi',
  ];
}
