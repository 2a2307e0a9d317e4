/** A position in a source file, 1-based. */
export interface Pos {
  file: string;
  line: number;
  col: number;
}

/** Keywords a task may carry besides its module; values are raw (untemplated) YAML data. */
export interface TaskKeywords {
  name?: string;
  no_log?: boolean | string;
  check_mode?: boolean | string;
  become?: boolean | string;
  when?: unknown;
  register?: string;
  loop?: unknown;
  loop_control?: { loop_var?: string; label?: string; index_var?: string };
  run_once?: boolean | string;
  delegate_to?: string;
  changed_when?: unknown;
  failed_when?: unknown;
  ignore_errors?: boolean | string;
  notify?: string | string[];
  tags?: string | string[];
  vars?: Record<string, unknown>;
  listen?: string | string[];
}

/** One task as loaded: which module, its raw arguments, its keywords and where it stands. */
export interface TaskDef extends TaskKeywords {
  kind: 'task';
  /** Module name (`command`, `file`, …). */
  module: string;
  /** Raw arguments (a free-form string is already mapped to the module's freeForm key). */
  args: Record<string, unknown>;
  /** Position of the task's first key. */
  pos: Pos;
  /** Position of each argument's value, for errors found after loading (templating). */
  argPos: Record<string, Pos>;
}

/** block / rescue / always, with keywords inherited by its tasks. */
export interface BlockDef extends TaskKeywords {
  kind: 'block';
  block: Step[];
  rescue: Step[];
  always: Step[];
  pos: Pos;
}

/** include_tasks of a relative file, expanded at load time where the path is static. */
export interface IncludeDef extends TaskKeywords {
  kind: 'include';
  file: string;
  /** Loaded steps of the included file. */
  steps: Step[];
  pos: Pos;
}

export type Step = TaskDef | BlockDef | IncludeDef;

export interface SecretSource {
  env?: string;
  file?: string;
}

export interface PlayDef {
  name: string;
  /** Host pattern, as in `--limit`. */
  hosts: string;
  vars: Record<string, unknown>;
  vars_files: string[];
  /** vars_files read at load time (static paths), in order. */
  varsFileData?: Array<{ file: string; vars: Record<string, unknown> }>;
  secrets: Record<string, SecretSource>;
  become: boolean;
  become_user?: string;
  gather_facts?: boolean;
  serial?: number | string | Array<number | string>;
  max_fail_percentage?: number;
  any_errors_fatal?: boolean;
  tasks: Step[];
  handlers: Step[];
  pos: Pos;
}

/** A loaded playbook: its plays in order (import_playbook already expanded). */
export interface Playbook {
  file: string;
  /** Directory the playbook's relative paths resolve from. */
  dir: string;
  plays: PlayDef[];
}
