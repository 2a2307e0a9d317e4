/** A status real Gitea answers on a route although its swagger does not list it there. */
export interface UndocumentedStatus {
  /** `*` for every route. */
  method: string;
  path: string;
  status: number;
  why: string;
}

// Gitea's swagger lists what handlers answer, not what its middleware answers first. These are the only
// statuses the drift check accepts beyond the swagger, each from CONTRACT.md; the spec proves each is needed and used.
export const UNDOCUMENTED_STATUSES: readonly UndocumentedStatus[] = [
  {
    method: '*',
    path: '*',
    status: 401,
    why: 'apiAuth rejects bad credentials before routing on every route; reqToken and reqBasicOrRevProxyAuth answer 401 too (CONTRACT §0, §1)',
  },
  {
    method: '*',
    path: '*',
    status: 403,
    why: 'must_change_password, prohibit_login, sudo by a non-admin and missing token scopes are refused by middleware on every route; so are non-members by reqOrgMembership/reqTeamMembership (CONTRACT §0, §1)',
  },
  {
    method: '*',
    path: '*',
    status: 404,
    why: 'sudo() with an unknown user on any route, and UserAssignmentAPI for an unknown {username} (CONTRACT §0, §1)',
  },
  {
    method: 'POST',
    path: '/users/{username}/tokens',
    status: 422,
    why: 'bind() rejects a body without name as [Name]: Required (CONTRACT §1)',
  },
];

/** The allowance that covers a route's status, if any. */
export function undocumentedStatus(method: string, path: string, status: number): UndocumentedStatus | undefined {
  return UNDOCUMENTED_STATUSES.find(
    (u) => u.status === status && (u.method === '*' || u.method === method) && (u.path === '*' || u.path === path),
  );
}
