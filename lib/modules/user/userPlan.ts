import { FerryError } from '../../errors/FerryError.js';
import type { Plan } from '../defineModule.js';
import { shellJoin } from '../shellJoin.js';
import { groupsAsked } from './userProbe.js';
import type { UserArgs, UserData, UserFacts } from './userTypes.js';

// Pure: the one useradd, usermod or userdel that makes the account as asked, with only the options that differ.
export function userPlan(facts: UserFacts, args: UserArgs): Plan<UserData> {
  const state = args.state ?? 'present';
  const result: Record<string, unknown> = { name: args.name, state };
  if (state === 'absent') {
    if (!facts.exists) return { changes: [], result };
    return planned(['userdel', ...(args.remove ? ['-r'] : []), '--', args.name], result, facts);
  }
  const missing = groupsAsked(args).filter((g) => !facts.knownGroups.includes(g));
  if (missing.length > 0) {
    throw new FerryError('MODULE', `group ${missing.join(', ')} does not exist on the host`, {}, 'create the group first, or correct group/groups');
  }
  if (!facts.exists) return planned(useradd(args), result, facts);
  Object.assign(result, { uid: facts.uid, home: facts.home, shell: facts.shell });
  const options = usermodOptions(facts, args);
  if (options.length === 0) return { changes: [], result };
  return planned(['usermod', ...options, '--', args.name], result, facts);
}

function useradd(args: UserArgs): string[] {
  const argv = ['useradd'];
  if (args.uid !== undefined) argv.push('-u', String(args.uid));
  if (args.group !== undefined) argv.push('-g', args.group);
  if (args.groups !== undefined && args.groups.length > 0) argv.push('-G', args.groups.join(','));
  if (args.shell !== undefined) argv.push('-s', args.shell);
  if (args.home !== undefined) argv.push('-d', args.home);
  if (args.comment !== undefined) argv.push('-c', args.comment);
  if (args.system) argv.push('-r');
  argv.push(args.create_home === false ? '-M' : '-m', '--', args.name);
  return argv;
}

/** Only what differs; supplementary groups compare without the primary group, which `id -Gn` lists first. */
function usermodOptions(facts: UserFacts, args: UserArgs): string[] {
  const opts: string[] = [];
  if (args.uid !== undefined && args.uid !== facts.uid) opts.push('-u', String(args.uid));
  if (args.group !== undefined && args.group !== facts.group) opts.push('-g', args.group);
  if (args.groups !== undefined) {
    const primary = args.group ?? facts.group;
    const current = (facts.groups ?? []).filter((g) => g !== primary);
    const wanted = [...new Set(args.groups)].filter((g) => g !== primary);
    if (args.append) {
      const add = wanted.filter((g) => !current.includes(g));
      if (add.length > 0) opts.push('-a', '-G', add.join(','));
    } else if (wanted.length !== current.length || wanted.some((g) => !current.includes(g))) {
      opts.push('-G', wanted.join(','));
    }
  }
  if (args.shell !== undefined && args.shell !== facts.shell) opts.push('-s', args.shell);
  if (args.home !== undefined && args.home !== facts.home) opts.push('-d', args.home);
  if (args.comment !== undefined && args.comment !== facts.comment) opts.push('-c', args.comment);
  return opts;
}

function planned(argv: string[], result: Record<string, unknown>, facts: UserFacts): Plan<UserData> {
  if (facts.root === false) {
    throw new FerryError('MODULE', `${argv[0]} needs root, and the task runs as an ordinary user`, {}, 'set become: true on the task or play, or log in as root');
  }
  return { changes: [{ summary: shellJoin(argv) }], data: { argv }, result };
}
