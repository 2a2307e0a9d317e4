import { ok, type Reply } from './replies.js';

/** Gitea's defaults: DEFAULT_PAGING_NUM 30, MAX_RESPONSE_ITEMS 50. */
export const DEFAULT_LIMIT = 30;
/** Largest page Gitea serves, whatever ?limit= asks. */
export const MAX_LIMIT = 50;

// One page of a listing with the X-Total-Count header, read from ?page= and ?limit= the way Gitea reads them.
export function pagedReply<T>(items: T[], query: URLSearchParams, view: (item: T) => unknown): Reply {
  const page = Math.max(formInt(query.get('page')), 1);
  const asked = formInt(query.get('limit'));
  const limit = asked <= 0 ? DEFAULT_LIMIT : Math.min(asked, MAX_LIMIT);
  const slice = items.slice((page - 1) * limit, page * limit);
  return ok(200, slice.map(view), { 'X-Total-Count': String(items.length) });
}

/** ctx.FormInt: a value that is not an integer reads as 0. */
function formInt(v: string | null): number {
  return v !== null && /^[+-]?\d+$/.test(v) ? Number(v) : 0;
}
