import { FerryError } from '../../errors/FerryError.js';
import type { Plan } from '../defineModule.js';
import type { AssertIdentityArgs, IdentityFacts } from './assertIdentityTypes.js';

// Pure: no changes when Gitea answered the expected login; any other answer is a failure that says what the host
// really authenticates as, or why it cannot.
export function assertIdentityPlan(facts: IdentityFacts, args: AssertIdentityArgs): Plan<never> {
  const source = sourceOf(args);
  const fail = (message: string, hint: string): never => {
    throw new FerryError('MODULE', message, { host: facts.host }, hint);
  };
  switch (facts.state) {
    case 'missing':
      return fail(`${args.env_file ?? args.token_file} does not exist on the host`, 'check the path, or run the task that writes it first');
    case 'unreadable':
      return fail(`${args.env_file ?? args.token_file} cannot be read by the login user`, 'run the task with become: true');
    case 'empty':
      return fail(args.env_file !== undefined ? `${args.env_file} sets no ${args.key ?? 'GITEA_TOKEN'} (or sets it empty)` : `${args.token_file} is empty`,
        'write the token there first (token_file, env_line)');
    case 'garbage':
      return fail(`the token from ${source} contains spaces or several lines`, 'a token is one word: fix the file');
    case 'no-curl':
      return fail('curl is not installed on the host', 'install curl: assert_identity asks Gitea from the host itself, to see what its consumers see');
  }
  const token = facts.last4 ? `****${facts.last4}` : 'the token';
  if (facts.curlRc !== 0) {
    return fail(`curl on the host could not ask Gitea (curl exit ${facts.curlRc}${facts.curlError ? `: ${facts.curlError}` : ''})`,
      'check that gitea_url is reachable from the host (DNS, proxy, firewall, TLS)');
  }
  if (facts.status === 401) {
    return fail(`the token the host reads is rejected by Gitea (revoked or wrong): ${token} from ${source}`,
      'write a valid token there (token_file mints one) and point the consumers at it');
  }
  if (facts.status === 403) {
    return fail(`Gitea refuses the token the host reads (${token} from ${source}): ${messageOf(facts.body) ?? 'HTTP 403'}`,
      'a must_change_password or login-prohibited account, or a token without read:user: fix the account or mint with read:user');
  }
  if (facts.status !== 200) {
    return fail(`Gitea answered HTTP ${facts.status} to GET /api/v1/user from the host`, 'check that gitea_url points at Gitea itself');
  }
  const login = loginOf(facts.body);
  if (login === undefined) return fail('Gitea\'s answer to GET /api/v1/user from the host has no login', 'check that gitea_url points at Gitea itself');
  if (login.toLowerCase() !== args.login.toLowerCase()) {
    return fail(`host authenticates as ${login}, expected ${args.login} (${token} from ${source})`,
      `point ${source} at a token of ${args.login}`);
  }
  return { changes: [], msg: `authenticated as ${login}`, result: { login, source } };
}

function sourceOf(args: AssertIdentityArgs): string {
  return args.env_file !== undefined ? `${args.key ?? 'GITEA_TOKEN'} in ${args.env_file}` : `${args.token_file}`;
}

function parse(body: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function loginOf(body: string): string | undefined {
  const login = parse(body)?.login;
  return typeof login === 'string' ? login : undefined;
}

function messageOf(body: string): string | undefined {
  const message = parse(body)?.message;
  return typeof message === 'string' ? message : undefined;
}
