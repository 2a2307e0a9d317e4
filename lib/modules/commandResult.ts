import type { ApplyResult } from './defineModule.js';
import type { ExecResult } from '../transport/types.js';

// Shapes a finished command the way Ansible registers it: trailing newlines stripped, lines split, rc != 0 failed.
export function commandResult(res: ExecResult, cmd: string | string[]): ApplyResult {
  const stdout = res.stdout.replace(/[\r\n]+$/, '');
  const stderr = res.stderr.replace(/[\r\n]+$/, '');
  const result = { cmd, rc: res.rc, stdout, stderr, stdout_lines: linesOf(stdout), stderr_lines: linesOf(stderr) };
  return res.rc === 0 ? { result } : { result, failed: true, msg: 'non-zero return code' };
}

/** The register values of a command that was not run because of creates/removes. */
export function skippedResult(cmd: string | string[], msg: string): Record<string, unknown> {
  return { cmd, rc: 0, stdout: msg, stderr: '', stdout_lines: [msg], stderr_lines: [] };
}

function linesOf(text: string): string[] {
  return text === '' ? [] : text.split(/\r?\n/);
}
