import { FerryError } from '../errors/FerryError.js';
import { commandResult, skippedResult } from './commandResult.js';
import { defineModule } from './defineModule.js';
import { RUN_PROPERTIES, type RunArgs } from './runArgs.js';
import { guardSkip, probeGuards, type GuardFacts } from './runGuards.js';
import { argvScript, stdinOf } from './runScript.js';
import { shellJoin } from './shellJoin.js';
import { shlexSplit } from './shlexSplit.js';

/** What apply runs: the words, and how the task wrote them (for `run:` and `cmd`). */
interface CommandData {
  argv: string[];
}

// Runs one program with its words, no shell in between: `$HOME`, `|` and `;` reach it as they are written.
export const command = defineModule<RunArgs, GuardFacts, CommandData>({
  name: 'command',
  summary: 'Run a program with arguments, without a shell (nothing expands, pipes and ; are plain words)',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      cmd: { type: 'string', minLength: 1, description: 'The command line, split into words like a shell would; nothing expands.' },
      argv: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'The words themselves, instead of cmd.' },
      ...RUN_PROPERTIES,
    },
    // Exactly one of cmd and argv (the `properties: true` lines only satisfy ajv's strictRequired).
    oneOf: [
      { required: ['cmd'], properties: { cmd: true } },
      { required: ['argv'], properties: { argv: true } },
    ],
  },
  freeForm: 'cmd',
  secretArgs: ['cmd', 'argv', 'stdin'],
  example: `- name: Show the service's status
  command:
    argv: [systemctl, status, app]
  register: status`,

  probe: (ctx, args) => probeGuards(ctx, args),

  plan(facts, args) {
    const argv = wordsOf(args);
    const skip = guardSkip(facts, args);
    if (skip) return { changes: [], msg: skip, result: skippedResult(argv, skip) };
    return { changes: [{ summary: `run: ${args.cmd ?? shellJoin(argv)}` }], data: { argv } };
  },

  async apply(ctx, plan, args) {
    const { argv } = plan.data as CommandData;
    const stdin = stdinOf(args.stdin, args.stdin_add_newline);
    const script = argvScript(argv, { chdir: args.chdir, hasStdin: stdin !== undefined });
    const res = await ctx.host.exec({ script, stdin, become: ctx.become });
    return commandResult(res, argv);
  },
});

/** The argv a task asks for: argv as given, or cmd split like Python's shlex. */
function wordsOf(args: RunArgs): string[] {
  const argv = args.argv ?? shlexSplit(args.cmd ?? '');
  if (argv.length === 0) throw new FerryError('MODULE', 'command: no command given', {}, 'give cmd (a command line) or argv (a list of words)');
  return argv;
}
