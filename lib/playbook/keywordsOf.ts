import type { TaskKeywords } from './types.js';

const KEYWORDS: ReadonlyArray<keyof TaskKeywords> = [
  'name', 'no_log', 'check_mode', 'become', 'when', 'register', 'loop', 'loop_control', 'run_once',
  'delegate_to', 'changed_when', 'failed_when', 'ignore_errors', 'notify', 'tags', 'vars', 'listen',
];

// Copies the keywords a step set (an empty `key:` counts as unset), already checked against the task schema.
export function keywordsOf(item: Record<string, unknown>): TaskKeywords {
  const out: Record<string, unknown> = {};
  for (const key of KEYWORDS) if (item[key] !== undefined && item[key] !== null) out[key] = item[key];
  return out as TaskKeywords;
}
