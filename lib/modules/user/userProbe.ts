import type { ModuleContext } from '../defineModule.js';
import { remoteFailure } from '../remoteFailure.js';
import { shellQuote } from '../shellQuote.js';
import type { UserArgs, UserFacts } from './userTypes.js';

// One round trip: the passwd entry, every group of the account, its primary group's name, and which asked groups exist.
export function userProbeScript(args: UserArgs): string {
  const n = shellQuote(args.name);
  const asked = groupsAsked(args);
  return [
    'set -u',
    `printf 'euid=%s\\n' "$(id -u)"`,
    `if ent=$(getent passwd -- ${n}); then`,
    `  printf 'passwd=%s\\n' "$ent"`,
    `  printf 'groups=%s\\n' "$(id -Gn -- ${n})"`,
    `  gid=$(printf '%s\\n' "$ent" | cut -d: -f4)`,
    `  printf 'primary=%s\\n' "$(getent group "$gid" | cut -d: -f1)"`,
    'fi',
    ...asked.map((g) => `if getent group -- ${shellQuote(g)} >/dev/null; then printf 'known=%s\\n' ${shellQuote(g)}; fi`),
  ].join('\n');
}

// Reads the probe's `key=value` lines back into facts.
export function parseUserProbe(stdout: string): UserFacts {
  const facts: UserFacts = { exists: false, knownGroups: [] };
  for (const line of stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (key === 'passwd') {
      const [, , uid, gid, comment, home, shell] = value.split(':');
      Object.assign(facts, { exists: true, uid: Number(uid), gid: Number(gid), comment, home, shell });
    } else if (key === 'groups') facts.groups = value.split(' ').filter(Boolean);
    else if (key === 'primary' && value !== '') facts.group = value;
    else if (key === 'known') facts.knownGroups.push(value);
    else if (key === 'euid') facts.root = value === '0';
  }
  return facts;
}

// The module's probe: one exec, read-only, so check mode can show the exact useradd/usermod/userdel.
export async function probeUser(ctx: ModuleContext, args: UserArgs): Promise<UserFacts> {
  const res = await ctx.host.exec({ script: userProbeScript(args), become: ctx.become });
  if (res.rc !== 0) throw remoteFailure(ctx.hostname, `looking up user ${args.name}`, res);
  return parseUserProbe(res.stdout);
}

/** Every group name the task mentions. */
export function groupsAsked(args: UserArgs): string[] {
  return [...new Set([...(args.group === undefined ? [] : [args.group]), ...(args.groups ?? [])])];
}
