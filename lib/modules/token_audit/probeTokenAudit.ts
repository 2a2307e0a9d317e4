import { FerryError } from '../../errors/FerryError.js';
import type { ModuleContext } from '../defineModule.js';
import { remoteFailure } from '../remoteFailure.js';
import { DEFAULT_AUDIT_PATHS, DEFAULT_AUDIT_TIMEOUT, DEFAULT_CRON_DIRS } from './auditDefaults.js';
import { auditScript } from './auditScript.js';
import { auditTarget } from './auditTarget.js';
import { parseAudit } from './parseAudit.js';
import type { AuditFacts, TokenAuditArgs } from './tokenAuditTypes.js';

// One host round trip: the audit script, with the fingerprint (if any) on stdin, never in the script or an argv.
export async function probeTokenAudit(ctx: ModuleContext, args: TokenAuditArgs): Promise<AuditFacts> {
  const target = await auditTarget(ctx, args);
  const timeout = args.timeout ?? DEFAULT_AUDIT_TIMEOUT;
  const script = auditScript(target, args.paths ?? DEFAULT_AUDIT_PATHS, args.cron_dirs ?? DEFAULT_CRON_DIRS);
  const res = await ctx.host.exec({
    script,
    become: ctx.become,
    timeoutMs: timeout * 1000,
    ...(target.mode === 'sha256' ? { stdin: `${target.sha256}\n` } : {}),
  });
  if (res.rc === 124) {
    throw new FerryError('TIMEOUT', `the token search did not finish in ${timeout}s`, { host: ctx.hostname }, 'raise timeout, or narrow paths');
  }
  const facts = res.rc === 0 ? parseAudit(ctx.hostname, target, res.stdout) : undefined;
  if (!facts) throw remoteFailure(ctx.hostname, 'searching for the token', { ...res, rc: res.rc || 1 });
  return facts;
}
