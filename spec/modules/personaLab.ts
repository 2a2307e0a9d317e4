import { Redactor } from '../../lib/secrets/Redactor.js';
import type { ModuleContext } from '../../lib/modules/defineModule.js';
import { runModule, type Ran } from './labHosts.js';

export { runModule, type Ran };
import type { RemoteHost } from '../../lib/transport/types.js';

/** The site admin of the Gitea double in the persona specs. */
export const ADMIN = { user: 'site-admin', password: 'Adm1n-pass-persona-spec-7Qx' };
/** The seed's persona and organization. */
export const PERSONA = 'ops-automation';
/** The organization whose team the persona joins. */
export const ORG = 'molecule-ai';
/** The seed's scopes for the persona token. */
export const SCOPES = ['read:organization', 'read:notification', 'read:user', 'write:repository'];

/** A module context that records every secret the module registers, the way the run's redactor would. */
export interface RecordingContext extends ModuleContext {
  redactor: Redactor;
  registered: string[];
}

// The context a task gets from the engine, minus the engine: secrets land in a Redactor the spec can inspect.
export function recordingContext(host: RemoteHost, opts: { hostname?: string; become?: boolean; check?: boolean; baseDir?: string } = {}): RecordingContext {
  const redactor = new Redactor();
  const registered: string[] = [];
  return {
    host,
    hostname: opts.hostname ?? host.name,
    become: opts.become ?? false,
    check: opts.check ?? false,
    baseDir: opts.baseDir ?? process.cwd(),
    secret: (value) => {
      registered.push(value);
      redactor.add(value);
    },
    log: () => {},
    redactor,
    registered,
  };
}

/** Admin credentials in controller environment variables of the spec's own names, set and cleared around it. */
export interface AdminEnv {
  args: { admin_user_env: string; admin_password_env: string };
  set(password?: string): void;
  clear(): void;
}

// Each spec file uses its own variable names, so specs never see each other's credentials.
export function adminEnv(prefix: string): AdminEnv {
  const userVar = `FERRY_SPEC_${prefix}_ADMIN_USER`;
  const passVar = `FERRY_SPEC_${prefix}_ADMIN_PASSWORD`;
  return {
    args: { admin_user_env: userVar, admin_password_env: passVar },
    set: (password = ADMIN.password) => {
      process.env[userVar] = ADMIN.user;
      process.env[passVar] = password;
    },
    clear: () => {
      delete process.env[userVar];
      delete process.env[passVar];
    },
  };
}

/** A host that must not be touched: a module that runs on the controller only. */
export const NO_HOST: RemoteHost = {
  name: 'controller-only',
  user: 'nobody',
  exec: () => Promise.reject(new Error('this module must not run anything on a host')),
  writeFile: () => Promise.reject(new Error('this module must not write on a host')),
};

/** The FerryError (or any error) a promise rejects with; fails when it resolves. */
export async function failureOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

/** Every text a user could see of a module call: summaries, diffs, message, result. */
export function visibleText(ran: Ran): string {
  return JSON.stringify({ changes: ran.plan.changes, msg: ran.plan.msg, result: ran.plan.result, applied: ran.applied });
}
