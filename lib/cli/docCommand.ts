import { FerryError } from '../errors/FerryError.js';
import { moduleListText, moduleMarkdown, moduleText, modulesMarkdown } from '../docs/index.js';
import type { ModuleDef } from '../modules/defineModule.js';
import { didYouMean } from '../playbook/index.js';
import { EXIT } from '../report/exitCodes.js';

/** `ferry doc` options. */
export interface DocArgs {
  module?: string;
  markdown: boolean;
}

// `ferry doc [MODULE]`: the module list, one module's arguments and example, or (--markdown) the whole reference.
export function docCommand(args: DocArgs, modules: ReadonlyMap<string, ModuleDef>, write: (text: string) => void): number {
  if (args.module === undefined) {
    write(args.markdown ? modulesMarkdown(modules.values()) : moduleListText(modules.values()));
    return EXIT.OK;
  }
  const mod = modules.get(args.module);
  if (!mod) {
    const hint = didYouMean(args.module, modules.keys()) ?? "'ferry doc' lists every module";
    throw new FerryError('USAGE', `no module named '${args.module}'`, {}, hint);
  }
  write(args.markdown ? moduleMarkdown(mod) : moduleText(mod));
  return EXIT.OK;
}
