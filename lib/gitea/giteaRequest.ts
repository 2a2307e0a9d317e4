import { GiteaError } from './GiteaError.js';
import { HttpFailure, httpExchange, type HttpAnswer } from './httpExchange.js';

/** One HTTP call to the Gitea API, already encoded. */
export interface GiteaCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below `/api/v1`, each variable segment already URI-encoded. */
  path: string;
  query?: Record<string, string | number>;
  /** Value of the Authorization header, if any. */
  authorization?: string;
  body?: unknown;
}

/** What Gitea answered: the status, the headers and the parsed JSON body (undefined when empty). */
export interface GiteaReply {
  status: number;
  headers: HttpAnswer['headers'];
  body: unknown;
}

// All network I/O of the client in one place: timeout, connection failures and non-JSON bodies become GiteaErrors.
export async function giteaRequest(baseUrl: string, call: GiteaCall, timeoutMs: number): Promise<GiteaReply> {
  const url = new URL(`api/v1${call.path}`, baseUrl);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (call.authorization) headers.Authorization = call.authorization;
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  const what = `${call.method} ${baseUrl}api/v1${call.path}`;
  let res: HttpAnswer;
  try {
    res = await httpExchange({
      method: call.method,
      url,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      timeoutMs,
    });
  } catch (err) {
    throw networkError(err, baseUrl, what, timeoutMs);
  }
  const text = res.text;
  if (text.trim() === '') return { status: res.status, headers: res.headers, body: undefined };
  try {
    return { status: res.status, headers: res.headers, body: JSON.parse(text) as unknown };
  } catch {
    throw new GiteaError(
      'bad-response',
      `${what}: Gitea answered ${res.status} with a body that is not JSON`,
      'check that the URL points at Gitea itself, not at a proxy or login page',
      { status: res.status },
    );
  }
}

function networkError(err: unknown, baseUrl: string, what: string, timeoutMs: number): GiteaError {
  if (err instanceof HttpFailure && err.timedOut) {
    return new GiteaError('timeout', `${what}: Gitea did not answer within ${timeoutMs} ms`,
      'check that Gitea is up and reachable, or raise the timeout');
  }
  const code = err instanceof HttpFailure ? err.code : undefined;
  const why = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'host name not found' : code ?? 'network error';
  return new GiteaError('unreachable', `Gitea unreachable at ${baseUrl} (${why})`,
    'check the Gitea URL and that the server is running and reachable from where ferry runs');
}
