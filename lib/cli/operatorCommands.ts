import type { Argv } from 'yargs';
import { builtinModules } from '../modules/index.js';
import { completionScript, shellOf, type CompletionShell } from './completion/completionScript.js';
import { answerCompletion } from './completion/answerCompletion.js';
import { docCommand } from './docCommand.js';
import { schemaCommand } from './schemaCommand.js';
import { validateCommand } from './validateCommand.js';

/** Receives a command's exit code. */
type Done = (code: number) => void;

const stdout = (text: string): void => void process.stdout.write(text);
const stderr = (text: string): void => void process.stderr.write(text);

// The operator's commands beside `run`: validate, doc, schema and completion (whose answers come from answerCompletion).
export function operatorCommands<T>(y: Argv<T>, argv: readonly string[], done: Done): Argv<T> {
  return y
    .command(
      'validate <playbook>',
      'check a playbook (and inventory) as run would, contacting no host',
      (c) =>
        c
          .positional('playbook', { type: 'string', demandOption: true, describe: 'playbook YAML file' })
          .option('inventory', { alias: 'i', type: 'string', describe: 'inventory YAML file: also check every variable the tasks read' })
          .option('limit', { alias: 'l', type: 'string', describe: 'host pattern: check that it matches' })
          .option('extra-vars', { alias: 'e', type: 'string', array: true, default: [], describe: 'key=value, @file.yml or JSON, as for run' }),
      async (a) => {
        done(await validateCommand({ ...a, playbook: a.playbook as string, extraVars: (a.extraVars ?? []) as string[] }, { out: stdout, err: stderr }));
      },
    )
    .command(
      'doc [module]',
      'list the modules, or show one module: arguments, rules and an example',
      (c) =>
        c
          .positional('module', { type: 'string', describe: 'module name' })
          .option('markdown', { type: 'boolean', default: false, describe: 'Markdown: the whole reference, or the one module' }),
      (a) => done(docCommand({ module: a.module, markdown: a.markdown }, builtinModules, stdout)),
    )
    .command(
      'schema',
      'print the JSON Schema of playbooks for editors (yaml-language-server)',
      (c) => c.option('tasks', { type: 'boolean', default: false, describe: 'the schema of a task file (include_tasks) instead' }),
      (a) => done(schemaCommand({ tasks: a.tasks }, builtinModules, stdout)),
    )
    .command(
      'completion [shell]',
      'print the shell completion script (bash or zsh)',
      (c) => c.positional('shell', { type: 'string', choices: ['bash', 'zsh'], describe: 'default: your login shell' }),
      (a) => {
        stdout(completionScript((a.shell as CompletionShell | undefined) ?? shellOf(process.env)));
        done(0);
      },
    )
    .completion('__complete', false, answerCompletion(argv));
}

// The options `ferry run` gains for careful and long runs.
export function runAidOptions<T>(y: Argv<T>) {
  return y
    .option('plan-only', { type: 'boolean', default: false, describe: '--check --diff, then a task × host table of what would change' })
    .option('step', { type: 'boolean', default: false, describe: 'ask before each task: (N)o/(y)es/(c)ontinue, answers read from stdin' })
    .option('start-at-task', { type: 'string', describe: 'skip every task before the first one with this name (or glob)' })
    .option('retry-file', { type: 'string', describe: 'where to list failed/unreachable hosts (default ./PLAYBOOK.retry; --no-retry-file: nowhere)' });
}
