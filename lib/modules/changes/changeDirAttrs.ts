import type { DirectoryChange } from '../../report/types.js';
import { shellQuote } from '../../transport/shellQuote.js';
import type { AttributeFix } from '../attributeChanges.js';
import { attributeScript } from '../attributeScript.js';
import type { ModuleContext } from '../defineModule.js';
import { dirStateOf, lineOf } from './pathStateOf.js';
import { remoteFailure } from '../remoteFailure.js';

// A directory's mode and owner changed in one round trip, recorded as they were before and after (its content is not
// touched, so nothing is copied); the record comes back even when a later chmod failed, and is then kept by `record`.
export async function changeDirAttrs(
  ctx: ModuleContext,
  path: string,
  fix: Pick<AttributeFix, 'chmod' | 'chown'> & { touch?: boolean },
  record: (change: DirectoryChange) => void,
): Promise<void> {
  const q = shellQuote(path);
  const touch = fix.touch ? [`touch -- ${q}`] : [];
  const script = [
    `__st=$(stat -L -c '%a %u %g %U %G' -- ${q}) || exit 3`,
    `printf 'before=%s\\n' "$__st"`,
    `{ ${[...touch, ...attributeScript(path, fix), ':'].join(' && ')}; }; __r=$?`,
    `__st=$(stat -L -c '%a %u %g %U %G' -- ${q}) && printf 'after=%s\\n' "$__st"`,
    'exit "$__r"',
    '',
  ].join('\n');
  const res = await ctx.host.exec({ script, become: ctx.become });
  const before = dirStateOf(lineOf(res.stdout, 'before') ?? '');
  const after = dirStateOf(lineOf(res.stdout, 'after') ?? '');
  if (before && after && (before.mode !== after.mode || before.uid !== after.uid || before.gid !== after.gid)) {
    record({ path, before, after, ...(ctx.become ? { become: true } : {}) });
  }
  if (res.rc !== 0) throw remoteFailure(ctx.host.name, `mode/owner of ${path}`, res);
}
