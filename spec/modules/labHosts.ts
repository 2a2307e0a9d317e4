import { startLab, type Lab, type LabHost } from '../support/lab/index.js';
import { Transport } from '../../lib/transport/Transport.js';
import type { ApplyResult, ModuleContext, ModuleDef, Plan } from '../../lib/modules/defineModule.js';
import type { ExecRequest, RemoteHost } from '../../lib/transport/types.js';

/** A lab host reached through ferry's transport, as root and as the unprivileged lab user. */
export interface ModuleLab {
  lab: Lab;
  host: LabHost;
  root: RemoteHost;
  ops: RemoteHost;
  /** A new connection of its own (an execve trace only sees sessions opened after it started). */
  fresh(user: 'root' | 'ferryops'): Promise<{ host: RemoteHost; close(): Promise<void> }>;
  stop(): Promise<void>;
}

// One lab host and one connection per login, for a module's integration specs.
export async function startModuleLab(files: Record<string, string> = {}): Promise<ModuleLab> {
  const lab = await startLab({ count: 1, files });
  const transport = new Transport({ hostKeys: { knownHostsFile: lab.knownHostsFile, acceptNew: false } });
  const [host] = lab.hosts;
  const spec = (user: string) => ({ name: `${host.name}-${user}`, address: host.address, port: host.port, user, privateKeyFile: lab.keyFile });
  try {
    const [root, ops] = await Promise.all([transport.connect(spec('root')), transport.connect(spec('ferryops'))]);
    const fresh = async (user: string) => {
      const own = new Transport({ hostKeys: { knownHostsFile: lab.knownHostsFile, acceptNew: false } });
      return { host: await own.connect(spec(user)), close: () => own.close() };
    };
    const stop = async () => {
      await transport.close();
      await lab.stop();
    };
    return { lab, host, root, ops, fresh, stop };
  } catch (err) {
    await transport.close();
    await lab.stop();
    throw err;
  }
}

/** A RemoteHost that counts round trips and keeps every request it passed on. */
export interface CountingHost extends RemoteHost {
  requests: Array<ExecRequest | { write: string }>;
}

// Wraps a real connection to count its round trips; everything still goes to the real host.
export function counting(host: RemoteHost): CountingHost {
  const requests: CountingHost['requests'] = [];
  return {
    name: host.name,
    user: host.user,
    requests,
    exec: (req) => {
      requests.push(req);
      return host.exec(req);
    },
    writeFile: (req) => {
      requests.push({ write: req.path });
      return host.writeFile(req);
    },
  };
}

/** The module context a task gets, without an engine. */
export function contextOf(host: RemoteHost, opts: { become?: boolean; check?: boolean; baseDir?: string } = {}): ModuleContext {
  return { host, hostname: host.name, become: opts.become ?? false, check: opts.check ?? false, baseDir: opts.baseDir ?? process.cwd(), secret: () => {}, log: () => {} };
}

/** What one module call did: the plan, and apply's result when it ran. */
export interface Ran {
  plan: Plan;
  applied?: ApplyResult;
}

// probe → plan → apply (only when there are changes and not in check mode): the engine's contract, in four lines.
export async function runModule<A>(mod: ModuleDef<A>, ctx: ModuleContext, args: A): Promise<Ran> {
  const plan = mod.plan(await mod.probe(ctx, args), args);
  if (ctx.check || plan.changes.length === 0) return { plan };
  return { plan, applied: await mod.apply(ctx, plan, args) };
}

/** Summaries of a plan's changes, for short asserts. */
export const summaries = (plan: Plan): string[] => plan.changes.map((c) => c.summary);
