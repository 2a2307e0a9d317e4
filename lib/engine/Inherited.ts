import type { TaskKeywords } from '../playbook/types.js';

/** Keywords a block passes down to the tasks inside it. */
export interface Inherited {
  /** Every enclosing `when`, outermost first: all must hold. */
  whens: unknown[];
  /** Every enclosing `vars:`, outermost first. */
  vars: Array<Record<string, unknown>>;
  tags: string[];
  become?: unknown;
  no_log?: unknown;
  check_mode?: unknown;
  ignore_errors?: unknown;
  delegate_to?: string;
  run_once?: unknown;
}

export const ROOT: Inherited = { whens: [], vars: [], tags: [] };

// A step's keywords layered over what its blocks gave it: inner values win, whens and vars accumulate.
export function inherit(outer: Inherited, k: TaskKeywords): Inherited {
  return {
    whens: k.when === undefined ? outer.whens : [...outer.whens, k.when],
    vars: k.vars ? [...outer.vars, k.vars] : outer.vars,
    tags: [...outer.tags, ...toList(k.tags)],
    become: k.become ?? outer.become,
    no_log: k.no_log ?? outer.no_log,
    check_mode: k.check_mode ?? outer.check_mode,
    ignore_errors: k.ignore_errors ?? outer.ignore_errors,
    delegate_to: k.delegate_to ?? outer.delegate_to,
    run_once: k.run_once ?? outer.run_once,
  };
}

/** A keyword that takes one name or a list of them. */
export function toList(v: string | string[] | undefined): string[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : String(v).split(',').map((s) => s.trim()).filter(Boolean);
}
