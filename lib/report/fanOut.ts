import type { RunListener } from './types.js';

// The engine talks to one listener; this lets the console and the JSON report both hear every event, in order.
export function fanOut(...listeners: RunListener[]): RunListener {
  return {
    playStart: (play) => listeners.forEach((l) => l.playStart?.(play)),
    taskStart: (task) => listeners.forEach((l) => l.taskStart?.(task)),
    hostResult: (task, result) => listeners.forEach((l) => l.hostResult?.(task, result)),
    hostUnreachable: (host, reason) => listeners.forEach((l) => l.hostUnreachable?.(host, reason)),
    hostRescued: (host) => listeners.forEach((l) => l.hostRescued?.(host)),
    runEnd: (report) => listeners.forEach((l) => l.runEnd?.(report)),
    verbose: (level, host, message) => listeners.forEach((l) => l.verbose?.(level, host, message)),
  };
}
