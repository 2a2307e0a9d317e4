import { defineModule, type ModuleDef } from '../../../lib/modules/defineModule.js';

/** Loader specs never run a module: probe and apply only say so if they are ever reached. */
const unused = {
  probe: async () => {
    throw new Error('loader specs never probe');
  },
  plan: () => ({ changes: [] }),
  apply: async () => {
    throw new Error('loader specs never apply');
  },
};

// A small registry with the shapes the loader must handle: free-form, enums, required args, no args, a secret arg.
export const testModules: ReadonlyMap<string, ModuleDef> = new Map<string, ModuleDef>(
  [
    defineModule({
      name: 'command',
      summary: 'run a program',
      freeForm: 'cmd',
      args: {
        type: 'object',
        properties: { cmd: { type: 'string' }, chdir: { type: 'string' }, retries: { type: 'integer' } },
        required: ['cmd'],
        additionalProperties: false,
      },
      ...unused,
    }),
    defineModule({
      name: 'file',
      summary: 'a file or directory',
      args: {
        type: 'object',
        properties: { path: { type: 'string' }, state: { enum: ['file', 'directory', 'absent'] }, mode: { type: 'string' } },
        required: ['path'],
        additionalProperties: false,
      },
      ...unused,
    }),
    defineModule({
      name: 'debug',
      summary: 'print a message',
      args: { type: 'object', properties: { msg: {}, var: { type: 'string' } }, additionalProperties: false },
      ...unused,
    }),
    defineModule({ name: 'ping', summary: 'no arguments', args: { type: 'object', additionalProperties: false }, ...unused }),
    defineModule({
      name: 'token_file',
      summary: 'a secret in a file',
      alwaysSecret: ['token'],
      args: {
        type: 'object',
        properties: { path: { type: 'string' }, token: { type: 'string' } },
        required: ['path', 'token'],
        additionalProperties: false,
      },
      ...unused,
    }),
  ].map((m) => [m.name, m as ModuleDef]),
);
