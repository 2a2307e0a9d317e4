import { attributeScript } from './attributeScript.js';
import type { FileOp } from './filePlan.js';
import { formatMode } from './parseMode.js';
import { shellQuote } from '../transport/shellQuote.js';

// The one script that carries out a file plan; a new path is created with its final mode, never wider first.
export function fileScript(path: string, ops: readonly FileOp[]): string {
  const p = shellQuote(path);
  const lines = ['set -e'];
  for (const op of ops) {
    if (op.op === 'rm') lines.push(`rm -rf -- ${p}`);
    else if (op.op === 'mkdir') lines.push(`mkdir -p -m 0${formatMode(op.mode)} -- ${p}`);
    else if (op.op === 'touch' && op.mode === undefined) lines.push(`touch -- ${p}`);
    else if (op.op === 'touch') lines.push(`(umask 0777 && touch -- ${p})`, `chmod -- 0${formatMode(op.mode ?? 0o644)} ${p}`);
    else lines.push(...attributeScript(path, op));
  }
  return lines.join('\n');
}
