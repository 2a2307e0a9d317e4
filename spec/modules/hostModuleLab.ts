import { executeModule, type ModuleOutcome } from '../../lib/engine/executeModule.js';
import type { ModuleContext, ModuleDef } from '../../lib/modules/defineModule.js';
import { Transport } from '../../lib/transport/index.js';
import type { RemoteHost } from '../../lib/transport/types.js';
import { startLab, type Lab, type LabHost } from '../support/lab/index.js';

/** How one module call is made: on which lab host, as which login user, with become, in check mode. */
export interface CallOptions {
  host?: string;
  user?: 'root' | 'ferryops';
  become?: boolean;
  check?: boolean;
}

/** A lab with one shared transport, and a way to run a module on it the way the engine does. */
export interface ModuleLab {
  lab: Lab;
  hostOf(name?: string): LabHost;
  run(module: ModuleDef, args: Record<string, unknown>, opts?: CallOptions): Promise<ModuleOutcome>;
  stop(): Promise<void>;
}

// Host specs run modules through the real transport against real sshd hosts: probe, plan, and apply unless checking.
export async function startModuleLab(count = 1): Promise<ModuleLab> {
  const lab = await startLab({ count });
  const transport = new Transport({ hostKeys: { knownHostsFile: lab.knownHostsFile, acceptNew: false } });
  const hostOf = (name = 'host1'): LabHost => {
    const h = lab.hosts.find((x) => x.name === name);
    if (!h) throw new Error(`no lab host ${name}`);
    return h;
  };
  const connect = (name: string, user: string): Promise<RemoteHost> => {
    const h = hostOf(name);
    return transport.connect({ name: `${name}/${user}`, address: h.address, port: h.port, user, privateKeyFile: lab.keyFile });
  };
  return {
    lab,
    hostOf,
    async run(module, args, opts = {}) {
      const name = opts.host ?? 'host1';
      const host = await connect(name, opts.user ?? 'root');
      const ctx: ModuleContext = {
        host,
        hostname: name,
        become: opts.become ?? false,
        check: opts.check ?? false,
        secret: () => undefined,
        baseDir: process.cwd(),
        log: () => undefined,
      };
      return executeModule(module, args, ctx, { check: ctx.check, pendingBefore: false });
    },
    async stop() {
      await transport.close();
      await lab.stop();
    },
  };
}
