import type { Argv } from 'yargs';
import type { HostLockPolicy, LockMode } from '../engine/hostLock/HostLockPolicy.js';
import { holderText } from '../engine/hostLock/holderText.js';
import { FerryError } from '../errors/FerryError.js';

/** `ferry run` options that keep a run safe under faults and next to other runs. */
export interface SafetyArgs {
  lock?: string;
  lockTimeout?: number;
  taskTimeout?: number;
}

export const LOCK_MODES: readonly LockMode[] = ['fail', 'wait', 'off'];

// Fail is the default: a second run against a host another run is changing is most often a mistake (two people on
// the same rotation); failing at once names the holder and changes nothing, where waiting would later apply changes
// its operator may no longer want. Automation that means to queue says --lock wait.
export function safetyOptions<T>(y: Argv<T>) {
  return lockOptions(y)
    .option('task-timeout', { type: 'number', default: 3600, describe: 'seconds any one command may run on a host; a host that does not answer by then is unreachable' });
}

// `ferry run` and `ferry rollback` take a host's lock the same way, so a rollback never interleaves with a run.
export function lockOptions<T>(y: Argv<T>) {
  return y
    .option('lock', { type: 'string', choices: LOCK_MODES as LockMode[], default: 'fail', describe: 'a host another ferry run is changing: fail it at once (naming the holder), wait for it, or take no lock (off)' })
    .option('lock-timeout', { type: 'number', default: 600, describe: 'seconds --lock wait waits for a host before failing it' });
}

/** The lock policy from the command line; the holder text names this run (or rollback) to another that finds it. */
export function hostLockPolicyOf(args: SafetyArgs, source: string, command: 'run' | 'rollback' = 'run'): HostLockPolicy {
  const mode = (args.lock ?? 'fail') as LockMode;
  if (!LOCK_MODES.includes(mode)) throw new FerryError('USAGE', `--lock must be one of ${LOCK_MODES.join(', ')}`, {}, 'e.g. --lock wait');
  return { mode, waitSeconds: positive(args.lockTimeout ?? 600, '--lock-timeout'), holder: holderText(source, new Date(), command) };
}

/** --task-timeout in milliseconds. */
export function taskTimeoutMs(args: SafetyArgs): number {
  return positive(args.taskTimeout ?? 3600, '--task-timeout') * 1000;
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new FerryError('USAGE', `${name} must be a positive number of seconds, got ${value}`, {}, `e.g. ${name} 60`);
  return value;
}
