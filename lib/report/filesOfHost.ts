import type { FileChange, HostReport } from './types.js';

// Every file a host's tasks changed, in the order they were changed (a looped task's items in item order).
export function filesOfHost(host: Pick<HostReport, 'tasks'>): FileChange[] {
  return host.tasks.flatMap((t) => [...(t.files ?? []), ...(t.items ?? []).flatMap((i) => i.files ?? [])]);
}
