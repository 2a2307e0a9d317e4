import type { FileChange } from '../report/types.js';
import type { RemoteHost } from '../transport/types.js';

/** What a module's probe and apply get: the host and the run's mode, nothing of the engine. */
export interface ModuleContext {
  host: RemoteHost;
  /** Inventory hostname (also in host.name). */
  hostname: string;
  /** Run remote work as root through sudo. */
  become: boolean;
  /** True in check mode: apply is never called then, but probes may want to know. */
  check: boolean;
  /** Directory relative controller paths (copy's src) resolve from: the playbook's. */
  baseDir: string;
  /** Registers a secret the module came across (a token read from a host, a minted token, a password) so no output shows it. */
  secret(value: string): void;
  /** Extra detail for -v output; already masked by the engine. */
  log(message: string): void;
  /** Names the run's backup directory on the host (`<store>/<runId>/`); one is made up when absent. */
  runId?: string;
}

/** One change a plan makes: a line for the console and, optionally, a before/after for --diff. */
export interface Change {
  /** Short, human: "create file /etc/app/conf (mode 0640)", "run: systemctl restart app". */
  summary: string;
  /** For --diff: text before and after, for a path. Secrets are masked by the engine's redactor. */
  diff?: { path?: string; before: string; after: string };
}

/** The pure result of comparing facts with arguments: what would change, or why nothing needs to. */
export interface Plan<D = unknown> {
  /** Empty means the host is already as asked (status ok). */
  changes: Change[];
  /** Private to the module: whatever apply needs to carry out the plan. */
  data?: D;
  /** A short message for the console and report (e.g. debug's msg, "skipped, /x exists"). */
  msg?: string;
  /** Values a later `register` sees when nothing is applied (ok result). */
  result?: Record<string, unknown>;
  /** The plan cannot be known yet because an earlier change is still pending in check mode. */
  pending?: string;
  /** The plan decided to do nothing for a reason that is not "already as asked" (status skipped). */
  skipped?: string;
}

/** What apply did. */
export interface ApplyResult {
  /** Values for `register` (rc, stdout, stderr, path …). */
  result?: Record<string, unknown>;
  msg?: string;
  /** The change was attempted and failed (e.g. a command's rc != 0). */
  failed?: boolean;
  /** Every file replaced, created or re-moded, with its backup, for the report and `ferry rollback`. */
  files?: FileChange[];
}

// A module is data: a schema for its arguments, a read-only probe, a pure plan, an apply that does exactly the plan.
export interface ModuleDef<A = any, F = any, D = any> {
  name: string;
  /** One line, for `ferry doc`. */
  summary: string;
  /** JSON Schema (draft-07) of the arguments; validates playbooks and generates docs. */
  args: Record<string, unknown>;
  /** Name of the argument a bare string value maps to (`command: ls` → `{ cmd: 'ls' }`). */
  freeForm?: string;
  /** Arguments whose values are secrets whenever the task sets no_log (or always, for `alwaysSecret`). */
  secretArgs?: string[];
  /** Arguments whose values are secrets even without no_log (e.g. token_file's token). */
  alwaysSecret?: string[];
  /**
   * Checks the schema cannot say well, run on an argument's value when the playbook is loaded (a templated value is
   * checked once rendered, by the plan): a thrown FerryError's message and hint become a problem at the value's line.
   */
  argChecks?: Record<string, (value: unknown) => void>;
  /** Arguments holding bare expressions (assert's `that`, debug's `var`): the engine evaluates them instead of rendering. */
  evaluate?: string[];
  /** Its message is its output (debug): shown at every verbosity, not only with -v. */
  prints?: boolean;
  /** The module never contacts the host (debug, set_fact, assert). */
  local?: boolean;
  /** The module runs in check mode anyway, because its probe is its whole job (assert_identity). */
  readOnly?: boolean;
  /** Read-only: what is there now. One round trip where possible. */
  probe(ctx: ModuleContext, args: A): Promise<F>;
  /**
   * Read-only, optional: the facts of every item of a loop in one round trip, in order. Only for a module whose apply
   * leaves the other items' facts as they were (cron_script reads cron files, then runs jobs). When it throws, each
   * item is probed on its own, so every item still reports its own problem.
   */
  probeItems?(ctx: ModuleContext, items: A[]): Promise<F[]>;
  /** Pure: the changes to make, or why none is needed. */
  plan(facts: F, args: A): Plan<D>;
  /** Does exactly the plan; never called in check mode or when the plan is empty. */
  apply(ctx: ModuleContext, plan: Plan<D>, args: A): Promise<ApplyResult>;
  /** One example task, YAML, for `ferry doc`. */
  example?: string;
}

/** Typed identity: lets a module file declare its argument, fact and plan types in one place. */
export function defineModule<A, F, D>(def: ModuleDef<A, F, D>): ModuleDef<A, F, D> {
  return def;
}
