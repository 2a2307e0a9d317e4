/** cron_script's arguments, as the schema admits them. */
export interface CronScriptArgs {
  /** A file in /etc/cron.d. */
  name?: string;
  /** A cron.d-format file anywhere. */
  file?: string;
  /** Which entry: its 0-based index, or a regex its command matches; default every entry in order. */
  job?: number | string;
  /** Instead of a file: a command line, run as `user` with cron's environment. */
  command?: string;
  user?: string;
  /** Seconds each job may run (default 300). */
  timeout?: number;
  expect_rc?: number;
  /** A regex stdout+stderr must match. */
  expect_output?: string;
  /** Extra variables for the job, after the file's own (secrets: they travel on stdin). */
  env?: Record<string, string>;
}

/** The cron file as the probe read it; absent for a plain command. */
export interface CronScriptFacts {
  path?: string;
  exists?: boolean;
  text?: string;
}

/** One job to run, everything cron would give it. */
export interface CronJob {
  /** `name[i]`, or `command` for a plain command: how messages name the job. */
  label: string;
  user: string;
  command: string;
  stdin?: string;
  env: Record<string, string>;
}

/** What apply runs, in order: the plan's jobs, so check mode lists exactly what a real run would start. */
export interface CronScriptData {
  jobs: CronJob[];
}

/** Cron's default job timeout in ferry, in seconds. */
export const DEFAULT_TIMEOUT = 300;
