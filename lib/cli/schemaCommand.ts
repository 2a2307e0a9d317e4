import { playbookEditorSchema, taskFileEditorSchema } from '../docs/index.js';
import type { ModuleDef } from '../modules/defineModule.js';
import { EXIT } from '../report/exitCodes.js';

// `ferry schema [--tasks] > ferry.schema.json`: the editor schema of playbooks (or task files) on stdout.
export function schemaCommand(args: { tasks: boolean }, modules: ReadonlyMap<string, ModuleDef>, write: (text: string) => void): number {
  const schema = args.tasks ? taskFileEditorSchema(modules) : playbookEditorSchema(modules);
  write(`${JSON.stringify(schema, null, 2)}\n`);
  return EXIT.OK;
}
