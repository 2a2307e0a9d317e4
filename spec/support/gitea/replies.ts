/** What a handler answers: a status, a JSON body (none for 204) and extra headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The `url` field of Gitea's error bodies: `<ROOT_URL>api/swagger`. */
export function swaggerUrl(appUrl: string): string {
  return `${appUrl}api/swagger`;
}

// Gitea's APIError body `{message, url}`, the shape of nearly every error it returns.
export function apiError(appUrl: string, status: number, message: string): Reply {
  return { status, body: { message, url: swaggerUrl(appUrl) } };
}

// Gitea's APIErrorNotFound body, which adds `errors` (null when there is no underlying error).
export function notFound(appUrl: string, message = 'not found', errors: string[] | null = null): Reply {
  return { status: 404, body: { message, url: swaggerUrl(appUrl), errors } };
}

// The few middleware answers Gitea writes as a bare `{message}` map, without `url`.
export function bareMessage(status: number, message: string): Reply {
  return { status, body: { message } };
}

// A success (or any reply a handler builds itself), with optional headers such as X-Total-Count.
export function ok(status: number, body?: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}
