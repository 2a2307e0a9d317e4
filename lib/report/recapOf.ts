import type { HostTaskResult, Recap } from './types.js';

/** The recap columns in the order Ansible prints them; `pending` is ferry's own, printed last. */
export const RECAP_KEYS = [
  'ok',
  'changed',
  'unreachable',
  'failed',
  'skipped',
  'rescued',
  'ignored',
  'pending',
] as const satisfies ReadonlyArray<keyof Recap>;

// A host that has done nothing yet still appears in the recap, with every count at zero.
export function emptyRecap(): Recap {
  return { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0, pending: 0 };
}

// Only the counts of a host's report entry, so a recap can be compared or printed without its task list.
export function recapOf(counts: Recap): Recap {
  const recap = emptyRecap();
  for (const key of RECAP_KEYS) recap[key] = counts[key];
  return recap;
}

// Counts one result the way Ansible does: a change is also ok, an ignored failure counts as ignored, not failed.
export function countResult(recap: Recap, result: Pick<HostTaskResult, 'status' | 'ignored'>): void {
  switch (result.status) {
    case 'ok':
      recap.ok += 1;
      break;
    case 'changed':
      recap.ok += 1;
      recap.changed += 1;
      break;
    case 'failed':
      if (result.ignored) recap.ignored += 1;
      else recap.failed += 1;
      break;
    case 'skipped':
      recap.skipped += 1;
      break;
    case 'pending':
      recap.pending += 1;
      break;
  }
}
