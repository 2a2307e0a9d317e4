import http from 'node:http';
import https from 'node:https';

/** One HTTP request as the Gitea client sends it. */
export interface HttpRequestSpec {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/** The answer: status, headers by lower-case name, the body as text. */
export interface HttpAnswer {
  status: number;
  headers: { get(name: string): string | null };
  text: string;
}

/** Why no answer came: the deadline passed, or the connection failed (with the system's code, e.g. ECONNREFUSED). */
export class HttpFailure extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

const MAX_REDIRECTS = 5;

// node:http instead of fetch: fetch loads undici and instantiates its WebAssembly parser, some 20 MB of a run's peak
// memory for a handful of small JSON calls. Redirects are followed as fetch does: 303 (and 301/302 after a POST)
// turn into a GET without body, and Authorization never follows a redirect to another origin.
export async function httpExchange(spec: HttpRequestSpec): Promise<HttpAnswer> {
  const deadline = Date.now() + spec.timeoutMs;
  let req = spec;
  for (let hop = 0; ; hop++) {
    const answer = await once(req, Math.max(1, deadline - Date.now()), spec.timeoutMs);
    const location = answer.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(answer.status) || location === null || hop >= MAX_REDIRECTS) return answer;
    const url = new URL(location, req.url);
    const toGet = answer.status === 303 || ((answer.status === 301 || answer.status === 302) && req.method === 'POST');
    const headers = { ...req.headers };
    if (url.origin !== req.url.origin) delete headers.Authorization;
    if (toGet) delete headers['Content-Type'];
    req = { ...req, url, headers, method: toGet ? 'GET' : req.method, body: toGet ? undefined : req.body };
  }
}

function once(spec: HttpRequestSpec, remainingMs: number, timeoutMs: number): Promise<HttpAnswer> {
  const client = spec.url.protocol === 'https:' ? https : http;
  const headers: Record<string, string | number> = { ...spec.headers };
  if (spec.body !== undefined) headers['Content-Length'] = Buffer.byteLength(spec.body);
  return new Promise((resolve, reject) => {
    const request = client.request(spec.url, { method: spec.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err: NodeJS.ErrnoException) => fail(err.message, err.code));
      res.on('end', () => {
        clearTimeout(timer);
        const raw = res.headers;
        resolve({
          status: res.statusCode ?? 0,
          headers: { get: (name) => headerValue(raw[name.toLowerCase()]) },
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    const fail = (message: string, code: string | undefined, timedOut = false): void => {
      clearTimeout(timer);
      request.destroy();
      reject(new HttpFailure(message, code, timedOut));
    };
    const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`, undefined, true), remainingMs);
    request.on('error', (err: NodeJS.ErrnoException) => fail(err.message, err.code));
    request.end(spec.body);
  });
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
