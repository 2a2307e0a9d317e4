import type { PlayDef } from '../playbook/types.js';

/** The vars a play contributes, in Ansible's order: play vars, then vars_files, then secrets. */
export interface PlayVars {
  play: PlayDef;
  vars: Record<string, unknown>;
  varsFiles: Record<string, unknown>;
  /** Per host, when some vars_files path is a template: the static files' vars, then that host's templated ones. */
  hostVarsFiles?: Map<string, Record<string, unknown>>;
  secrets: Record<string, unknown>;
  hosts: string[];
}

// Merges the play's vars_files data in file order, later files winning.
export function varsFilesOf(play: PlayDef): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const entry of play.varsFileData ?? []) Object.assign(merged, entry.vars);
  return merged;
}
