import type { ModuleContext } from './defineModule.js';
import { remoteFailure } from './remoteFailure.js';
import { guardPath, type RunArgs } from './runArgs.js';
import { shellQuote } from '../transport/shellQuote.js';

/** Whether creates/removes exist now; absent when the task has no such argument. */
export interface GuardFacts {
  creates?: boolean;
  removes?: boolean;
}

// One exec answers both creates and removes (a dangling symlink counts as existing); none at all when neither is set.
export async function probeGuards(ctx: ModuleContext, args: RunArgs): Promise<GuardFacts> {
  const tests = (['creates', 'removes'] as const).filter((k) => args[k] !== undefined);
  if (tests.length === 0) return {};
  const script = tests
    .map((k) => {
      const p = shellQuote(guardPath(args[k] as string, args.chdir));
      return `if [ -e ${p} ] || [ -L ${p} ]; then echo ${k}=1; else echo ${k}=0; fi`;
    })
    .join('\n');
  const res = await ctx.host.exec({ script, become: ctx.become });
  if (res.rc !== 0) throw remoteFailure(ctx.hostname, 'checking creates/removes', res);
  const facts: GuardFacts = {};
  for (const k of tests) facts[k] = res.stdout.includes(`${k}=1`);
  return facts;
}

// Ansible's wording: "skipped, since /x exists" / "skipped, since /x does not exist"; undefined means run.
export function guardSkip(facts: GuardFacts, args: RunArgs): string | undefined {
  if (args.creates !== undefined && facts.creates) return `skipped, since ${args.creates} exists`;
  if (args.removes !== undefined && facts.removes === false) return `skipped, since ${args.removes} does not exist`;
  return undefined;
}
