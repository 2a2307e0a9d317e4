import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FerryError } from '../../errors/FerryError.js';
import type { ModuleContext } from '../defineModule.js';
import type { AdminCredentialArgs } from './giteaArgs.js';

/** A Gitea site admin's Basic credentials, read on the controller. */
export interface AdminCredentials {
  user: string;
  password: string;
}

// Admin credentials come from the controller's environment or a controller file, never from the playbook, and are
// registered as secrets the moment they are read, so no output of the run can show them.
export function readAdminCredentials(ctx: ModuleContext, args: AdminCredentialArgs, env: NodeJS.ProcessEnv = process.env): AdminCredentials {
  const userVar = args.admin_user_env ?? 'GITEA_ADMIN_USER';
  const passVar = args.admin_password_env ?? 'GITEA_ADMIN_PASSWORD';
  const password = args.admin_password_file !== undefined ? fromFile(ctx, args.admin_password_file) : env[passVar] ?? '';
  if (password !== '') ctx.secret(password);
  const user = env[userVar]?.trim() ?? '';
  const missing = [user === '' && `${userVar} (the admin login)`, password === '' && `${passVar} (the admin password)`].filter(Boolean);
  if (missing.length > 0) {
    const exports = [user === '' && `${userVar}=<admin login>`, password === '' && `${passVar}=…`].filter(Boolean).join(' ');
    throw new FerryError('MODULE', `Gitea admin credentials are missing on the controller: ${missing.join(' and ')} not set`, { host: ctx.hostname },
      `export ${exports} before the run${password === '' ? ', or give admin_password_file' : ''}`);
  }
  // The Basic header carries user:password in base64: that form is a secret too.
  ctx.secret(Buffer.from(`${user}:${password}`, 'utf8').toString('base64'));
  return { user, password };
}

function fromFile(ctx: ModuleContext, file: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(ctx.baseDir, file), 'utf8');
  } catch {
    throw new FerryError('MODULE', `the Gitea admin password file ${file} cannot be read on the controller`, { host: ctx.hostname },
      'create it (the password on one line, mode 0600), or export GITEA_ADMIN_PASSWORD=… and drop admin_password_file');
  }
  const password = text.replace(/\r?\n$/, '');
  if (password === '') {
    throw new FerryError('MODULE', `the Gitea admin password file ${file} is empty`, { host: ctx.hostname }, 'put the password on its first line');
  }
  return password;
}
