import { bind } from '../binding.js';
import { must, type Ctx } from '../context.js';
import { requireScope, reqSiteAdmin, reqToken } from '../guards.js';
import { apiError, ok, type Reply } from '../replies.js';
import type { Route } from '../routeTable.js';
import { userJson } from '../views.js';

/** Gitea's MIN_PASSWORD_LENGTH default. */
const MIN_PASSWORD_LENGTH = 8;

/** A few of Gitea's reserved user names (models/user/user.go), enough to exercise the 422. */
const RESERVED = ['admin', 'api', 'assets', 'avatars', 'explore', 'ghost', 'login', 'new', 'notifications', 'org', 'repo', 'user'];

interface CreateUserOption {
  username: string;
  email: string;
  password?: string;
  full_name?: string;
  must_change_password?: boolean;
  restricted?: boolean;
  visibility?: string;
}

const bindCreateUser = bind('CreateUserOption', [
  { json: 'source_id', go: 'SourceID', type: 'int64' },
  { json: 'login_name', go: 'LoginName', type: 'string' },
  { json: 'username', go: 'Username', type: 'string', required: true },
  { json: 'full_name', go: 'FullName', type: 'string' },
  { json: 'email', go: 'Email', type: 'string', required: true },
  { json: 'password', go: 'Password', type: 'string' },
  { json: 'must_change_password', go: 'MustChangePassword', type: '*bool' },
  { json: 'send_notify', go: 'SendNotify', type: 'bool' },
  { json: 'restricted', go: 'Restricted', type: '*bool' },
  { json: 'visibility', go: 'Visibility', type: 'string', oneOf: ['', 'public', 'limited', 'private'] },
]);

// admin.CreateUser: password rules first, then name and e-mail clashes; must_change_password defaults to TRUE.
function createUser(ctx: Ctx): Reply {
  const form = ctx.body as CreateUserOption;
  if (Buffer.byteLength(form.password ?? '') < MIN_PASSWORD_LENGTH) return apiError(ctx.appUrl, 400, 'PasswordIsRequired');
  if (RESERVED.includes(form.username.toLowerCase())) return apiError(ctx.appUrl, 422, `name is reserved [name: ${form.username}]`);
  if (ctx.state.nameTaken(form.username)) return apiError(ctx.appUrl, 422, `user already exists [name: ${form.username}]`);
  if (ctx.state.users.some((u) => u.email.toLowerCase() === form.email.toLowerCase())) {
    return apiError(ctx.appUrl, 422, `e-mail already in use [email: ${form.email}]`);
  }
  const user = ctx.state.addUser({
    login: form.username,
    email: form.email,
    fullName: form.full_name ?? '',
    password: form.password,
    mustChangePassword: form.must_change_password ?? true,
    restricted: form.restricted ?? false,
    visibility: form.visibility || 'public',
  });
  return ok(201, userJson(user, must(ctx.doer, 'doer'), ctx.appUrl));
}

// Creating accounts, for site admins only.
export const adminRoutes: Route[] = [
  { method: 'POST', path: '/admin/users', guards: [requireScope('admin'), reqToken, reqSiteAdmin, bindCreateUser], handle: createUser },
];
