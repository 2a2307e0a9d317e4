/** How a spec request authenticates to the double. */
export type SpecAuth = { token: string } | { basic: [user: string, password: string] } | { header: string } | undefined;

/** A raw API request, below /api/v1. */
export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  auth?: SpecAuth;
  body?: unknown;
  sudo?: string;
}

/** What came back: status, parsed JSON body (undefined when empty) and headers. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

// Raw HTTP against the double, without the client, so specs see exactly what a Gitea would answer.
export async function callApi(baseUrl: string, r: ApiRequest): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (r.auth && 'token' in r.auth) headers.Authorization = `token ${r.auth.token}`;
  if (r.auth && 'basic' in r.auth) headers.Authorization = `Basic ${Buffer.from(r.auth.basic.join(':')).toString('base64')}`;
  if (r.auth && 'header' in r.auth) headers.Authorization = r.auth.header;
  if (r.sudo) headers.Sudo = r.sudo;
  if (r.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${baseUrl}/api/v1${r.path}`, {
    method: r.method,
    headers,
    body: r.body === undefined ? undefined : JSON.stringify(r.body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), headers: res.headers };
}
