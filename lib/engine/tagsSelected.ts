// Ansible's tag rules: --tags picks tasks by tag, `always` runs unless skipped by name, `never` runs only when asked for.
export function tagsSelected(taskTags: string[], only: string[] | undefined, skip: string[] | undefined): boolean {
  const tags = new Set(taskTags);
  if (skip?.some((t) => tags.has(t) || (t === 'all' && !tags.has('always')))) return false;
  if (!only || only.length === 0 || only.includes('all')) return !tags.has('never') || only?.includes('never') === true;
  if (tags.has('always')) return true;
  if (only.includes('tagged') && tags.size > 0) return true;
  if (only.includes('untagged') && tags.size === 0) return true;
  return only.some((t) => tags.has(t));
}
