import { FerryError } from '../errors/FerryError.js';
import { commandResult, skippedResult } from './commandResult.js';
import { defineModule } from './defineModule.js';
import { RUN_PROPERTIES, type RunArgs } from './runArgs.js';
import { guardSkip, probeGuards, type GuardFacts } from './runGuards.js';
import { shellScript, stdinOf } from './runScript.js';

// Runs a command line through a shell, for pipes, redirections and expansions; command is the safer default.
export const shell = defineModule<RunArgs, GuardFacts, undefined>({
  name: 'shell',
  summary: 'Run a command line through /bin/sh -c (pipes, redirections, variables expand)',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['cmd'],
    properties: {
      cmd: { type: 'string', minLength: 1, description: 'The command line, run by the shell as it is written.' },
      executable: { type: 'string', minLength: 1, description: 'The shell to run cmd with (default /bin/sh); it is called as `<executable> -c <cmd>`.' },
      ...RUN_PROPERTIES,
    },
  },
  freeForm: 'cmd',
  secretArgs: ['cmd', 'stdin'],
  example: `- name: Count the app's workers
  shell: pgrep -f app-worker | wc -l
  register: workers`,

  probe: (ctx, args) => probeGuards(ctx, args),

  plan(facts, args) {
    const cmd = args.cmd ?? '';
    if (cmd.trim() === '') throw new FerryError('MODULE', 'shell: no command given', {}, 'give cmd, the command line to run');
    const skip = guardSkip(facts, args);
    if (skip) return { changes: [], msg: skip, result: skippedResult(cmd, skip) };
    return { changes: [{ summary: `run: ${cmd}` }] };
  },

  async apply(ctx, _plan, args) {
    const cmd = args.cmd ?? '';
    const stdin = stdinOf(args.stdin, args.stdin_add_newline);
    const script = shellScript(cmd, { chdir: args.chdir, hasStdin: stdin !== undefined, executable: args.executable });
    const res = await ctx.host.exec({ script, stdin, become: ctx.become });
    return commandResult(res, cmd);
  },
});
